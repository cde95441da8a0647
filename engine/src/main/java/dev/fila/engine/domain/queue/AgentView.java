package dev.fila.engine.domain.queue;

import java.util.Comparator;

/**
 * A queue's view of one agent's capacity. The agent is the authority (R2); the view can be stale, in
 * which case the agent declines an offer and reports its real capacity.
 */
public record AgentView(
        String agentId, int skillLevel, int freeChatSlots, boolean idle, boolean online, long sinceMillis) {

    /**
     * Chat offers go to the most skilled agent, then the least loaded, then the longest waiting (then by
     * id, so the order is total). Written out field by field: the routing pass and every change of an
     * agent's view compare with it, and a chain of {@code Comparator} lambdas costs a call per key.
     */
    static final Comparator<AgentView> CHAT_ORDER = (a, b) -> {
        if (a.skillLevel != b.skillLevel) {
            return a.skillLevel > b.skillLevel ? -1 : 1;
        }
        if (a.freeChatSlots != b.freeChatSlots) {
            return a.freeChatSlots > b.freeChatSlots ? -1 : 1;
        }
        if (a.sinceMillis != b.sinceMillis) {
            return a.sinceMillis < b.sinceMillis ? -1 : 1;
        }
        return a.agentId.compareTo(b.agentId);
    };

    /** Voice and video offers go to the most skilled idle agent, then the longest idle (then by id). */
    static final Comparator<AgentView> IDLE_ORDER = (a, b) -> {
        if (a.skillLevel != b.skillLevel) {
            return a.skillLevel > b.skillLevel ? -1 : 1;
        }
        if (a.sinceMillis != b.sinceMillis) {
            return a.sinceMillis < b.sinceMillis ? -1 : 1;
        }
        return a.agentId.compareTo(b.agentId);
    };

    /** R2: whether the view says the agent can take one more request of that kind. */
    public boolean canTake(boolean exclusive) {
        return online && (exclusive ? idle : freeChatSlots > 0);
    }

    AgentView afterOffer(boolean exclusive, long atMillis) {
        return new AgentView(agentId, skillLevel, exclusive ? 0 : freeChatSlots - 1, false, online, atMillis);
    }
}
