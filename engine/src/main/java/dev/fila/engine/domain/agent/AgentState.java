package dev.fila.engine.domain.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agent: who it is, which queues it serves, its presence (R4) and what it holds (R2, R3). Its
 * colour (R5) and capacity are derived, never stored.
 *
 * @param agentId empty before registration
 * @param skills queue id to skill level (1 = lowest)
 * @param maxChats R2: chats at once (default 4)
 * @param held the requests it holds, reserved or active, oldest first
 * @param sinceMillis when its capacity last changed (queues offer to the longest waiting first)
 */
public record AgentState(
        String agentId,
        String name,
        Map<String, Integer> skills,
        int maxChats,
        Set<Role> roles,
        Presence presence,
        String pauseReason,
        List<Held> held,
        long sinceMillis) {

    public static final int DEFAULT_MAX_CHATS = 4;

    public AgentState {
        skills = Map.copyOf(skills);
        roles = Set.copyOf(roles);
        held = List.copyOf(held);
    }

    public static AgentState unregistered() {
        return new AgentState("", "", Map.of(), DEFAULT_MAX_CHATS, Set.of(), Presence.OFFLINE, "", List.of(), 0);
    }

    public boolean isRegistered() {
        return !agentId.isEmpty();
    }

    /** Whether it holds a voice or video interaction (R2: then it is offered nothing else). */
    public boolean holdsExclusive() {
        for (Held h : held) {
            if (h.exclusive()) {
                return true;
            }
        }
        return false;
    }

    /** R2: chat slots still free (none while it holds voice or video). */
    public int freeChatSlots() {
        return holdsExclusive() ? 0 : Math.max(0, maxChats - held.size());
    }

    /** Holds nothing at all. */
    public boolean isIdle() {
        return held.isEmpty();
    }

    /** R2, R3, R4: whether it can take one more request of that kind now. */
    public boolean canTake(boolean exclusive) {
        return presence == Presence.ONLINE && (exclusive ? isIdle() : freeChatSlots() > 0);
    }

    public boolean holds(long requestId) {
        return find(requestId) != null;
    }

    public Held find(long requestId) {
        for (Held h : held) {
            if (h.requestId() == requestId) {
                return h;
            }
        }
        return null;
    }

    /** R5: the colour shown for this agent. */
    public Colour colour() {
        return switch (presence) {
            case OFFLINE -> Colour.OFFLINE;
            case AWAY, BUSY, PAUSED -> Colour.AWAY;
            case ONLINE -> {
                if (held.isEmpty()) {
                    yield Colour.GREEN;
                }
                yield freeChatSlots() == 0 ? Colour.YELLOW : Colour.BLUE;
            }
        };
    }

    AgentState withPresence(Presence newPresence, String reason, long atMillis) {
        return new AgentState(agentId, name, skills, maxChats, roles, newPresence, reason, held, atMillis);
    }

    AgentState withHeld(List<Held> newHeld, long atMillis) {
        return new AgentState(agentId, name, skills, maxChats, roles, presence, pauseReason, newHeld, atMillis);
    }

    AgentState plus(Held h) {
        List<Held> next = new ArrayList<>(held.size() + 1);
        next.addAll(held);
        next.add(h);
        return withHeld(next, h.sinceMillis());
    }

    AgentState minus(long requestId, long atMillis) {
        List<Held> next = new ArrayList<>(held.size());
        for (Held h : held) {
            if (h.requestId() != requestId) {
                next.add(h);
            }
        }
        return withHeld(next, atMillis);
    }

    AgentState activate(long requestId, long atMillis) {
        List<Held> next = new ArrayList<>(held.size());
        for (Held h : held) {
            next.add(
                    h.requestId() == requestId
                            ? new Held(h.requestId(), h.queueId(), h.exclusive(), false, atMillis)
                            : h);
        }
        return new AgentState(agentId, name, skills, maxChats, roles, presence, pauseReason, next, sinceMillis);
    }
}
