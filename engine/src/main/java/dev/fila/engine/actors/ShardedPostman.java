package dev.fila.engine.actors;

import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.request.RequestCommand;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** Delivers sends through Cluster Sharding: requests by their id as a decimal string, agents and queues by id. */
final class ShardedPostman implements Postman {

    private final ClusterSharding sharding;

    ShardedPostman(ClusterSharding sharding) {
        this.sharding = sharding;
    }

    @Override
    public void toRequest(long requestId, RequestCommand command) {
        sharding.entityRefFor(RequestEntity.ENTITY_TYPE_KEY, Long.toString(requestId))
                .tell(new RequestEntity.Handle(command, null));
    }

    @Override
    public void toAgent(String agentId, AgentCommand command) {
        sharding.entityRefFor(AgentEntity.ENTITY_TYPE_KEY, agentId).tell(new AgentEntity.Handle(command, null));
    }

    @Override
    public void toQueue(String queueId, QueueCommand command) {
        sharding.entityRefFor(QueueEntity.ENTITY_TYPE_KEY, queueId).tell(new QueueEntity.Handle(command, null));
    }
}
