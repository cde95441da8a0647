package dev.fila.engine.domain.queue;

/** What happened to a queue. Flat records: primitives, strings and enums only. */
public sealed interface QueueEvent {

    /** R8, R19: the request stands in the line at the place its (class, sort time) gives it. */
    record Enqueued(long requestId, boolean exclusive, int priorityClass, long sortTimeMillis, long enteredAtMillis)
            implements QueueEvent {}

    /** R9. */
    record AvailabilityChanged(long requestId, boolean available) implements QueueEvent {}

    /** The request left the line from {@code position}. */
    record Removed(long requestId, LineExit exit, int position, long atMillis) implements QueueEvent {}

    /** R11: the penalty, recorded with the places it cost. */
    record PenaltyApplied(long requestId, int fromPosition, int toPosition, long atMillis) implements QueueEvent {}

    /** The request was offered to an agent; it is not offered to anyone else meanwhile. */
    record Offered(long requestId, String agentId, boolean exclusive, long atMillis) implements QueueEvent {}

    /** The offer of this request ended without an invitation: it is eligible again. */
    record OfferWithdrawn(long requestId) implements QueueEvent {}

    /**
     * The queue's view of an agent's capacity; {@code handledMillis} &gt; 0 when the agent has just
     * closed an interaction of this queue that lasted that long (R8: the queue's handle-time figures).
     */
    record AgentViewChanged(
            String agentId,
            int skillLevel,
            int freeChatSlots,
            boolean idle,
            boolean online,
            long sinceMillis,
            long handledMillis)
            implements QueueEvent {

        /** A view change that carries no handle time. */
        public AgentViewChanged(
                String agentId, int skillLevel, int freeChatSlots, boolean idle, boolean online, long sinceMillis) {
            this(agentId, skillLevel, freeChatSlots, idle, online, sinceMillis, 0);
        }
    }
}
