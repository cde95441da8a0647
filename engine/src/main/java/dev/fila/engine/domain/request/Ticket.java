package dev.fila.engine.domain.request;

import dev.fila.engine.domain.Channel;

/**
 * R6, R20: what the customer gave when opening the request, and the protocol number it was given.
 * Only a renewal (R14) changes it, and only its available-until.
 */
public record Ticket(
        long requestId,
        String protocol,
        String customerId,
        String queueId,
        Channel channel,
        int priority,
        RequestDetails details,
        long openedAtMillis) {

    static final Ticket NONE = new Ticket(-1, "", "", "", Channel.CHAT, 0, null, 0);

    Ticket withAvailableUntil(long availableUntilMillis) {
        RequestDetails renewed = new RequestDetails(
                details.supportType(),
                details.system(),
                details.module(),
                details.menu(),
                details.description(),
                details.wantsPhoneCall(),
                availableUntilMillis);
        return new Ticket(requestId, protocol, customerId, queueId, channel, priority, renewed, openedAtMillis);
    }
}
