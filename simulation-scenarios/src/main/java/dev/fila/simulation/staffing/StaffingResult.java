package dev.fila.simulation.staffing;

import dev.fila.simulation.erlang.ErlangStaffing.IntervalStaffing;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What {@link StaffingStudy} found for a scenario.
 *
 * @param templates per queue, the kind of agent the plan counts
 * @param open {@code [queue][interval]}: whether the queue takes arrivals in the interval (R7)
 * @param erlangC {@code [queue][interval]}: Erlang C's fewest agents (one customer at a time, nobody leaves)
 * @param erlangA {@code [queue][interval]}: Erlang A's (Erlang C's again where customers never leave)
 * @param start the search's start: Erlang A's agents turned into agents of the template's kind
 * @param search the plan found and how the search went
 * @param summary every figure of the plan found, at the search's final replications (the same numbers
 *     {@code fila simulate} gives for the plan with that many replications and the scenario's seed)
 * @param replicationsRun replications simulated by the whole search, over all plans
 * @param plansSimulated distinct plans simulated
 */
public record StaffingResult(
        Scenario scenario,
        StaffingSearch.Target target,
        List<String> queueIds,
        Map<String, AgentTemplate> templates,
        boolean[][] open,
        List<List<IntervalStaffing>> erlangC,
        List<List<IntervalStaffing>> erlangA,
        StaffingPlan start,
        StaffingSearch.Outcome search,
        RunSummary summary,
        long replicationsRun,
        int plansSimulated) {

    public StaffingResult {
        queueIds = List.copyOf(queueIds);
        templates = Map.copyOf(templates);
    }

    /** The plan found (when the target cannot be met: the plan with the most agents allowed). */
    public StaffingPlan plan() {
        return search.plan();
    }

    public boolean feasible() {
        return search.feasible();
    }
}
