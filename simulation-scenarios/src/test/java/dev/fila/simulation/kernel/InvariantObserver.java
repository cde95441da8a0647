package dev.fila.simulation.kernel;

import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Held;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks after every event: an agent never holds more than its capacity (R2: chats up to maxChats; a
 * voice or video interaction alone); a request stands in at most one line and is held by at most one
 * agent; the positions of a line are exactly 1..n. Violations are collected, not thrown, so a test can
 * report them all.
 */
public final class InvariantObserver implements KernelListener {

    public final List<String> violations = new ArrayList<>();
    private final Map<Long, String> lineOf = new HashMap<>();
    private final Map<Long, String> heldBy = new HashMap<>();
    public long checks;
    boolean checkPositions = true;

    @Override
    public void onAgentEvent(long nowMillis, String agentId, AgentEvent event, AgentState state) {
        checks++;
        List<Held> held = state.held();
        if (held.size() > state.maxChats()) {
            violations.add(nowMillis + ": " + agentId + " holds " + held.size() + " > maxChats " + state.maxChats());
        }
        if (held.size() > 1 && held.stream().anyMatch(Held::exclusive)) {
            violations.add(nowMillis + ": " + agentId + " shares a voice/video interaction: " + held);
        }
        switch (event) {
            case AgentEvent.SlotReserved e -> {
                String previous = heldBy.putIfAbsent(e.requestId(), agentId);
                if (previous != null) {
                    violations.add(
                            nowMillis + ": request " + e.requestId() + " held by " + previous + " and " + agentId);
                }
            }
            case AgentEvent.SlotReleased e -> heldBy.remove(e.requestId(), agentId);
            default -> {}
        }
    }

    @Override
    public void onQueueEvent(long nowMillis, String queueId, QueueEvent event, QueueState state) {
        checks++;
        switch (event) {
            case QueueEvent.Enqueued e -> {
                String previous = lineOf.putIfAbsent(e.requestId(), queueId);
                if (previous != null) {
                    violations.add(
                            nowMillis + ": request " + e.requestId() + " in lines " + previous + " and " + queueId);
                }
            }
            case QueueEvent.Removed e -> lineOf.remove(e.requestId(), queueId);
            default -> {}
        }
        if (checkPositions) {
            int n = state.line().size();
            for (int position = 1; position <= n; position++) {
                long requestId = state.line().requestAt(position);
                if (requestId < 0 || state.positionOf(requestId) != position) {
                    violations.add(nowMillis + ": " + queueId + " position " + position + " holds " + requestId);
                }
            }
        }
    }
}
