package dev.fila.simulation.scenario;

import dev.fila.simulation.fit.FittedDistribution;
import java.util.SplittableRandom;

/**
 * A distribution of durations, drawn in whole milliseconds from a stream the caller passes in.
 *
 * <p>The distributions fitted from a trace ({@link Fitted}) hold the fit (in seconds) and the file it
 * came from, and sample by inversion: one uniform u from the stream, the fit's {@code quantile(u)}, so each draw costs
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
     * A distribution fitted from a trace: a log-normal or exponential by maximum likelihood, or the
     * empirical distribution, of the served calls' handle times; or the patience by Kaplan–Meier (the
     * abandoned callers' waits are events, the served callers' waits censored, with the estimator's
     * exponential tail beyond the data — when that tail is flat a draw there is {@link
     * #UNBOUNDED_MILLIS}: the customer never leaves). The fit works in seconds.
     *
     * @param source the trace it was fitted from (for messages and reports)
     */
    record Fitted(FittedDistribution fit, String source) implements Distribution {
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
