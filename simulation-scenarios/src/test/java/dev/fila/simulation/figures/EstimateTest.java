package dev.fila.simulation.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EstimateTest {

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void the95PercentIntervalCoversTheTrueMeanAbout95TimesIn100() {
        SplittableRandom random = new SplittableRandom(2026);
        int trials = 4000;
        int covered = 0;
        double trueMean = 7.5;
        for (int t = 0; t < trials; t++) {
            double[] sample = new double[5];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = trueMean + 2 * gaussian(random);
            }
            if (Estimate.of(sample).contains(trueMean)) {
                covered++;
            }
        }
        // binomial sd at p = 0.95 over 4000 trials is 0.0034: allow four of them
        assertThat(covered / (double) trials).isBetween(0.936, 0.964);
    }

    @Test
    void undefinedValuesAreLeftOutAndOneValueHasNoInterval() {
        Estimate e = Estimate.of(new double[] {Double.NaN, 0.5, Double.NaN});
        assertThat(e.n()).isEqualTo(1);
        assertThat(e.mean()).isEqualTo(0.5);
        assertThat(e.halfWidth()).isNaN();
        assertThat(Estimate.of(new double[] {Double.NaN}).mean()).isNaN();
        Estimate same = Estimate.of(new double[] {3, 3, 3});
        assertThat(same.halfWidth()).isZero();
        assertThat(same.mean()).isEqualTo(3);
    }
}
