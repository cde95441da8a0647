package dev.fila.simulation.staffing;

import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Agents online per queue per staffing interval: an immutable value (equal plans are equal, so a
 * search can remember what it has simulated).
 */
public final class StaffingPlan {

    private final List<String> queueIds;
    private final int[][] agents;

    /** {@code agents[q][i]}: agents for queue {@code queueIds.get(q)} in interval {@code i}. */
    public StaffingPlan(List<String> queueIds, int[][] agents) {
        this.queueIds = List.copyOf(queueIds);
        if (agents.length != queueIds.size()) {
            throw new IllegalArgumentException("one row of agents per queue");
        }
        this.agents = new int[agents.length][];
        for (int q = 0; q < agents.length; q++) {
            this.agents[q] = agents[q].clone();
            for (int n : agents[q]) {
                if (n < 0) {
                    throw new IllegalArgumentException("agents cannot be negative, got " + n);
                }
            }
        }
    }

    public List<String> queueIds() {
        return queueIds;
    }

    public int intervalCount() {
        return agents.length == 0 ? 0 : agents[0].length;
    }

    public int agents(int queue, int interval) {
        return agents[queue][interval];
    }

    /** A copy of one queue's agents per interval. */
    public int[] agents(int queue) {
        return agents[queue].clone();
    }

    /** The same plan with {@code agents(queue, interval)} changed by {@code delta}. */
    public StaffingPlan plus(int queue, int interval, int delta) {
        int[][] copy = new int[agents.length][];
        for (int q = 0; q < agents.length; q++) {
            copy[q] = agents[q].clone();
        }
        copy[queue][interval] += delta;
        return new StaffingPlan(queueIds, copy);
    }

    /** Agent-hours of one queue: agents × the length of each interval (the last may be shorter). */
    public double agentHours(int queue, long intervalMillis, long horizonMillis) {
        double hours = 0;
        for (int i = 0; i < agents[queue].length; i++) {
            long length = Math.min(intervalMillis, horizonMillis - i * intervalMillis);
            hours += agents[queue][i] * length / 3_600_000.0;
        }
        return hours;
    }

    /**
     * The scenario staffed by this plan: its agents replaced by {@code <queue>-1}, {@code <queue>-2}, … of
     * each queue's template kind (R2 maxChats; skill level 1 for that queue alone), the k-th online in
     * the intervals whose count is at least k (R4: set online at a window's start, offline at its end).
     * The same agents as the plan's {@code staffing:} block gives when pasted into the scenario file.
     */
    public Scenario applyTo(Scenario base, Map<String, AgentTemplate> templates) {
        List<Scenario.AgentSpec> specs = new ArrayList<>();
        long start = base.startMillis();
        long end = start + base.horizonMillis();
        long step = base.intervalMillis();
        for (int q = 0; q < queueIds.size(); q++) {
            String queueId = queueIds.get(q);
            int most = Arrays.stream(agents[q]).max().orElse(0);
            for (int k = 1; k <= most; k++) {
                List<Scenario.OnlineWindow> windows = new ArrayList<>();
                int i = 0;
                while (i < agents[q].length) {
                    if (agents[q][i] < k) {
                        i++;
                        continue;
                    }
                    int j = i;
                    while (j < agents[q].length && agents[q][j] >= k) {
                        j++;
                    }
                    windows.add(new Scenario.OnlineWindow(start + i * step, Math.min(end, start + j * step)));
                    i = j;
                }
                specs.add(new Scenario.AgentSpec(
                        queueId + "-" + k,
                        Map.of(queueId, 1),
                        templates.get(queueId).maxChats(),
                        windows));
            }
        }
        return base.withAgents(specs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffingPlan p && p.queueIds.equals(queueIds) && Arrays.deepEquals(p.agents, agents);
    }

    @Override
    public int hashCode() {
        return 31 * queueIds.hashCode() + Arrays.deepHashCode(agents);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int q = 0; q < queueIds.size(); q++) {
            b.append(q == 0 ? "" : "; ").append(queueIds.get(q)).append(' ').append(Arrays.toString(agents[q]));
        }
        return b.toString();
    }
}
