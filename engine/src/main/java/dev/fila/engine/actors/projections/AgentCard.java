package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Colour;
import dev.fila.engine.domain.agent.Held;
import dev.fila.engine.domain.agent.Presence;
import java.util.List;

/**
 * One agent on the agent board: presence (R4), the colour shown (R5, derived by the domain) and the
 * interactions it holds (R2, R11: reserved for a pending invitation, or active).
 */
public record AgentCard(
        String agentId,
        String name,
        Presence presence,
        String pauseReason,
        Colour colour,
        int maxChats,
        List<Held> held,
        long sinceMillis) {

    public AgentCard {
        held = List.copyOf(held);
    }

    static AgentCard of(AgentState state) {
        return new AgentCard(
                state.agentId(),
                state.name(),
                state.presence(),
                state.pauseReason(),
                state.colour(),
                state.maxChats(),
                state.held(),
                state.sinceMillis());
    }
}
