package dev.fila.engine.domain.eta;

/**
 * R8: predicts how long a waiting request still has to wait. Implementations are pure functions of
 * what they are given; the scenario runner measures each one's error against the waits that happened.
 */
public interface EtaPredictor {

    /** A short stable name, used in reports. */
    String name();

    /**
     * The predicted remaining wait of the request standing at {@code position} (1-based) in the line
     * observed by {@code queue}, in milliseconds.
     */
    long predictWaitMillis(QueueObservation queue, int position);
}
