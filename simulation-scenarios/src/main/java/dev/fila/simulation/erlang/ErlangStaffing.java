package dev.fila.simulation.erlang;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Erlang's staffing per interval: each interval treated as its own steady state (the usual
 * stationary-independent-period-by-period approximation), staffed with the fewest agents that meet the
 * target. The staffing search starts from this plan and corrects it by simulation.
 */
public final class ErlangStaffing {

    private ErlangStaffing() {}

    /**
     * One interval's answer.
     *
     * @param agents the fewest agents that meet the target, or maxAgents when none up to it does
     * @param targetMet false when even maxAgents miss the target
     * @param result the model's figures at {@code agents}
     */
    public record IntervalStaffing(IntervalLoad load, int agents, boolean targetMet, ErlangResult result) {}

    /** The fewest agents per interval, in the intervals' order (Erlang A where patience is finite, else C). */
    public static List<IntervalStaffing> perInterval(List<IntervalLoad> loads, StaffingTarget target, int maxAgents) {
        ErlangInputs.checkMaxAgents(maxAgents);
        List<IntervalStaffing> plan = new ArrayList<>(loads.size());
        for (IntervalLoad load : loads) {
            OptionalInt fewest =
                    FewestAgents.search(n -> load.evaluate(n, target.answerWithinSeconds()), target, maxAgents);
            int agents = fewest.orElse(maxAgents);
            plan.add(new IntervalStaffing(
                    load, agents, fewest.isPresent(), load.evaluate(agents, target.answerWithinSeconds())));
        }
        return List.copyOf(plan);
    }

    /** Just the agents of {@link #perInterval}. */
    public static int[] agentsPerInterval(List<IntervalLoad> loads, StaffingTarget target, int maxAgents) {
        return perInterval(loads, target, maxAgents).stream()
                .mapToInt(IntervalStaffing::agents)
                .toArray();
    }
}
