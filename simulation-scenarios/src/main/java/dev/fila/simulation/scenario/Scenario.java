package dev.fila.simulation.scenario;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.queue.QueueSettings;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A scenario, as read from its file: where and when it runs, the queues, the agents and when each is
 * online (the staffing plan), the load, the service-level target, the reporting interval and the
 * replications. Immutable; the maps keep the file's order (so runs never depend on hash order).
 *
 * @param startMillis the start, epoch millis ({@code start} read in {@code timeZone})
 * @param horizonMillis simulated time after the start
 * @param agents every agent that works at some time; each carries the windows it is online in
 * @param intervalMillis the reporting and staffing interval (default 30 minutes)
 * @param replications independent replications to run (default 1)
 * @param warmupMillis arrivals before {@code start + warmupMillis} are simulated but not counted
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
        ServiceLevel serviceLevel,
        long intervalMillis,
        int replications,
        long warmupMillis) {

    /** The default reporting and staffing interval: 30 minutes. */
    public static final long DEFAULT_INTERVAL_MILLIS = 30 * 60_000L;

    public Scenario {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        if (intervalMillis <= 0 || replications < 1 || warmupMillis < 0) {
            throw new IllegalArgumentException("interval and replications must be positive, warm-up not negative");
        }
    }

    /** A scenario with the defaults: 30-minute intervals, one replication, no warm-up. */
    public Scenario(
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
        this(
                name,
                seed,
                start,
                timeZone,
                startMillis,
                horizonMillis,
                queues,
                agents,
                load,
                serviceLevel,
                DEFAULT_INTERVAL_MILLIS,
                1,
                0);
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(
                name,
                newSeed,
                start,
                timeZone,
                startMillis,
                horizonMillis,
                queues,
                agents,
                load,
                serviceLevel,
                intervalMillis,
                replications,
                warmupMillis);
    }

    /** The same scenario with another number of replications. */
    public Scenario withReplications(int n) {
        return new Scenario(
                name,
                seed,
                start,
                timeZone,
                startMillis,
                horizonMillis,
                queues,
                agents,
                load,
                serviceLevel,
                intervalMillis,
                n,
                warmupMillis);
    }

    /** The same scenario with another staffing (the agents and their online windows). */
    public Scenario withAgents(List<AgentSpec> newAgents) {
        return new Scenario(
                name,
                seed,
                start,
                timeZone,
                startMillis,
                horizonMillis,
                queues,
                newAgents,
                load,
                serviceLevel,
                intervalMillis,
                replications,
                warmupMillis);
    }

    /** The number of reporting intervals in the horizon (the last one may be shorter). */
    public int intervalCount() {
        return (int) ((horizonMillis + intervalMillis - 1) / intervalMillis);
    }

    /**
     * One agent: its queues with skill levels (R2 maxChats), and the windows in which it is online
     * (R4). An empty list means online for the whole run.
     */
    public record AgentSpec(String id, Map<String, Integer> skills, int maxChats, List<OnlineWindow> online) {
        public AgentSpec {
            skills = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skills));
            online = List.copyOf(online);
        }

        /** An agent online for the whole run. */
        public AgentSpec(String id, Map<String, Integer> skills, int maxChats) {
            this(id, skills, maxChats, List.of());
        }

        /** True when this agent is online for the whole run. */
        public boolean alwaysOnline() {
            return online.isEmpty();
        }

        /** True when the agent is online at {@code atMillis}. */
        public boolean onlineAt(long atMillis) {
            if (online.isEmpty()) {
                return true;
            }
            for (OnlineWindow w : online) {
                if (w.fromMillis() <= atMillis && atMillis < w.toMillis()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A span of time, epoch millis, {@code [fromMillis, toMillis)}, in which an agent is online. */
    public record OnlineWindow(long fromMillis, long toMillis) {
        public OnlineWindow {
            if (toMillis <= fromMillis) {
                throw new IllegalArgumentException("an online window must end after it starts");
            }
        }
    }

    /**
     * The generated load.
     *
     * @param arrivalsPerHour the Poisson arrival rate when constant; the mean rate over the horizon
     *     when {@code arrivalsPerHourByInterval} is given
     * @param patience time a customer waits before leaving (R13), or null for customers who never leave
     * @param acceptDelay time an invited customer takes to accept (R11: beyond the timeout, too late)
     * @param neverAccepts share of customers who never answer an invitation (R11)
     * @param channelMix share of arrivals per channel (file order)
     * @param queueMix share of arrivals per queue (file order)
     * @param priorityShare share of arrivals who are priority customers (R19, priority 1)
     * @param availableFor how long after arrival a customer stays available (R14), or null: all day
     * @param stepAway R9 episodes, or null
     * @param arrivalsPerHourByInterval the rate in each reporting interval from the start (a
     *     non-homogeneous Poisson process with a piecewise-constant rate), or empty for a constant rate
     * @param renewShare R14: share of customers whose request expired who renew it when the queue
     *     next opens on a later business day
     * @param trace a recorded load replayed instead of generated arrivals, or null; with a trace the
     *     rates and mixes above are the trace's own (as counted when the scenario was read), for the
     *     Erlang baseline and the reports
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
            StepAway stepAway,
            List<Double> arrivalsPerHourByInterval,
            double renewShare,
            Trace trace) {

        public Load {
            arrivalsPerHourByInterval = List.copyOf(arrivalsPerHourByInterval);
        }

        /** True when the arrivals are replayed from a recorded trace. */
        public boolean replaysTrace() {
            return trace != null;
        }

        /** A generated constant-rate load (no trace), nobody renews. */
        public Load(
                double arrivalsPerHour,
                Distribution handleTime,
                Distribution patience,
                Distribution acceptDelay,
                double neverAccepts,
                Map<Channel, Double> channelMix,
                Map<String, Double> queueMix,
                double priorityShare,
                Distribution availableFor,
                StepAway stepAway) {
            this(
                    arrivalsPerHour,
                    handleTime,
                    patience,
                    acceptDelay,
                    neverAccepts,
                    channelMix,
                    queueMix,
                    priorityShare,
                    availableFor,
                    stepAway,
                    List.of(),
                    0,
                    null);
        }

        /** The arrival rate per hour in reporting interval {@code i}. */
        public double ratePerHour(int interval) {
            if (arrivalsPerHourByInterval.isEmpty()) {
                return arrivalsPerHour;
            }
            return arrivalsPerHourByInterval.get(Math.min(interval, arrivalsPerHourByInterval.size() - 1));
        }
    }

    /**
     * A recorded load (Fila's load CSV) replayed as it was: arrivals, queues, channels, priorities,
     * handle times and patience come from the file, re-read by every replication; behaviour the trace
     * does not record (a censored patience's excess, unknown handle times, acceptance, stepping away)
     * is drawn.
     *
     * @param file the CSV, resolved against the scenario file's folder
     * @param records the rows within the horizon (counted when the scenario was read)
     */
    public record Trace(java.nio.file.Path file, long records) {
        public Trace {
            java.util.Objects.requireNonNull(file, "file");
        }
    }

    /** R9: a share of customers step away once, after a while, for a while. */
    public record StepAway(double share, Distribution after, Distribution duration) {}

    /**
     * Answered within {@code answerWithinMillis}, for {@code target} of all arrivals; and, when a
     * scenario states one, at most {@code maxAbandonment} of all arrivals abandoned (1 = no ceiling).
     */
    public record ServiceLevel(long answerWithinMillis, double target, double maxAbandonment) {

        /** The ceiling when none is stated: every arrival may abandon. */
        public static final double NO_ABANDONMENT_CEILING = 1.0;

        /** A target with no abandonment ceiling. */
        public ServiceLevel(long answerWithinMillis, double target) {
            this(answerWithinMillis, target, NO_ABANDONMENT_CEILING);
        }
    }
}
