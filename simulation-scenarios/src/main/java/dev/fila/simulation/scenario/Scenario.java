package dev.fila.simulation.scenario;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.queue.QueueSettings;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A scenario, as read from its file: where and when it runs, the queues, the agents, the load and the
 * service-level target. Immutable; the maps keep the file's order (so runs never depend on hash order).
 *
 * @param startMillis the start, epoch millis ({@code start} read in {@code timeZone})
 * @param horizonMillis simulated time after the start
 */
public record Scenario(
        String name,
        long seed,
        LocalDateTime start,
        ZoneId timeZone,
        long startMillis,
        long horizonMillis,
        List<QueueSettings> queues,
        List<AgentSpec> agents,
        Load load,
        ServiceLevel serviceLevel) {

    public Scenario {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(
                name, newSeed, start, timeZone, startMillis, horizonMillis, queues, agents, load, serviceLevel);
    }

    /** One agent: its queues with skill levels (R2 maxChats). */
    public record AgentSpec(String id, Map<String, Integer> skills, int maxChats) {}

    /**
     * The generated load.
     *
     * @param arrivalsPerHour Poisson arrival rate over the whole horizon
     * @param patience time a customer waits before leaving (R13), or null for customers who never leave
     * @param acceptDelay time an invited customer takes to accept (R11: beyond the timeout, too late)
     * @param neverAccepts share of customers who never answer an invitation (R11)
     * @param channelMix share of arrivals per channel (file order)
     * @param queueMix share of arrivals per queue (file order)
     * @param priorityShare share of arrivals who are priority customers (R19, priority 1)
     * @param availableFor how long after arrival a customer stays available (R14), or null: all day
     * @param stepAway R9 episodes, or null
     */
    public record Load(
            double arrivalsPerHour,
            Distribution handleTime,
            Distribution patience,
            Distribution acceptDelay,
            double neverAccepts,
            Map<Channel, Double> channelMix,
            Map<String, Double> queueMix,
            double priorityShare,
            Distribution availableFor,
            StepAway stepAway) {}

    /** R9: a share of customers step away once, after a while, for a while. */
    public record StepAway(double share, Distribution after, Distribution duration) {}

    /** Answered within {@code answerWithinMillis}, for {@code target} of all arrivals. */
    public record ServiceLevel(long answerWithinMillis, double target) {}
}
