package dev.fila.engine.domain.eta;

/**
 * R8: predicts how long a waiting request still has to wait. Implementations are pure functions of
 * what they are given (no clock: the instant is an argument); the scenario runner measures each one's
 * error against the waits that happened.
 */
public interface EtaPredictor {

    /** A short stable name, used in reports. */
    String name();

    /**
     * The predicted remaining wait, as of {@code nowMillis}, of the request standing at {@code position}
     * (1-based) in the line observed by {@code queue}, in milliseconds (never negative).
     */
    long predictWaitMillis(QueueObservation queue, int position, long nowMillis);
}
