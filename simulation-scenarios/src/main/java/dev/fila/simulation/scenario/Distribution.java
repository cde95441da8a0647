package dev.fila.simulation.scenario;

import java.util.SplittableRandom;

/** A distribution of durations, drawn in whole milliseconds from a stream the caller passes in. */
public sealed interface Distribution {

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
}
