package dev.fila.engine.domain;

import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.request.RequestCommand;

/**
 * What a decision asks its runtime to do once its events are recorded. Effects are data: the actor
 * shell turns them into tells and Pekko timers, the simulation kernel into entries of its event list.
 * Sends to one target are delivered in the order they were emitted.
 */
public sealed interface Effect {

    /** Send a command to a request. */
    record ToRequest(long requestId, RequestCommand command) implements Effect {}

    /** Send a command to an agent. */
    record ToAgent(String agentId, AgentCommand command) implements Effect {}

    /** Send a command to a queue (also to the deciding queue itself). */
    record ToQueue(String queueId, QueueCommand command) implements Effect {}

    /** Arm (or re-arm) the emitting request's timer to fire at {@code dueMillis}. */
    record StartTimer(TimerKind kind, long dueMillis) implements Effect {}

    /** Disarm the emitting request's timer (optional for a runtime: stale timers are ignored). */
    record CancelTimer(TimerKind kind) implements Effect {}

    /** Tell subscribers. */
    record Notify(Notification notification) implements Effect {}
}
