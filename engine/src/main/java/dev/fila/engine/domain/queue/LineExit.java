package dev.fila.engine.domain.queue;

/** Why a request left the waiting line. */
public enum LineExit {
    /** R12: the customer accepted an invitation. */
    SERVED,
    /** R13: the customer left. */
    LEFT,
    /** R14: the customer's available-until passed (or the queue closed with expireAtClose, R7). */
    EXPIRED,
    /** R15: the support team rejected the request. */
    REJECTED,
    /** R10: the customer was not online in chat when invited. */
    REFUSED
}
