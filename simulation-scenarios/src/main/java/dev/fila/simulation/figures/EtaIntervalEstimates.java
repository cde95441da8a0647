package dev.fila.simulation.figures;

import dev.fila.simulation.eta.EtaByInterval;
import java.util.List;

/**
 * R8: each ETA predictor's error per reporting interval, per queue and for all queues, over the
 * replications (item 4's "per interval" for the ETA error): for every cell the replications' mean
 * absolute error, root mean square error and share within ±60 s, each an {@link Estimate} with its 95%
 * interval, and the predictions compared summed over the replications. A replication that compared
 * nothing in a cell leaves it undefined for that replication (not zero). Arrays are {@code
 * [row][interval][predictor]}, rows the queue ids then {@code all}.
 */
public record EtaIntervalEstimates(
        List<String> rows,
        List<String> predictors,
        long[][][] predictions,
        Estimate[][][] meanAbsoluteErrorSeconds,
        Estimate[][][] rootMeanSquareErrorSeconds,
        Estimate[][][] shareWithin60Seconds) {

    public EtaIntervalEstimates {
        rows = List.copyOf(rows);
        predictors = List.copyOf(predictors);
    }

    /** Nothing measured per interval. */
    public static EtaIntervalEstimates none() {
        return new EtaIntervalEstimates(
                List.of(), List.of(), new long[0][][], new Estimate[0][][], new Estimate[0][][], new Estimate[0][][]);
    }

    public boolean isEmpty() {
        return rows.isEmpty() || predictions[0].length == 0;
    }

    public int intervalCount() {
        return rows.isEmpty() ? 0 : predictions[0].length;
    }

    /** Combines the replications' per-interval errors, in replication order (all of the same shape). */
    public static EtaIntervalEstimates of(List<EtaByInterval> perReplication) {
        if (perReplication.isEmpty() || perReplication.get(0).intervalCount() == 0) {
            return none();
        }
        EtaByInterval shape = perReplication.get(0);
        int rows = shape.rows().size();
        int intervals = shape.intervalCount();
        int predictors = shape.predictors().size();
        int n = perReplication.size();
        long[][][] predictions = new long[rows][intervals][predictors];
        Estimate[][][] mae = new Estimate[rows][intervals][predictors];
        Estimate[][][] rmse = new Estimate[rows][intervals][predictors];
        Estimate[][][] share = new Estimate[rows][intervals][predictors];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < intervals; k++) {
                for (int p = 0; p < predictors; p++) {
                    long total = 0;
                    for (int r = 0; r < n; r++) {
                        EtaByInterval rep = perReplication.get(r);
                        total += rep.compared()[row][k][p];
                        a[r] = rep.meanAbsoluteErrorSeconds()[row][k][p];
                        b[r] = rep.rootMeanSquareErrorSeconds()[row][k][p];
                        c[r] = rep.shareWithin60Seconds()[row][k][p];
                    }
                    predictions[row][k][p] = total;
                    mae[row][k][p] = Estimate.of(a);
                    rmse[row][k][p] = Estimate.of(b);
                    share[row][k][p] = Estimate.of(c);
                }
            }
        }
        return new EtaIntervalEstimates(shape.rows(), shape.predictors(), predictions, mae, rmse, share);
    }
}
