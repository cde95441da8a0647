package dev.fila.engine.domain.queue;

import java.util.Arrays;
import java.util.Comparator;

/**
 * What one routing pass reads (R10): the queue's line and agent views <em>as they will be after</em> the
 * event the same decision records first, without changing the state (decide only reads it).
 *
 * <p>That event changes at most one thing routing looks at:
 *
 * <ul>
 *   <li>{@link #afterEnqueue}: one more eligible request, at the position the line will give it; the
 *       entries from that position on stand one place further back.
 *   <li>{@link #afterAgentView}: one agent's view replaced by a new one (which may sort elsewhere).
 * </ul>
 *
 * The pass also keeps the capacity its own offers use up ({@link #offered}), so one agent is not offered
 * more than the view says it can take. So the queue routes in the same decision that made routing
 * possible, instead of sending itself a {@code Route} that the runtime would deliver as one more message.
 *
 * <p>Cost model: the n-th eligible request is one order-statistic descent of the line (O(log n)), plus,
 * once per pass, a binary search of O(log² n) to rank the new request among the eligible ones of its
 * kind. The overlay of used agents is a small array scanned linearly (a pass makes few offers). One
 * object per pass; nothing per candidate.
 */
final class RoutingPass {

    private final QueueState state;
    private final WaitingLine line;

    // the request the event adds (NONE when it adds none)
    private final long addedId;
    private final int addedPosition;
    private final boolean addedExclusive;
    private int addedRank = -1;

    // the agent whose view the event replaces (null when none)
    private final AgentView changedAgent;

    // agents this pass has offered to, with their views after the offers
    private AgentView[] used;
    private int usedCount;

    private RoutingPass(
            QueueState state, long addedId, int addedPosition, boolean addedExclusive, AgentView changedAgent) {
        this.state = state;
        this.line = state.line();
        this.addedId = addedId;
        this.addedPosition = addedPosition;
        this.addedExclusive = addedExclusive;
        this.changedAgent = changedAgent;
    }

    /** The state as it is (a pass after an event that changes nothing routing reads). */
    static RoutingPass over(QueueState state) {
        return new RoutingPass(state, WaitingLine.NONE, 0, false, null);
    }

    /** The state after {@code requestId} entered the line at {@code position} (available, not offered). */
    static RoutingPass afterEnqueue(QueueState state, long requestId, int position, boolean exclusive) {
        return new RoutingPass(state, requestId, position, exclusive, null);
    }

    /** The state after the agent's view became {@code view}. */
    static RoutingPass afterAgentView(QueueState state, AgentView view) {
        return new RoutingPass(state, WaitingLine.NONE, 0, false, view);
    }

    // ---------------------------------------------------------------- the line after the event

    /** 1-based position of the n-th (0-based) eligible request of that kind, 0 if there is none. */
    int positionOfNthEligible(boolean exclusive, int n) {
        if (addedId == WaitingLine.NONE) {
            return line.positionOfNthEligible(exclusive, n);
        }
        if (exclusive != addedExclusive) {
            return shifted(line.positionOfNthEligible(exclusive, n));
        }
        int rank = addedRank();
        if (n < rank) {
            return line.positionOfNthEligible(exclusive, n);
        }
        return n == rank ? addedPosition : shifted(line.positionOfNthEligible(exclusive, n - 1));
    }

    /** The n-th (0-based) eligible request of that kind, {@link WaitingLine#NONE} if there is none. */
    long nthEligible(boolean exclusive, int n) {
        if (addedId == WaitingLine.NONE || exclusive != addedExclusive) {
            return line.nthEligible(exclusive, n);
        }
        int rank = addedRank();
        if (n < rank) {
            return line.nthEligible(exclusive, n);
        }
        return n == rank ? addedId : line.nthEligible(exclusive, n - 1);
    }

    /** A position of the present line, as it will be once the added request stands before it. */
    private int shifted(int position) {
        return position >= addedPosition ? position + 1 : position;
    }

    /** How many eligible requests of the added one's kind stand ahead of it: a binary search on ranks. */
    private int addedRank() {
        if (addedRank < 0) {
            int low = 0;
            int high = line.eligibleCount(addedExclusive);
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (line.positionOfNthEligible(addedExclusive, mid) < addedPosition) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            addedRank = low;
        }
        return addedRank;
    }

    // ---------------------------------------------------------------- the agents after the event

    /**
     * The best agent that can take one more request of that kind (R2) — chat: most skilled, least loaded,
     * longest waiting; voice/video: most skilled idle, longest idle — with this pass's offers accounted
     * for, or null.
     */
    AgentView pick(boolean exclusive) {
        Comparator<AgentView> order = exclusive ? AgentView.IDLE_ORDER : AgentView.CHAT_ORDER;
        AgentView changed = changedAgent;
        boolean changedSeen = changed == null;
        for (AgentView candidate : exclusive ? state.idleCandidates() : state.chatCandidates()) {
            if (changed != null && candidate.agentId().equals(changed.agentId())) {
                continue; // its view before the event
            }
            if (!changedSeen && order.compare(changed, candidate) < 0) {
                changedSeen = true;
                AgentView current = current(changed);
                if (current.canTake(exclusive)) {
                    return current;
                }
            }
            AgentView current = current(candidate);
            if (current.canTake(exclusive)) {
                return current;
            }
        }
        if (!changedSeen) {
            AgentView current = current(changed);
            if (current.canTake(exclusive)) {
                return current;
            }
        }
        return null;
    }

    /** Whether some agent, as the event leaves them, could take a request of that kind. */
    boolean someAgentCanTake(boolean exclusive) {
        if (changedAgent == null) {
            return state.someAgentCanTake(exclusive);
        }
        return pick(exclusive) != null;
    }

    /** This pass offered the agent a request of that kind at {@code atMillis}. */
    void offered(AgentView agent, boolean exclusive, long atMillis) {
        AgentView after = agent.afterOffer(exclusive, atMillis);
        for (int i = 0; i < usedCount; i++) {
            if (used[i].agentId().equals(agent.agentId())) {
                used[i] = after;
                return;
            }
        }
        if (used == null) {
            used = new AgentView[2];
        } else if (usedCount == used.length) {
            used = Arrays.copyOf(used, usedCount * 2);
        }
        used[usedCount++] = after;
    }

    private AgentView current(AgentView view) {
        for (int i = 0; i < usedCount; i++) {
            if (used[i].agentId().equals(view.agentId())) {
                return used[i];
            }
        }
        return view;
    }
}
