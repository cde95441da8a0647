package dev.fila.simulation.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.eta.EtaAccuracy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R8: combining each replication's ETA accuracy into ranked estimates with 95% intervals. */
class EtaEstimateTest {

    private static final List<String> ORDER = List.of("throughput", "queue-length", "fila");

    private static EtaAccuracy acc(String name, long n, double mae, double rmse, double within) {
        return new EtaAccuracy(name, n, mae, rmse, within);
    }

    private static final List<List<EtaAccuracy>> REPS = List.of(
            List.of(
                    acc("fila", 10, 8, 12, 0.9),
                    acc("queue-length", 10, 30, 40, 0.6),
                    acc("throughput", 10, 90, 120, 0.3)),
            List.of(
                    acc("throughput", 12, 80, 110, 0.35),
                    acc("fila", 12, 10, 15, 0.85),
                    acc("queue-length", 12, 35, 45, 0.55)),
            List.of(
                    acc("queue-length", 9, 28, 37, 0.62),
                    acc("throughput", 9, 95, 130, 0.28),
                    acc("fila", 9, 7, 11, 0.92)));

    @Test
    void R8_predictorsAreRankedByMeanAbsoluteErrorOverTheReplicationsBestFirst() {
        List<EtaEstimate> ranked = EtaEstimate.ranked(ORDER, REPS);
        assertThat(ranked).extracting(EtaEstimate::predictor).containsExactly("fila", "queue-length", "throughput");
        for (int k = 1; k < ranked.size(); k++) {
            assertThat(ranked.get(k).meanAbsoluteErrorSeconds().mean())
                    .isGreaterThan(ranked.get(k - 1).meanAbsoluteErrorSeconds().mean());
        }
    }

    @Test
    void R8_eachFigureIsTheStudentTEstimateOfTheReplicationValuesAndPredictionsAreSummed() {
        EtaEstimate fila = EtaEstimate.ranked(ORDER, REPS).get(0);
        assertThat(fila.predictions()).isEqualTo(10 + 12 + 9);
        assertThat(fila.meanAbsoluteErrorSeconds()).isEqualTo(Estimate.of(new double[] {8, 10, 7}));
        assertThat(fila.rootMeanSquareErrorSeconds()).isEqualTo(Estimate.of(new double[] {12, 15, 11}));
        assertThat(fila.shareWithin60Seconds()).isEqualTo(Estimate.of(new double[] {0.9, 0.85, 0.92}));
        assertThat(fila.meanAbsoluteErrorSeconds().n()).isEqualTo(3);
        assertThat(fila.meanAbsoluteErrorSeconds().halfWidth()).isPositive();
    }

    @Test
    void R8_theMarginToTheNextIsPairedByReplication() {
        List<EtaEstimate> ranked = EtaEstimate.ranked(ORDER, REPS);
        // queue-length minus fila, replication by replication
        assertThat(ranked.get(0).marginOverNextSeconds())
                .isEqualTo(Estimate.of(new double[] {30 - 8, 35 - 10, 28 - 7}));
        assertThat(ranked.get(0).clearlyAheadOfNext()).isTrue();
        assertThat(ranked.get(2).marginOverNextSeconds().mean()).isNaN();
        assertThat(ranked.get(2).clearlyAheadOfNext()).isFalse();
    }

    @Test
    void R8_aMarginWithinChanceIsNotCalledClear() {
        List<List<EtaAccuracy>> close = List.of(
                List.of(acc("fila", 5, 10, 12, 0.9), acc("queue-length", 5, 12, 14, 0.9)),
                List.of(acc("fila", 5, 12, 12, 0.9), acc("queue-length", 5, 10, 14, 0.9)),
                List.of(acc("fila", 5, 10, 12, 0.9), acc("queue-length", 5, 11, 14, 0.9)));
        EtaEstimate first = EtaEstimate.ranked(ORDER, close).get(0);
        assertThat(first.marginOverNextSeconds().low()).isNegative();
        assertThat(first.clearlyAheadOfNext()).isFalse();
    }

    @Test
    void R8_aReplicationThatComparedNothingLeavesTheFigureUndefinedThereNotZero() {
        List<List<EtaAccuracy>> reps = List.of(
                List.of(acc("fila", 4, 20, 25, 0.5)),
                List.of(acc("fila", 0, 0, 0, 0)),
                List.of(acc("fila", 6, 30, 35, 0.4)));
        EtaEstimate fila = EtaEstimate.ranked(ORDER, reps).get(0);
        assertThat(fila.meanAbsoluteErrorSeconds()).isEqualTo(Estimate.of(new double[] {20, Double.NaN, 30}));
        assertThat(fila.meanAbsoluteErrorSeconds().n()).isEqualTo(2);
        assertThat(fila.predictions()).isEqualTo(10);
    }

    @Test
    void R8_tiesKeepThePredictorsFixedOrder() {
        List<List<EtaAccuracy>> tie = List.of(List.of(acc("fila", 5, 10, 12, 0.9), acc("throughput", 5, 10, 14, 0.8)));
        assertThat(EtaEstimate.ranked(ORDER, tie))
                .extracting(EtaEstimate::predictor)
                .containsExactly("throughput", "fila");
    }
}
