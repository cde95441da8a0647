package dev.fila.simulation.staffing;

/**
 * Estimates what a staffing plan achieves, per queue and interval, from a given number of
 * replications. The simulation ({@link SimulatedEvaluator}) is the real one; a search step can be
 * tested on a stub.
 */
@FunctionalInterface
public interface PlanEvaluator {

    /** The plan's figures from replications 1..{@code replications} (the same streams for every plan). */
    PlanFigures evaluate(StaffingPlan plan, int replications);
}
