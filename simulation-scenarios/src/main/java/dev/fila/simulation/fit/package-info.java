/**
 * Distributions fitted from traces: handle times and patience for the load generators.
 *
 * <p>Nothing here draws random numbers: every sampler is an inverse cumulative distribution,
 * {@code quantile(u)}, of a uniform {@code u} in [0, 1) that the caller draws from its own seeded
 * stream, so a replication stays repeatable whatever the thread that runs it. Values are in
 * whatever unit the observations were given in (the load's are seconds).
 *
 * <ul>
 *   <li>{@link dev.fila.simulation.fit.KaplanMeier}: patience from censored waits (abandoned callers
 *       are observations, served ones lower bounds), with an exponential tail beyond the data;
 *   <li>{@link dev.fila.simulation.fit.EmpiricalDistribution}: a sample replayed by inverse CDF;
 *   <li>{@link dev.fila.simulation.fit.ExponentialFit}, {@link dev.fila.simulation.fit.LogNormalFit}:
 *       maximum-likelihood fits.
 * </ul>
 */
package dev.fila.simulation.fit;
