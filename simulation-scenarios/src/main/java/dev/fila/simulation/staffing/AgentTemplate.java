package dev.fila.simulation.staffing;

import dev.fila.simulation.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kind of agent a queue's staffing plan counts: agents who serve that queue alone (skill level 1),
 * each up to {@code maxChats} chats at once (R2; voice and video stay exclusive).
 *
 * <p>{@link #of} takes the kind from the scenario: the {@code maxChats} held by most of the agent time
 * online for the queue among the scenario's agents (plans, shifts and always-online agents alike; a
 * tie goes to the kind met first in the file). So a desk of two-chat shift workers with a few one-chat
 * helpers is planned in two-chat agents.
 */
public record AgentTemplate(String queueId, int maxChats) {

    public AgentTemplate {
        if (maxChats < 1) {
            throw new IllegalArgumentException("maxChats must be at least 1, got " + maxChats);
        }
    }

    /** The scenario's usual agent for {@code queueId} (4 chats, R2's default, when no agent serves it). */
    public static AgentTemplate of(Scenario scenario, String queueId) {
        long start = scenario.startMillis();
        long end = start + scenario.horizonMillis();
        Map<Integer, Long> onlineMillisByMaxChats = new LinkedHashMap<>();
        for (Scenario.AgentSpec agent : scenario.agents()) {
            if (!agent.skills().containsKey(queueId)) {
                continue;
            }
            long online = 0;
            if (agent.alwaysOnline()) {
                online = end - start;
            } else {
                for (Scenario.OnlineWindow w : agent.online()) {
                    online += Math.max(0, Math.min(end, w.toMillis()) - Math.max(start, w.fromMillis()));
                }
            }
            onlineMillisByMaxChats.merge(agent.maxChats(), online, Long::sum);
        }
        int best = 4;
        long most = -1;
        for (Map.Entry<Integer, Long> e : onlineMillisByMaxChats.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                best = e.getKey();
            }
        }
        return new AgentTemplate(queueId, best);
    }
}
