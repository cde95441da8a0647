package dev.fila.engine.domain.queue;

import dev.fila.engine.domain.Channel;

/** What a queue can be told. Requests and agents send these; {@link Route} a queue sends itself. */
public sealed interface QueueCommand {

    /**
     * A request enters the line (R6 on opening, R14 on renewal). {@code renewal} puts it at the back
     * without any priority credit (R14); otherwise R19's credit and class apply.
     */
    record Enqueue(long requestId, Channel channel, int priority, long enteredAtMillis, boolean renewal)
            implements QueueCommand {}

    /** R9: the customer stepped away (false) or came back (true); they keep their place. */
    record SetAvailability(long requestId, boolean available) implements QueueCommand {}

    /** The request leaves the line for good. */
    record Remove(long requestId, LineExit exit) implements QueueCommand {}

    /** R11: the invitation was not answered in time: back {@code penaltyPositions} places. */
    record ApplyPenalty(long requestId) implements QueueCommand {}

    /** The offered request was not invited after all (it was no longer eligible): offer it again. */
    record OfferReturned(long requestId) implements QueueCommand {}

    /**
     * An agent who serves this queue reports its capacity (R2, R4): sent when it goes online or offline,
     * and whenever it frees a slot.
     *
     * @param handledMillis when the report follows the close of an interaction of this queue, how long
     *     that interaction lasted from acceptance to close (R12, R3); 0 otherwise. The queue learns its
     *     handle times from it (R8: the queue-length and Fila ETA predictors read their mean).
     */
    record AgentCapacity(
            String agentId,
            int skillLevel,
            int freeChatSlots,
            boolean idle,
            boolean online,
            long sinceMillis,
            long handledMillis)
            implements QueueCommand {

        /** A report that carries no handle time (presence changes, declines, released invitations). */
        public AgentCapacity(
                String agentId, int skillLevel, int freeChatSlots, boolean idle, boolean online, long sinceMillis) {
            this(agentId, skillLevel, freeChatSlots, idle, online, sinceMillis, 0);
        }
    }

    /** The agent could not take the offer (another queue filled it first); its actual capacity rides along. */
    record OfferDeclined(long requestId, AgentCapacity capacity) implements QueueCommand {}

    /** Pair eligible requests with agents that have room (sent by the queue to itself). */
    record Route() implements QueueCommand {}
}
