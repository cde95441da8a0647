package dev.fila.engine.domain.request;

/** Where an online request stands in its lifecycle. */
public enum RequestStatus {
    /** Not opened yet. */
    NEW,
    WAITING,
    INVITED,
    IN_SERVICE,
    /** R16: the agent closed it; the survey is pending. */
    CLOSED,
    SURVEYED,
    /** R13. */
    LEFT,
    /** R10, R15: with a reason. */
    REJECTED,
    /** R14: may be renewed on the next business day. */
    EXPIRED;

    /** Still in the queue (waiting, or invited and holding its place). */
    public boolean isQueued() {
        return this == WAITING || this == INVITED;
    }
}
