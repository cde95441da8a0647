package dev.fila.engine.domain.request;

/**
 * The request's standing in the queue.
 *
 * @param enteredAtMillis when it last entered the queue (opening or renewal)
 * @param expiresAtMillis R14, R7: when it expires if still queued
 * @param available R9: whether the customer is available (not stepped away)
 * @param customerOnline R10: whether the customer is online in chat
 * @param penalties R11: invitations that ran out, each costing places in the queue
 * @param renewals R14: how many times it was renewed
 */
public record Queueing(
        long enteredAtMillis,
        long expiresAtMillis,
        boolean available,
        boolean customerOnline,
        int penalties,
        int renewals) {

    static final Queueing NONE = new Queueing(0, 0, false, false, 0, 0);

    Queueing withPresence(boolean newAvailable, boolean newCustomerOnline) {
        return new Queueing(enteredAtMillis, expiresAtMillis, newAvailable, newCustomerOnline, penalties, renewals);
    }

    Queueing penalised() {
        return new Queueing(enteredAtMillis, expiresAtMillis, available, customerOnline, penalties + 1, renewals);
    }

    Queueing renewed(long atMillis, long newExpiresAtMillis) {
        return new Queueing(atMillis, newExpiresAtMillis, true, true, penalties, renewals + 1);
    }
}
