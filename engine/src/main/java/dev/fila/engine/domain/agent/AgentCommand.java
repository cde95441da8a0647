package dev.fila.engine.domain.agent;

import java.util.Map;
import java.util.Set;

/** What an agent can be told: by the agent (presence), by queues (offers) and by requests. */
public sealed interface AgentCommand {

    /**
     * Creates the agent: which queues it serves with which skill level (1 = lowest), its chat limit
     * (R2, default 4) and its roles (R4).
     */
    record Register(String agentId, String name, Map<String, Integer> skills, int maxChats, Set<Role> roles)
            implements AgentCommand {
        public Register {
            skills = skills == null ? Map.of() : Map.copyOf(skills);
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** R4: logging in puts an agent whose only role is agent online; others stay as they are. */
    record LogIn() implements AgentCommand {}

    /** R4: logging out takes the agent offline; interactions already held stay until closed. */
    record LogOut() implements AgentCommand {}

    /** R4: set presence explicitly; {@code reason} is required for {@link Presence#PAUSED}. */
    record SetPresence(Presence presence, String reason) implements AgentCommand {}

    /** A queue offers a request (R10); the agent takes it only if it has room (R2, R3). */
    record Offer(long requestId, String queueId, boolean exclusive) implements AgentCommand {}

    /** R12: the customer accepted: the reserved slot becomes an interaction. */
    record InteractionStarted(long requestId) implements AgentCommand {}

    /**
     * The request no longer needs the slot: the invitation expired, was refused or the customer left,
     * or the agent closed the interaction (R3).
     */
    record Release(long requestId) implements AgentCommand {}
}
