package dev.fila.engine.domain.agent;

import java.util.Map;
import java.util.Set;

/** What happened to an agent. */
public sealed interface AgentEvent {

    record Registered(String agentId, String name, Map<String, Integer> skills, int maxChats, Set<Role> roles)
            implements AgentEvent {
        public Registered {
            skills = Map.copyOf(skills);
            roles = Set.copyOf(roles);
        }
    }

    /** R4. {@code reason} is set for a pause, empty otherwise. */
    record PresenceChanged(Presence presence, String reason, long atMillis) implements AgentEvent {}

    /** R10, R11: the agent reserved a slot for an invitation. */
    record SlotReserved(long requestId, String queueId, boolean exclusive, long atMillis) implements AgentEvent {}

    /** R12. */
    record InteractionStarted(long requestId, long atMillis) implements AgentEvent {}

    /** The slot is free again. */
    record SlotReleased(long requestId, long atMillis) implements AgentEvent {}
}
