package dev.fila.engine.actors.projections;

import dev.fila.engine.actors.LineView;

/** A change a live subscriber (a customer portal, a board, the HTTP API's SSE) is told about. */
public sealed interface LiveChange {

    /**
     * R8: a waiting request's position or ETA changed. {@code position} 0 means it no longer waits in
     * the line (served, left, expired, rejected: its own status is in the request history).
     */
    record PositionChanged(String queueId, long requestId, int position, long etaMillis, long asOfMillis)
            implements LiveChange {}

    /** The queue board changed: the whole line, in order, with positions and ETAs. */
    record QueueBoardChanged(LineView line) implements LiveChange {}

    /** The agent board changed for one agent: presence (R4), colour (R5), what it holds. */
    record AgentBoardChanged(AgentCard card) implements LiveChange {}
}
