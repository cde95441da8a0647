package dev.fila.engine.domain.request;

import dev.fila.engine.domain.Channel;

/**
 * An online request. Immutable; {@link RequestDecider#evolve} returns a new value for every event.
 *
 * @param ticket what was opened (R6, R20)
 * @param status where it stands in its lifecycle
 * @param queueing its standing in the queue (R9, R10, R11, R14)
 * @param invitation the pending invitation, or null
 * @param interaction the interaction once accepted, or null
 * @param reason R10, R15: why it was rejected, or empty
 * @param endedAtMillis when it left the queue for good (left, rejected, expired) or was closed
 * @param survey R16: the survey answer, or null
 */
public record RequestState(
        Ticket ticket,
        RequestStatus status,
        Queueing queueing,
        Invitation invitation,
        Interaction interaction,
        String reason,
        long endedAtMillis,
        Survey survey) {

    public static RequestState unopened() {
        return new RequestState(Ticket.NONE, RequestStatus.NEW, Queueing.NONE, null, null, "", 0, null);
    }

    public boolean isOpened() {
        return status != RequestStatus.NEW;
    }

    public long requestId() {
        return ticket.requestId();
    }

    /** R20. */
    public String protocol() {
        return ticket.protocol();
    }

    public String customerId() {
        return ticket.customerId();
    }

    public String queueId() {
        return ticket.queueId();
    }

    public Channel channel() {
        return ticket.channel();
    }

    public int priority() {
        return ticket.priority();
    }

    public RequestDetails details() {
        return ticket.details();
    }

    public long openedAtMillis() {
        return ticket.openedAtMillis();
    }

    public long enteredAtMillis() {
        return queueing.enteredAtMillis();
    }

    public long expiresAtMillis() {
        return queueing.expiresAtMillis();
    }

    /** R9. */
    public boolean available() {
        return queueing.available();
    }

    /** R10. */
    public boolean customerOnline() {
        return queueing.customerOnline();
    }

    /** R11. */
    public int penalties() {
        return queueing.penalties();
    }

    /** R14. */
    public int renewals() {
        return queueing.renewals();
    }

    /** R18: the state shown in the agent's list, or null before the interaction starts. */
    public InteractionState interactionState() {
        return interaction == null ? null : interaction.state();
    }

    static RequestState opened(RequestEvent.Opened e) {
        Ticket ticket = new Ticket(
                e.requestId(),
                e.protocol(),
                e.customerId(),
                e.queueId(),
                e.channel(),
                e.priority(),
                e.details(),
                e.atMillis());
        Queueing queueing = new Queueing(e.atMillis(), e.expiresAtMillis(), true, e.customerOnline(), 0, 0);
        return new RequestState(ticket, RequestStatus.WAITING, queueing, null, null, "", 0, null);
    }

    RequestState with(RequestStatus newStatus, Invitation newInvitation, Interaction newInteraction) {
        return new RequestState(
                ticket, newStatus, queueing, newInvitation, newInteraction, reason, endedAtMillis, survey);
    }

    RequestState withInteraction(Interaction newInteraction) {
        return with(status, invitation, newInteraction);
    }

    RequestState withQueueing(Queueing newQueueing) {
        return new RequestState(ticket, status, newQueueing, invitation, interaction, reason, endedAtMillis, survey);
    }

    /** Back to waiting after an invitation ran out, one more penalty recorded (R11). */
    RequestState penalised() {
        return new RequestState(
                ticket, RequestStatus.WAITING, queueing.penalised(), null, null, reason, endedAtMillis, survey);
    }

    /** Out of the queue for good, or closed: {@code newReason} for rejections. */
    RequestState ended(RequestStatus newStatus, String newReason, long atMillis) {
        return new RequestState(ticket, newStatus, queueing, null, interaction, newReason, atMillis, survey);
    }

    /** R14: back in the queue, at the back, with the same details. */
    RequestState renewed(long availableUntilMillis, long newExpiresAtMillis, long atMillis) {
        return new RequestState(
                ticket.withAvailableUntil(availableUntilMillis),
                RequestStatus.WAITING,
                queueing.renewed(atMillis, newExpiresAtMillis),
                null,
                null,
                "",
                0,
                survey);
    }

    RequestState surveyed(Survey answer) {
        return new RequestState(
                ticket, RequestStatus.SURVEYED, queueing, invitation, interaction, reason, endedAtMillis, answer);
    }
}
