package dev.fila.simulation.figures;

import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.simulation.erlang.ErlangA;
import dev.fila.simulation.erlang.ErlangC;
import dev.fila.simulation.erlang.ErlangResult;
import dev.fila.simulation.erlang.IntervalLoad;
import dev.fila.simulation.erlang.StaffingTarget;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.staffing.ScenarioLoads;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Erlang C and Erlang A beside a simulation: for each queue and interval, computed analytically from the
 * scenario's load ({@link ScenarioLoads#perInterval}) and the agents actually online (the agents skilled
 * for the queue who are online at the interval's midpoint, from the staffing plan and shifts, R4), the
 * figures of each model at that staffing and the fewest agents that meet the scenario's target. Erlang A
 * only when the scenario has a patience (R13); its figures are NaN otherwise.
 *
 * <p>Each interval is its own steady state (the usual stationary-independent-period-by-period
 * approximation). While a queue is closed at the interval's midpoint (R7) Erlang sees no arrivals.
 * Undefined figures are NaN (no arrivals; no staffing up to the search limit meets the target); an
 * unstable Erlang C queue (offered load ≥ agents) has service level 0 and an infinite ASA.
 *
 * <p>Servers: Erlang's server is an agent serving one customer at a time. An agent who takes up to
 * maxChats chats at once (R2) is counted as one server in {@link ErlangMetric#AGENTS_ONLINE}, and as
 * maxChats servers in {@link ErlangMetric#CHAT_SLOTS_ONLINE} (and {@link
 * ErlangMetric#ERLANG_C_SERVICE_LEVEL_AT_CHAT_SLOTS}): the truth for chat lies between the two when
 * concurrent chats do not slow each other down.
 *
 * <p>The row of all queues: counts are summed over the queues (agents online counts each agent once),
 * service level and abandonment weighted by arrivals, ASA by answered arrivals, occupancy by agents. An
 * agent serving several queues counts as a server of each (Erlang knows no shared agents). Overall
 * figures: after the warm-up, counts are time-weighted means, the rest weighted as across queues.
 *
 * @param rows the queue ids, then {@link ReplicationFigures#ALL}
 * @param withAbandonment whether the scenario has a patience, so Erlang A is computed
 * @param intervals {@code [row][interval][metric]}
 * @param overall {@code [row][metric]}
 */
public record ErlangBaseline(List<String> rows, boolean withAbandonment, double[][][] intervals, double[][] overall) {

    public ErlangBaseline {
        rows = List.copyOf(rows);
    }

    private static final int M = ErlangMetric.count();

    public int row(String queueOrAll) {
        int i = rows.indexOf(queueOrAll);
        if (i < 0) {
            throw new IllegalArgumentException("no row " + queueOrAll);
        }
        return i;
    }

    public double interval(String queueOrAll, int interval, ErlangMetric m) {
        return intervals[row(queueOrAll)][interval][m.ordinal()];
    }

    public double overall(String queueOrAll, ErlangMetric m) {
        return overall[row(queueOrAll)][m.ordinal()];
    }

    /**
     * The intervals in which Erlang C's queue grows without bound at the agents online (offered load ≥
     * agents): its ASA there, and so overall, is infinite.
     */
    public int erlangCUnstableIntervals(String queueOrAll) {
        int count = 0;
        for (double[] f : intervals[row(queueOrAll)]) {
            if (f[ErlangMetric.ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS.ordinal()] == Double.POSITIVE_INFINITY) {
                count++;
            }
        }
        return count;
    }

    /** One value per interval, for a chart. */
    public double[] series(String queueOrAll, ErlangMetric m) {
        double[][] r = intervals[row(queueOrAll)];
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i][m.ordinal()];
        }
        return out;
    }

    /** The largest staffing the search tries for an offered load of {@code a} Erlangs. */
    static int searchLimit(double a) {
        return (int) Math.ceil(a + 10 * Math.sqrt(a) + 50);
    }

    /** Computes the baseline for a scenario (deterministic; O(intervals × queues × agents·log agents)). */
    public static ErlangBaseline of(Scenario sc) {
        int queues = sc.queues().size();
        int n = sc.intervalCount();
        long end = sc.startMillis() + sc.horizonMillis();
        double answerWithinSeconds = sc.serviceLevel().answerWithinMillis() / 1000.0;
        StaffingTarget target = StaffingTarget.serviceLevel(
                answerWithinSeconds, sc.serviceLevel().target());
        boolean withAbandonment = sc.load().patience() != null;
        double[][][] values = new double[queues + 1][n][M];
        double[] span = new double[n];
        for (int i = 0; i < n; i++) {
            long from = sc.startMillis() + i * sc.intervalMillis();
            long to = Math.min(end, from + sc.intervalMillis());
            span[i] = to - from;
            long mid = from + (to - from) / 2;
            int agents = 0;
            int slots = 0;
            for (Scenario.AgentSpec a : sc.agents()) {
                if (a.onlineAt(mid)
                        && sc.queues().stream().anyMatch(q -> a.skills().containsKey(q.queueId()))) {
                    agents++;
                    slots += a.maxChats();
                }
            }
            values[queues][i][ErlangMetric.AGENTS_ONLINE.ordinal()] = agents;
            values[queues][i][ErlangMetric.CHAT_SLOTS_ONLINE.ordinal()] = slots;
        }
        for (int q = 0; q < queues; q++) {
            QueueSettings queue = sc.queues().get(q);
            List<IntervalLoad> loads = loadsOf(sc, queue.queueId());
            for (int i = 0; i < n; i++) {
                long from = sc.startMillis() + i * sc.intervalMillis();
                long mid = from + (long) span[i] / 2;
                int agents = 0;
                int slots = 0;
                for (Scenario.AgentSpec a : sc.agents()) {
                    if (a.skills().containsKey(queue.queueId()) && a.onlineAt(mid)) {
                        agents++;
                        slots += a.maxChats();
                    }
                }
                IntervalLoad load = loads == null ? null : loads.get(i);
                boolean open = queue.calendar().isOpen(mid);
                evaluate(values[q][i], load, open, agents, slots, target, withAbandonment);
            }
        }
        int firstCounted = (int) Math.min(n, (sc.warmupMillis() + sc.intervalMillis() - 1) / sc.intervalMillis());
        double[][] overall = new double[queues + 1][M];
        for (int i = 0; i < n; i++) {
            combine(values, queues, i);
        }
        for (int r = 0; r <= queues; r++) {
            double[][] parts = new double[n - firstCounted][];
            double[] weights = new double[n - firstCounted];
            for (int i = firstCounted; i < n; i++) {
                parts[i - firstCounted] = values[r][i];
                weights[i - firstCounted] = span[i];
            }
            overall[r] = weighted(parts, weights, true);
        }
        List<String> rows = new ArrayList<>();
        sc.queues().forEach(q -> rows.add(q.queueId()));
        rows.add(ReplicationFigures.ALL);
        return new ErlangBaseline(rows, withAbandonment, values, overall);
    }

    private static List<IntervalLoad> loadsOf(Scenario sc, String queueId) {
        try {
            return ScenarioLoads.perInterval(sc, queueId);
        } catch (IllegalArgumentException e) {
            return null; // the queue takes no share of the generated load, or Erlang cannot read it
        }
    }

    private static void evaluate(
            double[] f,
            IntervalLoad load,
            boolean open,
            int agents,
            int slots,
            StaffingTarget target,
            boolean withAbandonment) {
        java.util.Arrays.fill(f, Double.NaN);
        f[ErlangMetric.AGENTS_ONLINE.ordinal()] = agents;
        f[ErlangMetric.CHAT_SLOTS_ONLINE.ordinal()] = slots;
        if (load == null) {
            return;
        }
        double rate = open ? load.arrivalsPerHour() : 0;
        double handle = load.handleSeconds();
        double a = rate / 3600.0 * handle;
        f[ErlangMetric.ARRIVALS_PER_HOUR.ordinal()] = rate;
        f[ErlangMetric.OFFERED_LOAD_ERLANGS.ordinal()] = a;
        if (rate == 0) { // nobody arrives: nobody needs serving, the agents online sit idle
            f[ErlangMetric.ERLANG_C_AGENTS_NEEDED.ordinal()] = 0;
            f[ErlangMetric.ERLANG_C_OCCUPANCY.ordinal()] = agents == 0 ? Double.NaN : 0;
            if (withAbandonment) {
                f[ErlangMetric.ERLANG_A_AGENTS_NEEDED.ordinal()] = 0;
                f[ErlangMetric.ERLANG_A_OCCUPANCY.ordinal()] = agents == 0 ? Double.NaN : 0;
            }
            return;
        }
        double t = target.answerWithinSeconds();
        int limit = searchLimit(a);
        ErlangResult c = ErlangC.evaluate(rate, handle, agents, t);
        f[ErlangMetric.ERLANG_C_SERVICE_LEVEL.ordinal()] = c.serviceLevel();
        f[ErlangMetric.ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS.ordinal()] = c.averageSpeedOfAnswerSeconds();
        f[ErlangMetric.ERLANG_C_OCCUPANCY.ordinal()] = agents == 0 ? Double.NaN : c.occupancy();
        f[ErlangMetric.ERLANG_C_SERVICE_LEVEL_AT_CHAT_SLOTS.ordinal()] =
                ErlangC.evaluate(rate, handle, slots, t).serviceLevel();
        f[ErlangMetric.ERLANG_C_AGENTS_NEEDED.ordinal()] =
                agentsOrNaN(ErlangC.fewestAgents(rate, handle, target, limit));
        if (withAbandonment) {
            double patience = load.patienceSeconds();
            ErlangResult e = ErlangA.evaluate(rate, handle, patience, agents, t);
            f[ErlangMetric.ERLANG_A_SERVICE_LEVEL.ordinal()] = e.serviceLevel();
            f[ErlangMetric.ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS.ordinal()] =
                    e.abandonmentRate() >= 1 ? Double.NaN : e.averageSpeedOfAnswerSeconds();
            f[ErlangMetric.ERLANG_A_ABANDONMENT_RATE.ordinal()] = e.abandonmentRate();
            f[ErlangMetric.ERLANG_A_OCCUPANCY.ordinal()] = agents == 0 ? Double.NaN : e.occupancy();
            f[ErlangMetric.ERLANG_A_AGENTS_NEEDED.ordinal()] =
                    agentsOrNaN(ErlangA.fewestAgents(rate, handle, patience, target, limit));
        }
    }

    private static double agentsOrNaN(OptionalInt n) {
        return n.isPresent() ? n.getAsInt() : Double.NaN;
    }

    /** Fills the row of all queues (index {@code queues}) of interval {@code i} from the queues' rows. */
    private static void combine(double[][][] values, int queues, int i) {
        double[][] parts = new double[queues][];
        double[] ones = new double[queues];
        for (int q = 0; q < queues; q++) {
            parts[q] = values[q][i];
            ones[q] = 1;
        }
        double[] all = weighted(parts, ones, false);
        double agents = values[queues][i][ErlangMetric.AGENTS_ONLINE.ordinal()];
        double slots = values[queues][i][ErlangMetric.CHAT_SLOTS_ONLINE.ordinal()];
        System.arraycopy(all, 0, values[queues][i], 0, M);
        values[queues][i][ErlangMetric.AGENTS_ONLINE.ordinal()] = agents;
        values[queues][i][ErlangMetric.CHAT_SLOTS_ONLINE.ordinal()] = slots;
    }

    /**
     * Combines parts (queues of one interval, or intervals of one row) by each metric's {@link
     * ErlangMetric.Weight}: {@code meanOfCounts} false sums counts (across queues), true takes their
     * {@code weights}-weighted mean (over intervals, weights = durations). Ratios are weighted by their
     * weight times {@code weights}; a part whose weight is zero is left out, a NaN or infinite value with a
     * positive weight makes the result NaN or infinite.
     */
    private static double[] weighted(double[][] parts, double[] weights, boolean meanOfCounts) {
        double[] out = new double[M];
        for (int m = 0; m < M; m++) {
            ErlangMetric metric = ErlangMetric.of(m);
            double sum = 0;
            double total = 0;
            for (int p = 0; p < parts.length; p++) {
                double[] f = parts[p];
                double w =
                        switch (metric.weight()) {
                            case COUNT -> 1;
                            case ARRIVALS -> f[ErlangMetric.ARRIVALS_PER_HOUR.ordinal()];
                            case ANSWERED_A ->
                                f[ErlangMetric.ARRIVALS_PER_HOUR.ordinal()]
                                        * (1 - f[ErlangMetric.ERLANG_A_ABANDONMENT_RATE.ordinal()]);
                            case AGENTS -> f[ErlangMetric.AGENTS_ONLINE.ordinal()];
                        };
                w *= weights[p];
                if (metric.weight() != ErlangMetric.Weight.COUNT && !(w > 0)) {
                    continue; // no arrivals (or no agents) here: this part says nothing about the ratio
                }
                sum += w * f[m];
                total += w;
            }
            if (metric.weight() == ErlangMetric.Weight.COUNT && !meanOfCounts) {
                out[m] = parts.length == 0 ? Double.NaN : sum;
            } else {
                out[m] = total == 0 ? Double.NaN : sum / total;
            }
        }
        return out;
    }
}
