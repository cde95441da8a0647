package dev.fila.engine.domain.eta;

/** What an ETA predictor may read of a queue. Every figure is computed from the queue's own events. */
public interface QueueObservation {

    /** Requests in the line. */
    int waitingCount();

    /** Agents online in this queue's view. */
    int agentsOnline();

    /** Requests served so far (left the line by acceptance). */
    long servedCount();

    /** Exponentially weighted mean time between two requests leaving the line served; 0 before two. */
    double meanServiceIntervalMillis();

    /** The handle time assumed when nothing has been observed yet (a queue setting). */
    long defaultHandleMillis();
}
