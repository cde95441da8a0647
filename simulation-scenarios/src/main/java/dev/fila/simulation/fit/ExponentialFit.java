package dev.fila.simulation.fit;

/**
 * An exponential distribution fitted by maximum likelihood: from complete observations the mean is
 * their average; from censored ones it is the total time observed divided by the number of events
 * (each censored observation adds exposure but no event).
 */
public record ExponentialFit(double mean) implements FittedDistribution {

    public ExponentialFit {
        if (!(mean > 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("an exponential needs a positive finite mean, not " + mean);
        }
    }

    /** The maximum-likelihood fit of complete observations (all ≥ 0, at least one > 0). */
    public static ExponentialFit fit(double[] values) {
        Samples.requireNonNegative(values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return new ExponentialFit(sum / values.length);
    }

    /**
     * The maximum-likelihood fit of right-censored observations: {@code observed[i]} is true for an
     * event (an abandonment at {@code times[i]}), false when only {@code times[i]} is known to have
     * passed (a served caller's wait). Needs at least one event.
     */
    public static ExponentialFit fitCensored(double[] times, boolean[] observed) {
        Samples.requireNonNegative(times);
        Samples.requireSameLength(times, observed);
        double exposure = 0;
        int events = 0;
        for (int i = 0; i < times.length; i++) {
            exposure += times[i];
            if (observed[i]) {
                events++;
            }
        }
        if (events == 0) {
            throw new IllegalArgumentException("no events: every observation is censored, the mean is unbounded");
        }
        return new ExponentialFit(exposure / events);
    }

    public double rate() {
        return 1 / mean;
    }

    /** The inverse CDF at {@code u} in [0, 1): −mean · ln(1 − u). */
    public double quantile(double u) {
        Samples.requireUniform(u);
        return -mean * Math.log1p(-u);
    }
}
