package dev.fila.simulation.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    // 1 event, 2 censored, 3 event, 3 event, 4 censored, 5 event. By hand:
    // t=1: 6 at risk, 1 event -> S = 5/6; t=3: 4 at risk, 2 events -> S = 5/6 * 2/4 = 5/12;
    // t=5: 1 at risk, 1 event -> S = 0.
    private static final KaplanMeier SMALL =
            KaplanMeier.fit(new double[] {3, 1, 4, 3, 5, 2}, new boolean[] {true, true, false, true, true, false});

    @Test
    void matchesTheHandComputedCurve() {
        assertThat(SMALL.eventTimes()).containsExactly(1, 3, 5);
        assertThat(SMALL.survivalAtEventTimes()).containsExactly(new double[] {5.0 / 6, 5.0 / 12, 0}, within(1e-15));
        assertThat(SMALL.survival(0.5)).isEqualTo(1);
        assertThat(SMALL.survival(1)).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(SMALL.survival(2.99)).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(SMALL.survival(4)).isCloseTo(5.0 / 12, within(1e-15));
        assertThat(SMALL.survival(9)).isZero();
        assertThat(SMALL.events()).isEqualTo(4);
        assertThat(SMALL.observations()).isEqualTo(6);
    }

    @Test
    void restrictedMeanIsTheAreaUnderTheSteps() {
        // 1 * 1 + 5/6 * (3 - 1) + 5/12 * (5 - 3) = 3.5
        assertThat(SMALL.restrictedMean(5)).isCloseTo(3.5, within(1e-12));
        assertThat(SMALL.restrictedMean(2)).isCloseTo(1 + 5.0 / 6, within(1e-12));
        assertThat(SMALL.mean()).isCloseTo(3.5, within(1e-12));
    }

    @Test
    void quantileInvertsTheSteps() {
        assertThat(SMALL.quantile(0)).isEqualTo(1); // the shortest patience observed
        assertThat(SMALL.quantile(0.1)).isEqualTo(1); // S(1) = 0.83 < 0.9
        assertThat(SMALL.quantile(1.0 / 6 - 1e-9)).isEqualTo(1);
        assertThat(SMALL.quantile(1.0 / 6 + 1e-9)).isEqualTo(3);
        assertThat(SMALL.quantile(0.5)).isEqualTo(3);
        assertThat(SMALL.quantile(0.99)).isEqualTo(5);
    }

    @Test
    void aCensoredObservationTiedWithAnEventIsStillAtRiskThen() {
        KaplanMeier km = KaplanMeier.fit(new double[] {2, 2}, new boolean[] {false, true});
        assertThat(km.survival(2)).isEqualTo(0.5);
    }

    @Test
    void withoutCensoringItIsTheEmpiricalSurvival() {
        SplittableRandom random = new SplittableRandom(11);
        double[] times = new double[500];
        for (int i = 0; i < times.length; i++) {
            times[i] = Math.floor(random.nextDouble() * 200); // ties included
        }
        boolean[] all = new boolean[times.length];
        Arrays.fill(all, true);
        KaplanMeier km = KaplanMeier.fit(times, all);
        EmpiricalDistribution empirical = EmpiricalDistribution.of(times);
        for (double t = -1; t <= 201; t += 0.5) {
            assertThat(km.survival(t)).as("S(%s)", t).isCloseTo(1 - empirical.cdf(t), within(1e-12));
        }
        for (int k = 0; k < 500; k++) {
            double u = (2 * k + 1) / 1000.0; // between the atoms k/500
            assertThat(km.quantile(u)).as("u=%s", u).isEqualTo(empirical.quantile(u));
        }
    }

    @Test
    void whenEveryObservationAfterTIsCensoredSurvivalStaysFlatFromT() {
        double[] times = {1, 2, 3, 4, 5, 6, 7, 8};
        boolean[] observed = {true, true, true, false, false, false, false, false};
        KaplanMeier km = KaplanMeier.fit(times, observed);
        double atThree = km.survival(3);
        assertThat(atThree).isCloseTo(5.0 / 8, within(1e-15));
        for (double t = 3; t <= 8; t += 0.25) {
            assertThat(km.survival(t)).isEqualTo(atThree);
        }
    }

    @Test
    void beyondTheLastObservationTheTailIsExponentialAndQuantileInvertsIt() {
        double[] times = {1, 2, 3, 4, 5, 6, 7, 8};
        boolean[] observed = {true, false, true, false, true, false, true, false};
        KaplanMeier km = KaplanMeier.fit(times, observed);
        double end = km.survival(8);
        assertThat(end).isPositive();
        assertThat(km.tailHazard()).isPositive();
        for (double t = 9; t < 40; t += 3) {
            double s = km.survival(t);
            assertThat(s).isCloseTo(end * Math.exp(-km.tailHazard() * (t - 8)), within(1e-15));
            assertThat(km.quantile(1 - s)).isCloseTo(t, within(1e-9));
        }
        assertThat(km.mean()).isCloseTo(km.restrictedMean(8) + end / km.tailHazard(), within(1e-12));
        assertThat(km.restrictedMean(1e6)).isCloseTo(km.mean(), within(1e-9));
    }

    @Test
    void withNoEventAtAllPatienceBeyondTheDataIsUnbounded() {
        KaplanMeier km = KaplanMeier.fit(new double[] {5, 10}, new boolean[] {false, false});
        assertThat(km.survival(100)).isEqualTo(1);
        assertThat(km.quantile(0.5)).isInfinite();
        assertThat(km.mean()).isInfinite();
    }

    @Test
    void recoversExponentialPatienceFromCensoredWaitsWhereTheAbandonedAloneAreBiasedShort() {
        // Patience ~ exponential(mean 300 s); each caller is served (censored) after an
        // exponential(mean 200 s) wait if their patience lasts that long.
        SplittableRandom random = new SplittableRandom(2026);
        int n = 20_000;
        double[] times = new double[n];
        boolean[] observed = new boolean[n];
        double abandonedSum = 0;
        int abandoned = 0;
        for (int i = 0; i < n; i++) {
            double patience = -300 * Math.log1p(-random.nextDouble());
            double served = -200 * Math.log1p(-random.nextDouble());
            observed[i] = patience <= served;
            times[i] = Math.min(patience, served);
            if (observed[i]) {
                abandonedSum += times[i];
                abandoned++;
            }
        }
        KaplanMeier km = KaplanMeier.fit(times, observed);
        for (double t : new double[] {60, 300, 600}) {
            assertThat(km.survival(t)).as("S(%s)", t).isCloseTo(Math.exp(-t / 300), within(0.02));
        }
        double restricted = 300 * (1 - Math.exp(-600.0 / 300));
        assertThat(km.restrictedMean(600)).isCloseTo(restricted, within(0.03 * restricted));
        // Sampling by inverse transform reproduces the patience's mean (the tail carries the rest).
        SplittableRandom draws = new SplittableRandom(5);
        double sum = 0;
        int samples = 50_000;
        for (int i = 0; i < samples; i++) {
            sum += km.quantile(draws.nextDouble());
        }
        assertThat(sum / samples).isCloseTo(300, within(0.06 * 300));
        // The abandoned callers alone (the impatient ones) would say about 120 s.
        assertThat(abandonedSum / abandoned).isLessThan(0.5 * 300);
        assertThat(ExponentialFit.fitCensored(times, observed).mean()).isCloseTo(300, within(0.04 * 300));
    }
}
