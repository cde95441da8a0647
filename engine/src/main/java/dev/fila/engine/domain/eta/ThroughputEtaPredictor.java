package dev.fila.engine.domain.eta;

/**
 * R8: the foundation's predictor. It watches the queue's throughput: once requests have been served,
 * the wait ahead of position p is p times the smoothed time between two services. Before that, it
 * falls back to p times the default handle time divided by the agents online (at least one).
 *
 * <p>Cost: O(1), no allocation.
 */
public final class ThroughputEtaPredictor implements EtaPredictor {

    /** How many services the smoothed interval needs before it is trusted. */
    private final long minimumObservations;

    public ThroughputEtaPredictor(long minimumObservations) {
        if (minimumObservations < 2) {
            throw new IllegalArgumentException("an interval needs at least two services");
        }
        this.minimumObservations = minimumObservations;
    }

    public ThroughputEtaPredictor() {
        this(5);
    }

    @Override
    public String name() {
        return "throughput";
    }

    @Override
    public long predictWaitMillis(QueueObservation queue, int position, long nowMillis) {
        if (position <= 0) {
            return 0;
        }
        if (queue.servedCount() >= minimumObservations && queue.meanServiceIntervalMillis() > 0) {
            return Math.round(position * queue.meanServiceIntervalMillis());
        }
        int agents = Math.max(1, queue.agentsOnline());
        return Math.round((double) position * queue.defaultHandleMillis() / agents);
    }
}
