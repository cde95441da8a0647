package dev.fila.engine.actors;

import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentRejection;
import java.util.List;

/** A agent entity's answer: its recorded events, or its rejection (null when accepted). */
public record AgentReply(List<AgentEvent> events, AgentRejection rejection)
        implements Reply<AgentEvent, AgentRejection> {

    public AgentReply {
        events = events == null ? List.of() : List.copyOf(events);
    }

    static AgentReply of(List<AgentEvent> events) {
        return new AgentReply(events, null);
    }

    static AgentReply rejected(AgentRejection rejection) {
        return new AgentReply(List.of(), rejection);
    }
}
