package dev.fila.engine.domain.request;

import dev.fila.engine.domain.Channel;

/** What happened to a request. Each records the instant that was decided. */
public sealed interface RequestEvent {

    /** R6, R20: opened and entered the queue; it expires at {@code expiresAtMillis} (R14, R7). */
    record Opened(
            long requestId,
            String protocol,
            String customerId,
            String queueId,
            Channel channel,
            int priority,
            RequestDetails details,
            boolean customerOnline,
            long expiresAtMillis,
            long atMillis)
            implements RequestEvent {}

    /** R9. */
    record AvailabilityChanged(boolean available, long atMillis) implements RequestEvent {}

    /** R10. */
    record CustomerOnlineChanged(boolean online, long atMillis) implements RequestEvent {}

    /** R10, R11. */
    record Invited(String agentId, long expiresAtMillis, long atMillis) implements RequestEvent {}

    /** R10: the customer was not online in chat; the request is rejected with that reason. */
    record InvitationRefused(String agentId, String reason, long atMillis) implements RequestEvent {}

    /** R11: not accepted in time; back in the queue, the penalty recorded. */
    record InvitationExpired(String agentId, int penaltyPositions, long atMillis) implements RequestEvent {}

    /** R12. */
    record Accepted(String agentId, VisitorInfo visitor, long waitedMillis, long atMillis) implements RequestEvent {}

    /** R13. */
    record Left(long atMillis) implements RequestEvent {}

    /** R15. */
    record Rejected(String reason, long atMillis) implements RequestEvent {}

    /** R14 (and R7 with expireAtClose). */
    record Expired(long atMillis) implements RequestEvent {}

    /** R14: back in the queue, at the back, without retyping. */
    record Renewed(long availableUntilMillis, long expiresAtMillis, long atMillis) implements RequestEvent {}

    /** R18. */
    record AgentOpened(long atMillis) implements RequestEvent {}

    /** R18. */
    record CustomerWrote(long atMillis) implements RequestEvent {}

    /** R18. */
    record AgentWrote(long atMillis) implements RequestEvent {}

    /** R17. */
    record CustomerWentAway(long graceEndsAtMillis, long atMillis) implements RequestEvent {}

    /** R17. */
    record CustomerReturned(long atMillis) implements RequestEvent {}

    /** R17: the grace ran out. */
    record CustomerEnded(long atMillis) implements RequestEvent {}

    /** R3. */
    record CallHungUp(long atMillis) implements RequestEvent {}

    /** R16. */
    record Closed(long atMillis) implements RequestEvent {}

    /** R16. */
    record SurveyAnswered(int score, String comment, long atMillis) implements RequestEvent {}
}
