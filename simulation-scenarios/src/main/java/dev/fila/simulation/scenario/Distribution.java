package dev.fila.simulation.scenario;

import dev.fila.simulation.fit.EmpiricalDistribution;
import dev.fila.simulation.fit.ExponentialFit;
import dev.fila.simulation.fit.KaplanMeier;
import dev.fila.simulation.fit.LogNormalFit;
import java.util.SplittableRandom;

/**
 * A distribution of durations, drawn in whole milliseconds from a stream the caller passes in.
 *
 * <p>The variants fitted from a trace ({@link FittedLogNormal}, {@link FittedExponential},
 * {@link Empirical}, {@link KaplanMeierFit}) hold the fit (in seconds) and the file it came from, and
 * sample by inversion: one uniform u from the stream, the fit's {@code quantile(u)}, so each draw costs
 * exactly one uniform (common random numbers stay aligned whatever the fit).
 */
public sealed interface Distribution {

    /** A patience or duration so long it never ends within any horizon (an unbounded draw). */
    long UNBOUNDED_MILLIS = Long.MAX_VALUE / 4;

    long sampleMillis(SplittableRandom random);

    /** The mean, in milliseconds. */
    double meanMillis();

    /** Exponential with the given mean (memoryless: Poisson arrivals, M/M/c handle times, Erlang A patience). */
    record Exponential(double meanMillis) implements Distribution {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return Math.round(-meanMillis * Math.log(1.0 - random.nextDouble()));
        }
    }

    /** Log-normal given by its own mean and standard deviation (not those of its logarithm). */
    record LogNormal(double meanMillis, double sdMillis) implements Distribution {
        @Override
        public long sampleMillis(SplittableRandom random) {
            double variance = Math.log(1.0 + (sdMillis * sdMillis) / (meanMillis * meanMillis));
            double mu = Math.log(meanMillis) - variance / 2;
            return Math.round(Math.exp(mu + Math.sqrt(variance) * gaussian(random)));
        }

        /** Box–Muller, one value per two uniforms: written out so the draw is the same on every JDK. */
        private static double gaussian(SplittableRandom random) {
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }

    /** Always the same duration. */
    record Constant(long millis) implements Distribution {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return millis;
        }

        @Override
        public double meanMillis() {
            return millis;
        }
    }

    /** Seconds from a fit's quantile to whole milliseconds; +∞ (a patience beyond any data) is {@link #UNBOUNDED_MILLIS}. */
    private static long millisOf(double seconds) {
        if (!(seconds < UNBOUNDED_MILLIS / 1000.0)) {
            return UNBOUNDED_MILLIS;
        }
        return Math.round(seconds * 1000);
    }

    /**
     * A log-normal fitted by maximum likelihood to the handle times of a trace's served calls (those
     * above zero: a log-normal has no mass at zero).
     *
     * @param source the trace it was fitted from (for messages and reports)
     */
    record FittedLogNormal(LogNormalFit fit, String source) implements Distribution {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return millisOf(fit.quantile(random.nextDouble()));
        }

        @Override
        public double meanMillis() {
            return fit.mean() * 1000;
        }
    }

    /** An exponential fitted by maximum likelihood (the mean) to a trace's handle times. */
    record FittedExponential(ExponentialFit fit, String source) implements Distribution {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return millisOf(fit.quantile(random.nextDouble()));
        }

        @Override
        public double meanMillis() {
            return fit.mean() * 1000;
        }
    }

    /** A trace's handle times replayed as they are: each observed value with probability 1/n. */
    record Empirical(EmpiricalDistribution fit, String source) implements Distribution {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return millisOf(fit.quantile(random.nextDouble()));
        }

        @Override
        public double meanMillis() {
            return fit.mean() * 1000;
        }
    }

    /**
     * Patience estimated by Kaplan–Meier from a trace: the abandoned callers' waits are events, the
     * served callers' waits censored (their patience was at least that long), with the estimator's
     * exponential tail beyond the data. When the tail is flat (no events late in the data) a draw
     * there is {@link #UNBOUNDED_MILLIS}: the customer never leaves.
     */
    record KaplanMeierFit(KaplanMeier fit, String source) implements Distribution {
        @Override
        public long sampleMillis(SplittableRandom random) {
            return millisOf(fit.quantile(random.nextDouble()));
        }

        @Override
        public double meanMillis() {
            return fit.mean() * 1000;
        }
    }
}
