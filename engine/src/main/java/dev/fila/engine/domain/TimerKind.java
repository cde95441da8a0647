package dev.fila.engine.domain;

/**
 * The timers of a request. A runtime arms them when told by {@link Effect.StartTimer} and, when one
 * falls due, sends {@code RequestCommand.TimerFired(kind, dueMillis)} back to the request that set
 * it. A request ignores a timer whose deadline is no longer its own, so cancelling is only an
 * optimisation: a runtime may cancel lazily.
 */
public enum TimerKind {
    /** R11: the customer's time to accept an invitation (acceptTimeout). */
    INVITATION,
    /** R14 and R7: the customer's available-until, or the queue's closing time with expireAtClose. */
    EXPIRY,
    /** R17: the grace a web visitor has to come back to the page. */
    RETURN_GRACE
}
