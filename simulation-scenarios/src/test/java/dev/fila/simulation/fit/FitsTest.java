package dev.fila.simulation.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FitsTest {

    @Test
    void exponentialMaximumLikelihoodRecoversTheMeanWithinFourStandardErrors() {
        SplittableRandom random = new SplittableRandom(1);
        double mean = 180;
        int n = 20_000;
        double[] sample = new double[n];
        for (int i = 0; i < n; i++) {
            sample[i] = -mean * Math.log1p(-random.nextDouble());
        }
        ExponentialFit fit = ExponentialFit.fit(sample);
        assertThat(fit.mean()).isCloseTo(mean, within(4 * mean / Math.sqrt(n)));
        assertThat(fit.rate()).isCloseTo(1 / fit.mean(), within(1e-15));
    }

    @Test
    void logNormalMaximumLikelihoodRecoversMuAndSigmaWithinFourStandardErrors() {
        // Near the README's regular-service figures: median 121 s, mean about 179 s.
        double mu = Math.log(121);
        double sigma = 0.88;
        SplittableRandom random = new SplittableRandom(2);
        int n = 20_000;
        double[] sample = new double[n];
        for (int i = 0; i < n; i++) {
            sample[i] = Math.exp(mu + sigma * random.nextGaussian());
        }
        LogNormalFit fit = LogNormalFit.fit(sample);
        assertThat(fit.mu()).isCloseTo(mu, within(4 * sigma / Math.sqrt(n)));
        assertThat(fit.sigma()).isCloseTo(sigma, within(4 * sigma / Math.sqrt(2.0 * n)));
        assertThat(fit.median()).isCloseTo(121, within(3.0));
        assertThat(fit.mean()).isCloseTo(Math.exp(mu + sigma * sigma / 2), within(0.03 * fit.mean()));
    }

    @Test
    void quantilesOfTheFitsInvertTheirDistributionFunctions() {
        ExponentialFit exp = new ExponentialFit(100);
        assertThat(exp.quantile(0)).isZero();
        assertThat(exp.quantile(1 - Math.exp(-1))).isCloseTo(100, within(1e-9));
        LogNormalFit ln = new LogNormalFit(Math.log(120), 0.9);
        assertThat(ln.quantile(0.5)).isCloseTo(120, within(1e-6));
        // Φ(1) = 0.841344746...: one sigma above the median
        assertThat(ln.quantile(0.8413447460685429)).isCloseTo(120 * Math.exp(0.9), within(1e-5));
    }

    @Test
    void theNormalQuantileMatchesTabulatedValues() {
        assertThat(StandardNormal.quantile(0.5)).isCloseTo(0, within(1e-12));
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963985, within(1e-8));
        assertThat(StandardNormal.quantile(0.05)).isCloseTo(-1.644853627, within(1e-8));
        assertThat(StandardNormal.quantile(0.99)).isCloseTo(2.326347874, within(1e-8));
        assertThat(StandardNormal.quantile(0.001)).isCloseTo(-3.090232306, within(1e-8));
        assertThat(StandardNormal.quantile(1e-9)).isCloseTo(-5.997807015, within(1e-7));
        for (double p = 0.001; p < 0.5; p += 0.0137) {
            assertThat(StandardNormal.quantile(p)).isCloseTo(-StandardNormal.quantile(1 - p), within(1e-9));
        }
    }

    @Test
    void theEmpiricalDistributionReplaysItsSampleByInverseCdf() {
        EmpiricalDistribution d = EmpiricalDistribution.of(new double[] {30, 10, 20, 20});
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.mean()).isEqualTo(20);
        assertThat(d.quantile(0)).isEqualTo(10);
        assertThat(d.quantile(0.2499)).isEqualTo(10);
        assertThat(d.quantile(0.25)).isEqualTo(20);
        assertThat(d.quantile(0.7499)).isEqualTo(20);
        assertThat(d.quantile(0.75)).isEqualTo(30);
        assertThat(d.quantile(Math.nextDown(1.0))).isEqualTo(30);
        assertThat(d.cdf(9)).isZero();
        assertThat(d.cdf(20)).isEqualTo(0.75);
        assertThat(d.cdf(30)).isEqualTo(1);
    }

    @Test
    void fitsRefuseWhatTheyCannotFit() {
        assertThatThrownBy(() -> LogNormalFit.fit(new double[] {1, 0})).hasMessageContaining("positive");
        assertThatThrownBy(() -> ExponentialFit.fit(new double[] {})).hasMessageContaining("no observations");
        assertThatThrownBy(() -> ExponentialFit.fitCensored(new double[] {1, 2}, new boolean[] {false, false}))
                .hasMessageContaining("no events");
        assertThatThrownBy(() -> new ExponentialFit(1).quantile(1)).hasMessageContaining("[0, 1)");
    }
}
