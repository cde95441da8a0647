package dev.fila.simulation.figures;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A figure estimated from independent replications: the mean of the replications' values and the
 * half-width of its 95% confidence interval (Student t with n − 1 degrees of freedom on the
 * replication values). Replications where the figure is undefined ({@code NaN}, e.g. a service level
 * in an interval without arrivals) are left out, so {@code n} may be below the number run. With
 * {@code n} = 1 the half-width is {@code NaN} (unknown); with {@code n} = 0 the mean is too.
 */
public record Estimate(double mean, double halfWidth, int n) {

    /** The confidence level of every interval Fila reports. */
    public static final double CONFIDENCE = 0.95;

    public double low() {
        return mean - halfWidth;
    }

    public double high() {
        return mean + halfWidth;
    }

    /** True when {@code x} lies inside the interval. */
    public boolean contains(double x) {
        return x >= low() && x <= high();
    }

    /** For people: "52.7% ± 1.3" (a fraction shown in percent, one decimal), "–" when undefined. */
    public String asPercent() {
        if (!Double.isFinite(mean)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100 * mean)
                + (Double.isFinite(halfWidth) ? String.format(Locale.ROOT, " ± %.1f", 100 * halfWidth) : "");
    }

    /** For people: the mean and half-width with {@code decimals} decimals, "–" when undefined. */
    public String formatted(int decimals) {
        if (!Double.isFinite(mean)) {
            return "–";
        }
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f, mean)
                + (Double.isFinite(halfWidth) ? String.format(Locale.ROOT, " ± " + f, halfWidth) : "");
    }

    /** Estimates from replication values, summed in the given order (so the result is repeatable). */
    public static Estimate of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        return new Estimate(mean, t * sd / Math.sqrt(n), n);
    }
}
