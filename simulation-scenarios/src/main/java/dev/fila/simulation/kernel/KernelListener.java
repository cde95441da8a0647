package dev.fila.simulation.kernel;

import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;

/**
 * Sees every event of every aggregate the kernel hosts, at the virtual instant it was decided, with
 * the state right after it. Listeners run inside the loop, in registration order: they may schedule
 * new entries on the kernel but must not change the states they are shown (a {@link QueueState} is
 * mutable; read it only).
 */
public interface KernelListener {

    default void onRequestEvent(long nowMillis, long requestId, RequestEvent event, RequestState state) {}

    default void onAgentEvent(long nowMillis, String agentId, AgentEvent event, AgentState state) {}

    default void onQueueEvent(long nowMillis, String queueId, QueueEvent event, QueueState state) {}

    default void onNotification(long nowMillis, Notification notification) {}

    /**
     * A command was refused. {@code external} is true for commands submitted from outside the domain
     * (the customer-behaviour driver); false for sends between aggregates, whose effects were dropped.
     */
    default void onRejected(long nowMillis, KernelRejection rejection) {}
}
