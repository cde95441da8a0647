package dev.fila.simulation.fit;

/**
 * What every fit here offers its users: its mean and its inverse cumulative distribution, both in the
 * unit of the observations it was fitted to. Sampling is {@code quantile(u)} of a uniform {@code u}
 * in [0, 1) the caller draws.
 */
public interface FittedDistribution {

    double mean();

    double quantile(double u);
}
