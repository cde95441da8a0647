package dev.fila.engine.domain.eta;

/**
 * R8: the queue-length predictor (QL) of the queueing literature: the request at position p waits
 * about p mean handle times shared among the agents online, {@code p × meanHandle ÷ agents}. The mean
 * handle time is the queue's observed one (its default setting before any close); with nobody online
 * it assumes one agent.
 *
 * <p>It is the M/M/s answer for one request per agent: it knows nothing of chat concurrency (R2),
 * abandonment ahead, invitations (R11) or stepped-away customers (R9), which is what makes it a useful
 * baseline. Cost: O(1), no allocation.
 */
public final class QueueLengthEtaPredictor implements EtaPredictor {

    @Override
    public String name() {
        return "queue-length";
    }

    @Override
    public long predictWaitMillis(QueueObservation queue, int position, long nowMillis) {
        if (position <= 0) {
            return 0;
        }
        int agents = Math.max(1, queue.agentsOnline());
        return Math.round(position * queue.meanHandleMillis() / agents);
    }
}
