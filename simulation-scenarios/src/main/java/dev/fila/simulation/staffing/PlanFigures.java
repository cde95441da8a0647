package dev.fila.simulation.staffing;

import dev.fila.simulation.figures.Estimate;

/**
 * What a plan achieved, per queue and interval ({@code [queue][interval]}), each an {@link Estimate}
 * over the replications (mean and 95% half-width). A service level is {@code NaN} in an interval
 * without arrivals. Arrays are owned by this object: read, don't write.
 */
public record PlanFigures(
        int replications,
        Estimate[][] serviceLevel,
        Estimate[][] averageSpeedOfAnswerSeconds,
        Estimate[][] abandonmentRate) {}
