package dev.fila.simulation.load;

import java.util.Objects;

/**
 * One service recorded in a call-centre log: which agent served a call of which queue, from when
 * to when (epoch milliseconds). The material from which the recorded staffing is derived.
 */
public record AgentService(String agent, String queueId, long startMillis, long endMillis) {

    public AgentService {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queueId, "queueId");
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("service of " + agent + " ends before it starts");
        }
    }
}
