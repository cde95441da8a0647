package dev.fila.simulation.load;

import java.util.Objects;

/**
 * The recorded staffing of one queue in one interval, as {@link RecordedStaffing} derives it.
 *
 * @param startMillis the interval's start, epoch milliseconds (inclusive)
 * @param endMillis its end (exclusive)
 * @param agents the estimate: agents on a shift of activity, each for the fraction of the interval
 *     their shift covers
 * @param agentsDistinct the distinct agents seen serving the queue in the interval (overstates)
 * @param agentsBusy the mean number of agents busy serving the queue over the interval (understates)
 */
public record StaffingInterval(
        long startMillis, long endMillis, String queueId, double agents, int agentsDistinct, double agentsBusy) {

    public StaffingInterval {
        Objects.requireNonNull(queueId, "queueId");
        if (endMillis <= startMillis || agents < 0 || agentsDistinct < 0 || agentsBusy < 0) {
            throw new IllegalArgumentException("bad staffing interval for " + queueId + "@" + startMillis);
        }
    }
}
