package dev.fila.engine.domain.queue;

import java.util.Comparator;

/**
 * A queue's view of one agent's capacity. The agent is the authority (R2); the view can be stale, in
 * which case the agent declines an offer and reports its real capacity.
 */
public record AgentView(
        String agentId, int skillLevel, int freeChatSlots, boolean idle, boolean online, long sinceMillis) {

    /** Chat offers go to the most skilled agent, then the least loaded, then the longest waiting. */
    static final Comparator<AgentView> CHAT_ORDER = Comparator.comparingInt((AgentView v) -> -v.skillLevel)
            .thenComparingInt(v -> -v.freeChatSlots)
            .thenComparingLong(AgentView::sinceMillis)
            .thenComparing(AgentView::agentId);

    /** Voice and video offers go to the most skilled idle agent, then the longest idle. */
    static final Comparator<AgentView> IDLE_ORDER = Comparator.comparingInt((AgentView v) -> -v.skillLevel)
            .thenComparingLong(AgentView::sinceMillis)
            .thenComparing(AgentView::agentId);

    /** R2: whether the view says the agent can take one more request of that kind. */
    public boolean canTake(boolean exclusive) {
        return online && (exclusive ? idle : freeChatSlots > 0);
    }

    AgentView afterOffer(boolean exclusive, long atMillis) {
        return new AgentView(agentId, skillLevel, exclusive ? 0 : freeChatSlots - 1, false, online, atMillis);
    }
}
