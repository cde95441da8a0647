package dev.fila.engine.domain.request;

import dev.fila.engine.domain.Channel;

/**
 * An online request. Immutable; {@link RequestDecider#evolve} returns a new value for every event.
 *
 * @param enteredAtMillis when it last entered the queue (opening or renewal)
 * @param expiresAtMillis R14, R7: when it expires if still queued
 * @param available R9: whether the customer is available (not stepped away)
 * @param customerOnline R10: whether the customer is online in chat
 * @param invitation the pending invitation, or null
 * @param interaction the interaction once accepted, or null
 * @param penalties R11: invitations that ran out, each costing places in the queue
 * @param renewals R14: how many times it was renewed
 * @param reason R10, R15: why it was rejected, or empty
 * @param endedAtMillis when it left the queue for good (left, rejected, expired) or was closed
 * @param survey R16: the survey answer, or null
 */
public record RequestState(
        long requestId,
        String protocol,
        String customerId,
        String queueId,
        Channel channel,
        int priority,
        RequestDetails details,
        RequestStatus status,
        long openedAtMillis,
        long enteredAtMillis,
        long expiresAtMillis,
        boolean available,
        boolean customerOnline,
        Invitation invitation,
        Interaction interaction,
        int penalties,
        int renewals,
        String reason,
        long endedAtMillis,
        Survey survey) {

    public static RequestState unopened() {
        return new RequestState(
                -1,
                "",
                "",
                "",
                Channel.CHAT,
                0,
                null,
                RequestStatus.NEW,
                0,
                0,
                0,
                false,
                false,
                null,
                null,
                0,
                0,
                "",
                0,
                null);
    }

    public boolean isOpened() {
        return status != RequestStatus.NEW;
    }

    /** R18: the state shown in the agent's list, or null before the interaction starts. */
    public InteractionState interactionState() {
        return interaction == null ? null : interaction.state();
    }

    static RequestState opened(RequestEvent.Opened e) {
        return new RequestState(
                e.requestId(),
                e.protocol(),
                e.customerId(),
                e.queueId(),
                e.channel(),
                e.priority(),
                e.details(),
                RequestStatus.WAITING,
                e.atMillis(),
                e.atMillis(),
                e.expiresAtMillis(),
                true,
                e.customerOnline(),
                null,
                null,
                0,
                0,
                "",
                0,
                null);
    }

    RequestState with(RequestStatus newStatus, Invitation newInvitation, Interaction newInteraction) {
        return new RequestState(
                requestId,
                protocol,
                customerId,
                queueId,
                channel,
                priority,
                details,
                newStatus,
                openedAtMillis,
                enteredAtMillis,
                expiresAtMillis,
                available,
                customerOnline,
                newInvitation,
                newInteraction,
                penalties,
                renewals,
                reason,
                endedAtMillis,
                survey);
    }

    RequestState withInteraction(Interaction newInteraction) {
        return with(status, invitation, newInteraction);
    }

    RequestState withAvailability(boolean newAvailable, boolean newCustomerOnline) {
        return new RequestState(
                requestId,
                protocol,
                customerId,
                queueId,
                channel,
                priority,
                details,
                status,
                openedAtMillis,
                enteredAtMillis,
                expiresAtMillis,
                newAvailable,
                newCustomerOnline,
                invitation,
                interaction,
                penalties,
                renewals,
                reason,
                endedAtMillis,
                survey);
    }

    /** Back to waiting after an invitation ran out, one more penalty recorded (R11). */
    RequestState penalised() {
        return new RequestState(
                requestId,
                protocol,
                customerId,
                queueId,
                channel,
                priority,
                details,
                RequestStatus.WAITING,
                openedAtMillis,
                enteredAtMillis,
                expiresAtMillis,
                available,
                customerOnline,
                null,
                null,
                penalties + 1,
                renewals,
                reason,
                endedAtMillis,
                survey);
    }

    /** Out of the queue for good, or closed: {@code newReason} for rejections. */
    RequestState ended(RequestStatus newStatus, String newReason, long atMillis) {
        return new RequestState(
                requestId,
                protocol,
                customerId,
                queueId,
                channel,
                priority,
                details,
                newStatus,
                openedAtMillis,
                enteredAtMillis,
                expiresAtMillis,
                available,
                customerOnline,
                null,
                interaction,
                penalties,
                renewals,
                newReason,
                atMillis,
                survey);
    }

    /** R14: back in the queue, at the back, with the same details. */
    RequestState renewed(long availableUntilMillis, long newExpiresAtMillis, long atMillis) {
        RequestDetails renewedDetails = new RequestDetails(
                details.supportType(),
                details.system(),
                details.module(),
                details.menu(),
                details.description(),
                details.wantsPhoneCall(),
                availableUntilMillis);
        return new RequestState(
                requestId,
                protocol,
                customerId,
                queueId,
                channel,
                priority,
                renewedDetails,
                RequestStatus.WAITING,
                openedAtMillis,
                atMillis,
                newExpiresAtMillis,
                true,
                true,
                null,
                null,
                penalties,
                renewals + 1,
                "",
                0,
                survey);
    }

    RequestState surveyed(Survey answer) {
        return new RequestState(
                requestId,
                protocol,
                customerId,
                queueId,
                channel,
                priority,
                details,
                RequestStatus.SURVEYED,
                openedAtMillis,
                enteredAtMillis,
                expiresAtMillis,
                available,
                customerOnline,
                invitation,
                interaction,
                penalties,
                renewals,
                reason,
                endedAtMillis,
                answer);
    }
}
