package dev.fila.simulation;

import dev.fila.engine.domain.Channel;

/**
 * One arrival, as it ended (or stood at the end of the run). Times are milliseconds since the
 * scenario's start; -1 where it does not apply.
 *
 * @param waitMillis time from entering the queue to acceptance (served), to leaving the queue
 *     (abandoned, expired, rejected), or to the end of the run (still waiting); 0 when refused at entry
 * @param penalties R11: invitations that ran out
 * @param reason why it was rejected (a rejection code or reason), empty otherwise
 */
public record RequestRecord(
        long requestId,
        String protocol,
        String queueId,
        Channel channel,
        int priority,
        long arrivalMillis,
        Outcome outcome,
        long waitMillis,
        long serviceStartMillis,
        long serviceEndMillis,
        int penalties,
        String agentId,
        String reason) {

    /** How an arrival ended. */
    public enum Outcome {
        /** Accepted an invitation (R12), whether or not the interaction was closed by the end. */
        SERVED,
        /** R13. */
        ABANDONED,
        /** R14 (R7 with expireAtClose). */
        EXPIRED,
        /** Refused at entry (R6, R7) or rejected while waiting (R10, R15). */
        REJECTED,
        /** Still in the queue (waiting or invited) when the run ended. */
        WAITING
    }
}
