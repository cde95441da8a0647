package dev.fila.engine.domain.agent;

import java.util.Arrays;
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
        for (int i = 0, n = held.size(); i < n; i++) {
            if (held.get(i).exclusive()) {
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
        for (int i = 0, n = held.size(); i < n; i++) {
            Held h = held.get(i);
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

    // The held lists below are built immutable in one step (the compact constructor's List.copyOf
    // then keeps them as they are): one list per change, not a working list and then its copy.

    AgentState plus(Held h) {
        int n = held.size();
        List<Held> next =
                switch (n) {
                    case 0 -> List.of(h);
                    case 1 -> List.of(held.get(0), h);
                    default -> {
                        Held[] all = held.toArray(new Held[n + 1]);
                        all[n] = h;
                        yield List.of(all);
                    }
                };
        return withHeld(next, h.sinceMillis());
    }

    AgentState minus(long requestId, long atMillis) {
        int n = held.size();
        Held[] kept = new Held[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Held h = held.get(i);
            if (h.requestId() != requestId) {
                kept[k++] = h;
            }
        }
        List<Held> next =
                switch (k) {
                    case 0 -> List.of();
                    case 1 -> List.of(kept[0]);
                    default -> List.of(Arrays.copyOf(kept, k));
                };
        return withHeld(next, atMillis);
    }

    AgentState activate(long requestId, long atMillis) {
        int n = held.size();
        List<Held> next;
        if (n == 1) {
            Held h = held.get(0);
            next = h.requestId() == requestId ? List.of(h.activated(atMillis)) : held;
        } else {
            Held[] all = new Held[n];
            for (int i = 0; i < n; i++) {
                Held h = held.get(i);
                all[i] = h.requestId() == requestId ? h.activated(atMillis) : h;
            }
            next = List.of(all);
        }
        return new AgentState(agentId, name, skills, maxChats, roles, presence, pauseReason, next, sinceMillis);
    }
}
