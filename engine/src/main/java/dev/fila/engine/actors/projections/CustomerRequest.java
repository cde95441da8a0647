package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.request.RequestStatus;
import java.util.List;

/**
 * R24: one of a customer's requests as their history shows it: its protocol (R20), status and every
 * recorded step, oldest first.
 */
public record CustomerRequest(
        long requestId,
        String protocol,
        String customerId,
        String queueId,
        Channel channel,
        RequestStatus status,
        long openedAtMillis,
        long updatedAtMillis,
        List<Step> history) {

    public CustomerRequest {
        history = List.copyOf(history);
    }

    /**
     * One recorded event of the request.
     *
     * @param kind the event's name ({@code Opened}, {@code Invited}, {@code InvitationExpired}, …)
     * @param detail what a person reads beside it (the agent, the reason, the penalty), possibly empty
     */
    public record Step(long sequenceNr, String kind, long atMillis, String detail) {}
}
