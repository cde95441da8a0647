package dev.fila.engine.actors;

import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.request.RequestCommand;

/**
 * Delivers the sends of a decision ({@code Effect.ToRequest/ToAgent/ToQueue}) to their target
 * entities, fire and forget. Through Cluster Sharding in the engine; to test probes in shell tests.
 */
public interface Postman {

    void toRequest(long requestId, RequestCommand command);

    void toAgent(String agentId, AgentCommand command);

    void toQueue(String queueId, QueueCommand command);
}
