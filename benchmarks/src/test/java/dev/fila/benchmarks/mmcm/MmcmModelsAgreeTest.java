package dev.fila.benchmarks.mmcm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/**
 * The speed comparison is fair only if both sides do the same work: the M/M/c+M model on Fila's
 * kernel (full rules: R2 with one chat per agent, R10–R13) and on SSJ must give the same figures
 * within the replications' noise. Fixed seeds; the tolerance is the 99% confidence half-width of the
 * difference of the two means.
 */
class MmcmModelsAgreeTest {

    private static final int REPLICATIONS = 8;
    private static final MmcmModel MODEL = MmcmModel.issueModel(50);

    private static MmcmFigures[] ssj;
    private static MmcmFigures[] fila;

    @BeforeAll
    static void runBoth() {
        ssj = new MmcmFigures[REPLICATIONS];
        fila = new MmcmFigures[REPLICATIONS];
        RandomStream[] streams = SsjMmcm.streams(new long[] {1, 2, 3, 4, 5, 6});
        SplittableRandom seeds = new SplittableRandom(7);
        for (int r = 0; r < REPLICATIONS; r++) {
            SsjMmcm.nextReplication(streams);
            ssj[r] = new SsjMmcm(MODEL, streams[0], streams[1], streams[2]).run();
            fila[r] = new FilaMmcm(MODEL, seeds.split()).run();
        }
    }

    @Test
    void R13_abandonmentAgreesWithSsjWithinNoise() {
        assertAgree(MmcmFigures::abandonmentRate);
    }

    @Test
    void R10_R12_averageSpeedOfAnswerAgreesWithSsjWithinNoise() {
        assertAgree(MmcmFigures::averageSpeedOfAnswerSeconds);
    }

    @Test
    void serviceLevelAgreesWithSsjWithinNoise() {
        assertAgree(MmcmFigures::serviceLevel);
    }

    @Test
    void bothSidesSimulateTheSameNumberOfCallsWithinNoise() {
        assertAgree(f -> (double) f.arrivals());
    }

    @Test
    void R2_everyFilaCallIsAnsweredAbandonedOrStillInTheSystemAtTheHorizon() {
        for (MmcmFigures f : fila) {
            long inSystem = f.arrivals() - f.answered() - f.abandoned();
            assertThat(inSystem).isBetween(0L, (long) MODEL.agents() + 200);
        }
    }

    private static void assertAgree(ToDoubleFunction<MmcmFigures> figure) {
        double[] a = values(ssj, figure);
        double[] b = values(fila, figure);
        double halfWidth = 2.576 * Math.sqrt(variance(a) / a.length + variance(b) / b.length);
        assertThat(halfWidth).isPositive();
        assertThat(mean(b)).isCloseTo(mean(a), org.assertj.core.data.Offset.offset(halfWidth));
    }

    private static double[] values(MmcmFigures[] figures, ToDoubleFunction<MmcmFigures> figure) {
        double[] v = new double[figures.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = figure.applyAsDouble(figures[i]);
        }
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
