package dev.fila.simulation;

import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.kernel.KernelListener;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one replication's figures per interval as the kernel runs, then adds the arrival figures
 * from the request records at the end ({@link #figures}).
 *
 * <p>Time figures are integrals of piecewise-constant quantities: at each change the span since the
 * previous change is spread over the intervals it covers, so a cost of O(intervals crossed) per
 * change, usually O(1). Queue length is sampled on a fixed grid of at most {@value #MAX_SAMPLES}
 * points for the chart. An agent serving several queues counts in each of their rows (and once in the
 * row of all queues).
 */
final class IntervalCollector implements KernelListener {

    static final int MAX_SAMPLES = 2_000;
    private static final int M = Metric.count();

    private final Scenario scenario;
    private final long startMillis;
    private final long endMillis;
    private final long intervalMillis;
    private final int intervals;
    private final int all;
    private final Map<String, Integer> queueIndex = new HashMap<>();
    private final Map<String, Integer> agentIndex = new HashMap<>();
    private final long sampleStepMillis;

    // time integrals and event counts, [row][interval]
    private final double[][] queueLength;
    private final double[][] queueLengthMax;
    private final double[][] online;
    private final double[][] busy;
    private final double[][] capacity;
    private final double[][] invitationsExpired;
    private final double[][] penalties;
    private final double[][] expiries;
    private final double[][] renewals;
    private final double[][] series;

    // current values
    private final int[] length;
    private final long[] lengthSince;
    private final int[] units;
    private final int[] slots;
    private final boolean[] isOnline;
    private final long[] agentSince;
    private final int[][] agentRows;
    private final double[] agentBusy;
    private final double[] agentCapacity;

    IntervalCollector(Scenario scenario) {
        this.scenario = scenario;
        this.startMillis = scenario.startMillis();
        this.endMillis = scenario.startMillis() + scenario.horizonMillis();
        this.intervalMillis = scenario.intervalMillis();
        this.intervals = scenario.intervalCount();
        int queues = scenario.queues().size();
        this.all = queues;
        for (int q = 0; q < queues; q++) {
            queueIndex.put(scenario.queues().get(q).queueId(), q);
        }
        int rows = queues + 1;
        queueLength = new double[rows][intervals];
        queueLengthMax = new double[rows][intervals];
        online = new double[rows][intervals];
        busy = new double[rows][intervals];
        capacity = new double[rows][intervals];
        invitationsExpired = new double[rows][intervals];
        penalties = new double[rows][intervals];
        expiries = new double[rows][intervals];
        renewals = new double[rows][intervals];
        sampleStepMillis = Math.max(60_000L, (scenario.horizonMillis() + MAX_SAMPLES - 1) / MAX_SAMPLES);
        series = new double[rows][(int) (scenario.horizonMillis() / sampleStepMillis) + 1];
        length = new int[rows];
        lengthSince = new long[rows];
        java.util.Arrays.fill(lengthSince, startMillis);
        List<Scenario.AgentSpec> agents = scenario.agents();
        units = new int[agents.size()];
        slots = new int[agents.size()];
        isOnline = new boolean[agents.size()];
        agentSince = new long[agents.size()];
        agentRows = new int[agents.size()][];
        agentBusy = new double[agents.size()];
        agentCapacity = new double[agents.size()];
        for (int a = 0; a < agents.size(); a++) {
            Scenario.AgentSpec spec = agents.get(a);
            agentIndex.put(spec.id(), a);
            slots[a] = spec.maxChats();
            agentSince[a] = startMillis;
            int[] r = spec.skills().keySet().stream()
                    .filter(queueIndex::containsKey)
                    .mapToInt(queueIndex::get)
                    .toArray();
            agentRows[a] = java.util.Arrays.copyOf(r, r.length + 1);
            agentRows[a][r.length] = all;
        }
    }

    private int intervalOf(long atMillis) {
        long i = (atMillis - startMillis) / intervalMillis;
        return (int) Math.max(0, Math.min(intervals - 1, i));
    }

    /** Adds {@code value × (overlap in ms)} to each interval that {@code [from, to)} covers. */
    private void spread(double[] into, long from, long to, double value) {
        if (value == 0 || to <= from) {
            return;
        }
        int i = intervalOf(from);
        while (i < intervals) {
            long a = Math.max(from, startMillis + i * intervalMillis);
            long b = Math.min(to, Math.min(endMillis, startMillis + (i + 1) * intervalMillis));
            if (b <= a) {
                break;
            }
            into[i] += value * (b - a);
            i++;
        }
    }

    private void lengthHeld(int row, long nowMillis) {
        long from = lengthSince[row];
        int value = length[row];
        spread(queueLength[row], from, nowMillis, value);
        if (nowMillis > from) { // a length held for no time at all (enqueued and invited at once) is no queue
            for (int i = intervalOf(from); i <= intervalOf(nowMillis - 1); i++) {
                queueLengthMax[row][i] = Math.max(queueLengthMax[row][i], value);
            }
        }
        long k = (from - startMillis + sampleStepMillis - 1) / sampleStepMillis;
        for (; k < series[row].length && startMillis + k * sampleStepMillis < nowMillis; k++) {
            series[row][(int) k] = value;
        }
        lengthSince[row] = nowMillis;
    }

    @Override
    public void onQueueEvent(long nowMillis, String queueId, QueueEvent event, QueueState state) {
        Integer q = queueIndex.get(queueId);
        if (q == null) {
            return;
        }
        if (event instanceof QueueEvent.PenaltyApplied) {
            penalties[q][intervalOf(nowMillis)]++;
            penalties[all][intervalOf(nowMillis)]++;
        }
        int now = state.waitingCount();
        if (now != length[q]) {
            lengthHeld(q, nowMillis);
            lengthHeld(all, nowMillis);
            length[all] += now - length[q];
            length[q] = now;
        }
    }

    @Override
    public void onRequestEvent(long nowMillis, long requestId, RequestEvent event, RequestState state) {
        double[][] counter =
                switch (event) {
                    case RequestEvent.InvitationExpired ignored -> invitationsExpired;
                    case RequestEvent.Expired ignored -> expiries;
                    case RequestEvent.Renewed ignored -> renewals;
                    default -> null;
                };
        if (counter != null) {
            Integer q = queueIndex.get(state.queueId());
            int i = intervalOf(nowMillis);
            if (q != null) {
                counter[q][i]++;
            }
            counter[all][i]++;
        }
    }

    @Override
    public void onAgentEvent(long nowMillis, String agentId, AgentEvent event, AgentState state) {
        Integer a = agentIndex.get(agentId);
        if (a == null) {
            return;
        }
        account(a, nowMillis);
        units[a] = state.holdsExclusive() ? state.maxChats() : state.held().size();
        slots[a] = state.maxChats();
        isOnline[a] = state.presence() == Presence.ONLINE;
    }

    private void account(int a, long nowMillis) {
        long from = agentSince[a];
        if (nowMillis <= from) {
            return;
        }
        boolean counts = isOnline[a] || units[a] > 0;
        double cap = counts ? slots[a] : 0;
        double used = counts ? Math.min(units[a], slots[a]) : 0;
        for (int row : agentRows[a]) {
            spread(online[row], from, nowMillis, isOnline[a] ? 1 : 0);
            spread(capacity[row], from, nowMillis, cap);
            spread(busy[row], from, nowMillis, used);
        }
        long w = Math.max(from, startMillis + scenario.warmupMillis());
        if (nowMillis > w) {
            agentCapacity[a] += cap * (nowMillis - w);
            agentBusy[a] += used * (nowMillis - w);
        }
        agentSince[a] = nowMillis;
    }

    /** Closes the books at the end of the run and adds the arrival figures of {@code records}. */
    ReplicationFigures figures(List<RequestRecord> records) {
        for (int a = 0; a < units.length; a++) {
            account(a, endMillis);
        }
        for (int row = 0; row <= all; row++) {
            lengthHeld(row, endMillis);
        }
        int rows = all + 1;
        long within = scenario.serviceLevel().answerWithinMillis();
        long warmupMillis = scenario.warmupMillis();
        double[][][] perInterval = new double[rows][intervals][M];
        double[][] overall = new double[rows][M];
        for (RequestRecord r : records) {
            int i = intervalOf(startMillis + r.arrivalMillis());
            Integer q = queueIndex.get(r.queueId());
            boolean counted = r.arrivalMillis() >= warmupMillis;
            for (int row : q == null ? new int[] {all} : new int[] {q, all}) {
                tally(perInterval[row][i], r, within);
                if (counted) {
                    tally(overall[row], r, within);
                }
            }
        }
        int firstCounted = (int) Math.min(intervals, (warmupMillis + intervalMillis - 1) / intervalMillis);
        for (int row = 0; row < rows; row++) {
            double[] o = overall[row];
            double onlineSum = 0;
            double capacitySum = 0;
            double busySum = 0;
            double lengthSum = 0;
            double lengthMax = 0;
            long timeSum = 0;
            for (int i = 0; i < intervals; i++) {
                double[] f = perInterval[row][i];
                long span = Math.min(endMillis, startMillis + (i + 1) * intervalMillis)
                        - (startMillis + i * intervalMillis);
                f[Metric.OCCUPANCY.ordinal()] = capacity[row][i] == 0 ? Double.NaN : busy[row][i] / capacity[row][i];
                f[Metric.AGENTS_ONLINE.ordinal()] = online[row][i] / span;
                f[Metric.QUEUE_LENGTH_MEAN.ordinal()] = queueLength[row][i] / span;
                f[Metric.QUEUE_LENGTH_MAX.ordinal()] = queueLengthMax[row][i];
                f[Metric.INVITATIONS_EXPIRED.ordinal()] = invitationsExpired[row][i];
                f[Metric.PENALTIES_APPLIED.ordinal()] = penalties[row][i];
                f[Metric.EXPIRIES.ordinal()] = expiries[row][i];
                f[Metric.RENEWALS.ordinal()] = renewals[row][i];
                ratios(f);
                if (i >= firstCounted) {
                    onlineSum += online[row][i];
                    capacitySum += capacity[row][i];
                    busySum += busy[row][i];
                    lengthSum += queueLength[row][i];
                    lengthMax = Math.max(lengthMax, queueLengthMax[row][i]);
                    timeSum += span;
                    for (Metric m : new Metric[] {
                        Metric.INVITATIONS_EXPIRED, Metric.PENALTIES_APPLIED, Metric.EXPIRIES, Metric.RENEWALS
                    }) {
                        o[m.ordinal()] += f[m.ordinal()];
                    }
                }
            }
            o[Metric.OCCUPANCY.ordinal()] = capacitySum == 0 ? Double.NaN : busySum / capacitySum;
            o[Metric.AGENTS_ONLINE.ordinal()] = timeSum == 0 ? 0 : onlineSum / timeSum;
            o[Metric.QUEUE_LENGTH_MEAN.ordinal()] = timeSum == 0 ? 0 : lengthSum / timeSum;
            o[Metric.QUEUE_LENGTH_MAX.ordinal()] = lengthMax;
            ratios(o);
        }
        List<String> rowNames = new ArrayList<>();
        scenario.queues().forEach(q -> rowNames.add(q.queueId()));
        rowNames.add(ReplicationFigures.ALL);
        double[] agentOccupancy = new double[units.length];
        for (int a = 0; a < units.length; a++) {
            agentOccupancy[a] = agentCapacity[a] == 0 ? Double.NaN : agentBusy[a] / agentCapacity[a];
        }
        return new ReplicationFigures(
                rowNames,
                overall,
                perInterval,
                sampleStepMillis,
                series,
                scenario.agents().stream().map(Scenario.AgentSpec::id).toList(),
                agentOccupancy);
    }

    private static void tally(double[] f, RequestRecord r, long within) {
        f[Metric.ARRIVALS.ordinal()]++;
        switch (r.outcome()) {
            case SERVED -> {
                f[Metric.SERVED.ordinal()]++;
                // the sum of waits, turned into the mean by ratios()
                f[Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS.ordinal()] += r.waitMillis() / 1000.0;
                if (r.waitMillis() <= within) {
                    f[Metric.ANSWERED_WITHIN_TARGET.ordinal()]++;
                }
            }
            case ABANDONED -> f[Metric.ABANDONED.ordinal()]++;
            case EXPIRED -> f[Metric.EXPIRED.ordinal()]++;
            case REJECTED -> f[Metric.REJECTED.ordinal()]++;
            case WAITING -> f[Metric.WAITING_AT_END.ordinal()]++;
        }
        int longest = Metric.LONGEST_WAIT_SECONDS.ordinal();
        f[longest] = Math.max(f[longest], r.waitMillis() / 1000.0);
    }

    private static void ratios(double[] f) {
        double arrivals = f[Metric.ARRIVALS.ordinal()];
        double served = f[Metric.SERVED.ordinal()];
        f[Metric.SERVICE_LEVEL.ordinal()] =
                arrivals == 0 ? Double.NaN : f[Metric.ANSWERED_WITHIN_TARGET.ordinal()] / arrivals;
        f[Metric.ABANDONMENT_RATE.ordinal()] = arrivals == 0 ? Double.NaN : f[Metric.ABANDONED.ordinal()] / arrivals;
        int asa = Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS.ordinal();
        f[asa] = served == 0 ? Double.NaN : f[asa] / served;
    }
}
