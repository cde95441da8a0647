package dev.fila.simulation;

import dev.fila.simulation.figures.ReplicationFigures;
import java.util.List;

/**
 * What a run produced: the per-request records and the figures computed from them. Immutable. Only
 * {@link #wallNanos()} depends on the machine; it is never written to the result file.
 *
 * @param serviceLevel answered within the target time ÷ all arrivals (abandoned count as not answered)
 * @param averageSpeedOfAnswerMillis mean wait of the served
 * @param abandonmentRate abandoned ÷ arrivals
 * @param agentOccupancy busy slot-time ÷ slot-time online, over all agents (a voice or video interaction
 *     fills all of an agent's slots; a pending invitation holds its slot, R11)
 * @param figures the per-interval and per-queue figures of this run
 */
public record SimulationResult(
        String scenario,
        long seed,
        long horizonMillis,
        long answerWithinMillis,
        double serviceLevelTarget,
        long arrivals,
        long served,
        long abandoned,
        long expired,
        long rejected,
        long waitingAtEnd,
        long inServiceAtEnd,
        double serviceLevel,
        double averageSpeedOfAnswerMillis,
        double abandonmentRate,
        long longestWaitMillis,
        long invitationsExpired,
        long penaltiesApplied,
        double agentOccupancy,
        long eventsProcessed,
        long staleTimers,
        long internalRejections,
        long externalRejections,
        List<QueueFigures> queues,
        List<RequestRecord> requests,
        long wallNanos,
        ReplicationFigures figures) {

    public SimulationResult {
        queues = List.copyOf(queues);
        requests = List.copyOf(requests);
    }

    /** Kernel entries run per second of wall-clock time (machine dependent). */
    public double eventsPerSecond() {
        return wallNanos <= 0 ? 0 : eventsProcessed * 1e9 / wallNanos;
    }

    /** Per-queue figures, in the scenario's queue order. */
    public record QueueFigures(
            String queueId,
            long arrivals,
            long served,
            long abandoned,
            long expired,
            long rejected,
            long waitingAtEnd,
            double serviceLevel,
            double averageSpeedOfAnswerMillis) {}
}
