package dev.fila.simulation.figures;

import java.util.List;

/**
 * The figures of one replication: for each row (every queue in the scenario's order, then
 * {@link #ALL}) a value of each {@link Metric} overall (after the warm-up) and per interval, a sampled
 * queue-length series, and each agent's occupancy. Values are {@code NaN} where undefined (a service
 * level in an interval without arrivals). Arrays are owned by this object: read, don't write.
 *
 * @param rows the queue ids, then {@link #ALL}
 * @param overall {@code [row][metric]}
 * @param intervals {@code [row][interval][metric]}
 * @param queueLengthSeries {@code [row][sample]}: the queue length at {@code start + k * sampleStepMillis}
 * @param agentOccupancy per agent in {@code agentIds} order, over the whole run
 */
public record ReplicationFigures(
        List<String> rows,
        double[][] overall,
        double[][][] intervals,
        long sampleStepMillis,
        double[][] queueLengthSeries,
        List<String> agentIds,
        double[] agentOccupancy) {

    /** The row of all queues together. */
    public static final String ALL = "all";

    public ReplicationFigures {
        rows = List.copyOf(rows);
        agentIds = List.copyOf(agentIds);
    }

    public int row(String queueOrAll) {
        int i = rows.indexOf(queueOrAll);
        if (i < 0) {
            throw new IllegalArgumentException("no row " + queueOrAll);
        }
        return i;
    }

    public double overall(String queueOrAll, Metric metric) {
        return overall[row(queueOrAll)][metric.ordinal()];
    }

    public double interval(String queueOrAll, int interval, Metric metric) {
        return intervals[row(queueOrAll)][interval][metric.ordinal()];
    }

    public int intervalCount() {
        return intervals[0].length;
    }
}
