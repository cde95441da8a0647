package dev.fila.simulation.fit;

import java.util.Arrays;

/**
 * A sample replayed as a distribution: each observation has probability 1/n, and
 * {@link #quantile(double)} is the inverse of the step CDF, so replaying uniforms reproduces the
 * sample's distribution exactly (nothing is smoothed, no value outside the sample is drawn). Holds
 * one sorted copy of the sample.
 */
public final class EmpiricalDistribution implements FittedDistribution {

    private final double[] sorted;
    private final double mean;

    private EmpiricalDistribution(double[] sorted) {
        this.sorted = sorted;
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        this.mean = sum / sorted.length;
    }

    /** The empirical distribution of observations (finite, ≥ 0); the array is copied. */
    public static EmpiricalDistribution of(double[] values) {
        Samples.requireNonNegative(values);
        double[] copy = values.clone();
        Arrays.sort(copy);
        return new EmpiricalDistribution(copy);
    }

    public int size() {
        return sorted.length;
    }

    public double mean() {
        return mean;
    }

    /** The share of observations ≤ x. */
    public double cdf(double x) {
        int i = Arrays.binarySearch(sorted, x);
        if (i >= 0) {
            while (i + 1 < sorted.length && sorted[i + 1] == x) {
                i++;
            }
            return (double) (i + 1) / sorted.length;
        }
        return (double) (-i - 1) / sorted.length;
    }

    /** The smallest observation x with cdf(x) > u, for u in [0, 1): the ⌊u n⌋-th smallest. */
    public double quantile(double u) {
        Samples.requireUniform(u);
        return sorted[Math.min(sorted.length - 1, (int) (u * sorted.length))];
    }
}
