package dev.fila.simulation.fit;

/**
 * A log-normal distribution fitted by maximum likelihood: {@code mu} and {@code sigma} are the mean
 * and the standard deviation (divided by n, the likelihood's estimate) of the logarithms of the
 * observations. Handle times are close to log-normal (Brown et al., 2005).
 *
 * @param mu the mean of the logarithm
 * @param sigma the standard deviation of the logarithm
 */
public record LogNormalFit(double mu, double sigma) implements FittedDistribution {

    public LogNormalFit {
        if (!Double.isFinite(mu) || !(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("bad log-normal parameters mu=" + mu + " sigma=" + sigma);
        }
    }

    /** The maximum-likelihood fit of observations that are all strictly positive. */
    public static LogNormalFit fit(double[] values) {
        Samples.requireNonNegative(values);
        double sum = 0;
        for (double v : values) {
            if (v <= 0) {
                throw new IllegalArgumentException("a log-normal fit needs positive values, got " + v);
            }
            sum += Math.log(v);
        }
        double mu = sum / values.length;
        double squares = 0;
        for (double v : values) {
            double d = Math.log(v) - mu;
            squares += d * d;
        }
        return new LogNormalFit(mu, Math.sqrt(squares / values.length));
    }

    /** The distribution's own mean, exp(mu + sigma² / 2). */
    public double mean() {
        return Math.exp(mu + sigma * sigma / 2);
    }

    /** The distribution's own standard deviation. */
    public double sd() {
        return mean() * Math.sqrt(Math.expm1(sigma * sigma));
    }

    public double median() {
        return Math.exp(mu);
    }

    /** The inverse CDF at {@code u} in [0, 1): exp(mu + sigma Φ⁻¹(u)). */
    public double quantile(double u) {
        Samples.requireUniform(u);
        return Math.exp(mu + sigma * StandardNormal.quantile(u));
    }
}
