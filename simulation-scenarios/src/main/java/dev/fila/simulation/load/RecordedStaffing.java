package dev.fila.simulation.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The staffing a call-centre log implies, per interval and queue. Logs name the agent of each
 * service but not who was on duty, so it is derived from each agent's <em>shifts of activity</em>:
 * an agent's services in time order, where the gap from the end of one to the start of the next is
 * shorter than {@code gapMillis}, form one shift, spanning from its first service start to its last
 * service end. An agent counts in an interval for the fraction of the interval their shift covers.
 *
 * <p>Beside the estimate, two bounds: the distinct agents seen serving in the interval (an agent
 * who served one call in it counts whole: overstates) and the mean number of agents busy (idle time
 * between calls counts for nothing: understates). An agent who serves several queues is counted
 * once: their share of an interval is split between the queues in proportion to the time they spent
 * serving each in that interval (by the number of services seen when those took no time, by the
 * shift's mix when none was seen). So, queue by queue, {@code agentsBusy <= agents}, and when
 * {@code gapMillis <= intervalMillis} (no agent can sit a whole interval idle inside a shift)
 * {@code agents <= agentsDistinct}.
 *
 * <p>Cost: O(S log S + Σ shifts × intervals spanned × services in the shift), a month of 20,000
 * services takes milliseconds. Sums run in a fixed order (agents by name), so the result is
 * repeatable.
 */
public final class RecordedStaffing {

    /** The default staffing interval: 30 minutes. */
    public static final long DEFAULT_INTERVAL_MILLIS = 30 * 60_000L;

    /**
     * The default shift gap: 5 minutes. Replays of four months of the Anonymous Bank logs (January,
     * February, August, October 1999) come within 3 points of the real service level with it, against
     * 20–25 points too optimistic with 30 minutes (docs/validation.md): an agent idle for more than a
     * few minutes is, most of the time, not taking calls.
     */
    public static final long DEFAULT_GAP_MILLIS = 5 * 60_000L;

    /** The staffing CSV's header. */
    public static final String CSV_HEADER = "start,end,queue,agents,agents_distinct,agents_busy";

    private RecordedStaffing() {}

    /**
     * Derives the staffing of the log's whole days (its first day's midnight to the midnight after
     * its last), for every queue its calls name.
     */
    public static List<StaffingInterval> derive(
            AnonymousBankLog log, ZoneId zone, long intervalMillis, long gapMillis) {
        long from = log.firstDay().atStartOfDay(zone).toInstant().toEpochMilli();
        long to = log.lastDay().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        TreeSet<String> queues = new TreeSet<>();
        log.calls().forEach(c -> queues.add(c.queueId()));
        log.services().forEach(s -> queues.add(s.queueId()));
        return derive(log.services(), List.copyOf(queues), from, to, intervalMillis, gapMillis);
    }

    /**
     * Derives the staffing of {@code [fromMillis, toMillis)} in intervals of {@code intervalMillis}
     * (the last one may be shorter), one row per interval and queue in the order given.
     */
    public static List<StaffingInterval> derive(
            List<AgentService> services,
            List<String> queues,
            long fromMillis,
            long toMillis,
            long intervalMillis,
            long gapMillis) {
        if (intervalMillis <= 0 || gapMillis < 0 || toMillis <= fromMillis) {
            throw new IllegalArgumentException("need a positive interval, a gap >= 0 and a non-empty span");
        }
        int intervals = Math.toIntExact((toMillis - fromMillis + intervalMillis - 1) / intervalMillis);
        int q = queues.size();
        Map<String, Integer> queueIndex = new TreeMap<>();
        for (int i = 0; i < q; i++) {
            queueIndex.put(queues.get(i), i);
        }
        double[] agents = new double[intervals * q];
        double[] busy = new double[intervals * q];
        int[] distinct = new int[intervals * q];
        Accumulator acc = new Accumulator(fromMillis, toMillis, intervalMillis, q, agents, busy, distinct);

        TreeMap<String, List<AgentService>> byAgent = new TreeMap<>();
        for (AgentService s : services) {
            if (!queueIndex.containsKey(s.queueId())) {
                throw new IllegalArgumentException("service of " + s.agent() + " in unlisted queue " + s.queueId());
            }
            byAgent.computeIfAbsent(s.agent(), a -> new ArrayList<>()).add(s);
        }
        for (List<AgentService> own : byAgent.values()) {
            acc.startAgent();
            own.sort(Comparator.comparingLong(AgentService::startMillis).thenComparingLong(AgentService::endMillis));
            int first = 0;
            long shiftEnd = own.get(0).endMillis();
            for (int i = 1; i <= own.size(); i++) {
                if (i == own.size() || own.get(i).startMillis() - shiftEnd >= gapMillis) {
                    acc.addShift(own.subList(first, i), shiftEnd, queueIndex);
                    if (i < own.size()) {
                        first = i;
                        shiftEnd = own.get(i).endMillis();
                    }
                } else {
                    shiftEnd = Math.max(shiftEnd, own.get(i).endMillis());
                }
            }
        }

        List<StaffingInterval> rows = new ArrayList<>(intervals * q);
        for (int k = 0; k < intervals; k++) {
            long start = fromMillis + k * intervalMillis;
            long end = Math.min(toMillis, start + intervalMillis);
            for (int j = 0; j < q; j++) {
                int at = k * q + j;
                rows.add(new StaffingInterval(start, end, queues.get(j), agents[at], distinct[at], busy[at]));
            }
        }
        return rows;
    }

    /** Writes the staffing CSV ({@value #CSV_HEADER}), times as local date-times in {@code zone}. */
    public static void writeCsv(List<StaffingInterval> rows, Path file, ZoneId zone) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(rows, out, zone);
        }
    }

    /** Writes the staffing CSV to a writer (left open). */
    public static void writeCsv(List<StaffingInterval> rows, Writer out, ZoneId zone) {
        try {
            out.write(CSV_HEADER);
            out.write('\n');
            for (StaffingInterval r : rows) {
                out.write(LoadCsv.formatTime(r.startMillis(), zone));
                out.write(',');
                out.write(LoadCsv.formatTime(r.endMillis(), zone));
                out.write(',');
                out.write(r.queueId());
                out.write(
                        String.format(Locale.ROOT, ",%.4f,%d,%.4f%n", r.agents(), r.agentsDistinct(), r.agentsBusy()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds one agent's shifts into the per-interval, per-queue sums. */
    private static final class Accumulator {
        private final long from;
        private final long to;
        private final long length;
        private final int queues;
        private final double[] agents;
        private final double[] busy;
        private final int[] distinct;
        private final double[] union;
        private final double[] weight;
        private final double[] shiftMix;
        private final boolean[] seen;
        private final long[] countedInterval;

        Accumulator(long from, long to, long length, int queues, double[] agents, double[] busy, int[] distinct) {
            this.from = from;
            this.to = to;
            this.length = length;
            this.queues = queues;
            this.agents = agents;
            this.busy = busy;
            this.distinct = distinct;
            this.union = new double[queues];
            this.weight = new double[queues];
            this.shiftMix = new double[queues];
            this.seen = new boolean[queues];
            this.countedInterval = new long[queues];
        }

        /** An agent is counted once per interval and queue in {@code distinct}, whatever their shifts. */
        void startAgent() {
            Arrays.fill(countedInterval, -1);
        }

        void addShift(List<AgentService> shift, long shiftEndMillis, Map<String, Integer> queueIndex) {
            long shiftStart = shift.get(0).startMillis();
            Arrays.fill(shiftMix, 0);
            for (AgentService s : shift) {
                shiftMix[queueIndex.get(s.queueId())] += s.endMillis() - s.startMillis() + 1e-9;
            }
            long firstK = Math.max(0, Math.floorDiv(shiftStart - from, length));
            long lastK = Math.min((to - 1 - from) / length, Math.floorDiv(shiftEndMillis - from, length));
            for (long k = firstK; k <= lastK; k++) {
                long is = from + k * length;
                long ie = Math.min(to, is + length);
                double cover = (double) (Math.min(ie, shiftEndMillis) - Math.max(is, shiftStart)) / length;
                Arrays.fill(seen, false);
                Arrays.fill(weight, 0);
                double total = unions(shift, is, ie, queueIndex);
                double sum = 0;
                for (int j = 0; j < queues; j++) {
                    sum += union[j];
                }
                if (sum > 0) {
                    System.arraycopy(union, 0, weight, 0, queues);
                } else {
                    for (AgentService s : shift) {
                        if (touches(s, is, ie)) {
                            weight[queueIndex.get(s.queueId())] += 1;
                            sum += 1;
                        }
                    }
                    if (sum == 0) {
                        System.arraycopy(shiftMix, 0, weight, 0, queues);
                        for (double w : shiftMix) {
                            sum += w;
                        }
                    }
                }
                int base = Math.toIntExact(k) * queues;
                for (int j = 0; j < queues; j++) {
                    if (seen[j] && countedInterval[j] != k) {
                        distinct[base + j]++;
                        countedInterval[j] = k;
                    }
                    if (weight[j] > 0 && cover > 0) {
                        double share = weight[j] / sum;
                        agents[base + j] += cover * share;
                        busy[base + j] += total / length * share;
                    }
                }
            }
        }

        /**
         * Fills {@code union[q]} with the time within [is, ie) during which the agent served queue q,
         * marks the queues seen, and returns the time the agent served any queue.
         */
        private double unions(List<AgentService> shift, long is, long ie, Map<String, Integer> queueIndex) {
            Arrays.fill(union, 0);
            long[] coveredUntil = new long[queues];
            Arrays.fill(coveredUntil, Long.MIN_VALUE);
            long anyUntil = Long.MIN_VALUE;
            double total = 0;
            for (AgentService s : shift) {
                if (!touches(s, is, ie)) {
                    continue;
                }
                int j = queueIndex.get(s.queueId());
                seen[j] = true;
                long a = Math.max(is, s.startMillis());
                long b = Math.min(ie, s.endMillis());
                // services are sorted by start, so a sweep with the furthest end so far is the union
                long qa = Math.max(a, coveredUntil[j]);
                if (b > qa) {
                    union[j] += b - qa;
                }
                coveredUntil[j] = Math.max(coveredUntil[j], b);
                long ta = Math.max(a, anyUntil);
                if (b > ta) {
                    total += b - ta;
                }
                anyUntil = Math.max(anyUntil, b);
            }
            return total;
        }

        private static boolean touches(AgentService s, long is, long ie) {
            return s.startMillis() < ie
                    && (s.endMillis() > is || (s.endMillis() == s.startMillis() && s.startMillis() >= is));
        }
    }
}
