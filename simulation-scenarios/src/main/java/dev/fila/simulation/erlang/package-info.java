/**
 * Erlang C (M/M/n) and Erlang A (M/M/n+M), computed analytically: the baseline Fila puts beside every
 * simulated interval, and the start of the staffing search.
 *
 * <p>The figures mean the same here as everywhere in Fila:
 *
 * <ul>
 *   <li><b>service level</b> = calls answered within T ÷ all arrivals; abandoned calls count as not
 *       answered, a call answered at once counts as answered within T;
 *   <li><b>average speed of answer</b> (ASA) = mean wait of the answered calls;
 *   <li><b>abandonment rate</b> = abandoned ÷ all arrivals;
 *   <li><b>probability of wait</b> = probability that an arrival finds every agent busy;
 *   <li><b>occupancy</b> = mean busy agents ÷ agents (for Erlang A, the carried load λ(1 − P(ab))/μ over
 *       n).
 * </ul>
 *
 * <p>Rates are per hour and durations in seconds at the surface (the units people staff with); the
 * models' assumptions are one queue, Poisson arrivals, exponential handle times, one call per agent,
 * first come first served, and, for Erlang A, exponential patience.
 */
package dev.fila.simulation.erlang;
