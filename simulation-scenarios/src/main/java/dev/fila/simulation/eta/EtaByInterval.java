package dev.fila.simulation.eta;

import java.util.List;

/**
 * R8: one replication's ETA errors per reporting interval, per queue and for all queues, by predictor:
 * a prediction belongs to the interval and queue of the entry it was made at (so a long wait counts
 * where it was predicted, not where it ended). Arrays are {@code [row][interval][predictor]}; rows are the
 * queue ids then {@code all}; a cell with no prediction compared has {@code compared == 0} and NaN
 * figures. Arrays are owned by this object: read, don't write.
 *
 * @param rows the queue ids, then {@code all}
 * @param predictors the predictors' names, in their fixed order
 * @param compared predictions compared (made at an entry in the interval, then served)
 * @param meanAbsoluteErrorSeconds mean of |predicted − actual| remaining wait
 * @param rootMeanSquareErrorSeconds square root of the mean squared error
 * @param shareWithin60Seconds share of predictions within ±60 s (0..1)
 */
public record EtaByInterval(
        List<String> rows,
        List<String> predictors,
        long[][][] compared,
        double[][][] meanAbsoluteErrorSeconds,
        double[][][] rootMeanSquareErrorSeconds,
        double[][][] shareWithin60Seconds) {

    public EtaByInterval {
        rows = List.copyOf(rows);
        predictors = List.copyOf(predictors);
    }

    public int intervalCount() {
        return compared[0].length;
    }
}
