package dev.fila.engine.actors;

import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.request.RequestEvent;

/** A change the engine tells its subscribers about, once it is recorded in the journal. */
public sealed interface EngineChange {

    /** A request recorded an event. */
    record RequestChanged(long requestId, RequestEvent event) implements EngineChange {}

    /** An agent recorded an event (its colour, R5, may have changed). */
    record AgentChanged(String agentId, AgentEvent event) implements EngineChange {}

    /** A queue recorded an event (positions and ETAs, R8, may have changed). */
    record QueueChanged(String queueId, QueueEvent event) implements EngineChange {}

    /** A decision's {@code Notify} effect (R8: which positions of a line changed). */
    record Notified(Notification notification) implements EngineChange {}
}
