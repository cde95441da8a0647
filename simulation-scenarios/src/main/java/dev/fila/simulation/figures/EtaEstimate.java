package dev.fila.simulation.figures;

import dev.fila.simulation.eta.EtaAccuracy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R8: one ETA predictor's error against the waits that actually happened, over the replications. Each
 * replication measures every predictor on the same requests (an {@link
 * dev.fila.simulation.eta.EtaErrorObserver} over the same run), so the figures are paired: the gap
 * between two predictors is estimated replication by replication, which is what {@link
 * #marginOverNextSeconds} does for the ranking.
 *
 * @param predictor the predictor's name
 * @param predictions predictions compared, summed over the replications (one per request predicted at
 *     entry and later served)
 * @param meanAbsoluteErrorSeconds the replications' mean absolute errors, with their 95% interval
 * @param rootMeanSquareErrorSeconds the replications' root mean square errors
 * @param shareWithin60Seconds the replications' shares of predictions within ±60 s (0..1)
 * @param marginOverNextSeconds the next-ranked predictor's mean absolute error minus this one's, paired
 *     by replication, with its 95% interval (an interval above zero means the order is not chance); NaN
 *     for the last
 */
public record EtaEstimate(
        String predictor,
        long predictions,
        Estimate meanAbsoluteErrorSeconds,
        Estimate rootMeanSquareErrorSeconds,
        Estimate shareWithin60Seconds,
        Estimate marginOverNextSeconds) {

    /** Whether the next-ranked predictor is worse beyond chance (the margin's interval lies above 0). */
    public boolean clearlyAheadOfNext() {
        return Double.isFinite(marginOverNextSeconds.halfWidth()) && marginOverNextSeconds.low() > 0;
    }

    /**
     * Combines each replication's accuracies (in replication order; within a replication, in any
     * order) into one estimate per predictor, ranked best first: by mean absolute error, ties in the
     * order of {@code predictors}. A replication in which a predictor compared nothing leaves that
     * predictor's figures undefined for it (not zero). Predictors named in no replication are left out.
     *
     * @param predictors the predictors' names in their fixed order (the tie-break)
     */
    public static List<EtaEstimate> ranked(List<String> predictors, List<List<EtaAccuracy>> perReplication) {
        int p = predictors.size();
        int n = perReplication.size();
        double[][] mae = new double[p][n];
        double[][] rmse = new double[p][n];
        double[][] within = new double[p][n];
        long[] predictions = new long[p];
        boolean[] seen = new boolean[p];
        for (int k = 0; k < p; k++) {
            java.util.Arrays.fill(mae[k], Double.NaN);
            java.util.Arrays.fill(rmse[k], Double.NaN);
            java.util.Arrays.fill(within[k], Double.NaN);
        }
        for (int r = 0; r < n; r++) {
            for (EtaAccuracy a : perReplication.get(r)) {
                int k = predictors.indexOf(a.predictor());
                if (k < 0) {
                    continue;
                }
                seen[k] = true;
                predictions[k] += a.predictions();
                if (a.predictions() > 0) {
                    mae[k][r] = a.meanAbsoluteErrorSeconds();
                    rmse[k][r] = a.rootMeanSquareErrorSeconds();
                    within[k][r] = a.shareWithin60Seconds();
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        double[] meanMae = new double[p];
        for (int k = 0; k < p; k++) {
            if (seen[k]) {
                order.add(k);
                meanMae[k] = Estimate.of(mae[k]).mean();
            }
        }
        // NaN (nothing compared) ranks last; List.sort is stable, so ties keep the given order
        order.sort(Comparator.comparingDouble(k -> Double.isNaN(meanMae[k]) ? Double.POSITIVE_INFINITY : meanMae[k]));
        List<EtaEstimate> out = new ArrayList<>(order.size());
        double[] gap = new double[n];
        for (int rank = 0; rank < order.size(); rank++) {
            int k = order.get(rank);
            Estimate margin = new Estimate(Double.NaN, Double.NaN, 0);
            if (rank + 1 < order.size()) {
                int next = order.get(rank + 1);
                for (int r = 0; r < n; r++) {
                    gap[r] = mae[next][r] - mae[k][r];
                }
                margin = Estimate.of(gap);
            }
            out.add(new EtaEstimate(
                    predictors.get(k),
                    predictions[k],
                    Estimate.of(mae[k]),
                    Estimate.of(rmse[k]),
                    Estimate.of(within[k]),
                    margin));
        }
        return List.copyOf(out);
    }
}
