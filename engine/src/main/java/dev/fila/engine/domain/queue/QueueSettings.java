package dev.fila.engine.domain.queue;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A queue's settings. Every number in the rules is one of these, with the rule's number as default.
 *
 * @param queueId the queue's id
 * @param calendar R7: business hours in the queue's time zone, with holidays
 * @param channels R1: the real-time channels this queue takes
 * @param acceptTimeoutMillis R11: how long an invited customer has to accept (default 5 minutes)
 * @param penaltyPositions R11: how many places an unanswered invitation costs (default 5)
 * @param returnGraceMillis R17: how long a web visitor has to come back to the page (default 90 s)
 * @param expireAtClose R7: whether requests still waiting at closing time expire (default off)
 * @param priority R19: priority credits and classes
 * @param defaultHandleMillis R8: the handle time the ETA assumes before any has been observed
 */
public record QueueSettings(
        String queueId,
        BusinessCalendar calendar,
        Set<Channel> channels,
        long acceptTimeoutMillis,
        int penaltyPositions,
        long returnGraceMillis,
        boolean expireAtClose,
        PriorityPolicy priority,
        long defaultHandleMillis) {

    public static final long DEFAULT_ACCEPT_TIMEOUT_MILLIS =
            Duration.ofMinutes(5).toMillis();
    public static final int DEFAULT_PENALTY_POSITIONS = 5;
    public static final long DEFAULT_RETURN_GRACE_MILLIS =
            Duration.ofSeconds(90).toMillis();
    public static final long DEFAULT_HANDLE_MILLIS = Duration.ofMinutes(5).toMillis();

    public QueueSettings {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(priority, "priority");
        if (queueId.isBlank()) {
            throw new IllegalArgumentException("queueId must not be blank");
        }
        if (channels.isEmpty() || channels.contains(Channel.OFFLINE)) {
            throw new IllegalArgumentException("a queue takes one or more real-time channels: " + channels);
        }
        channels = Set.copyOf(channels);
        if (acceptTimeoutMillis <= 0 || returnGraceMillis <= 0 || defaultHandleMillis <= 0) {
            throw new IllegalArgumentException("timeouts and handle times must be positive");
        }
        if (penaltyPositions < 0) {
            throw new IllegalArgumentException("penaltyPositions must be >= 0");
        }
    }

    /** The rules' defaults: Mon–Fri 08:00–21:00 in {@code zone}, chat, voice and video. */
    public static QueueSettings defaults(String queueId, ZoneId zone) {
        return new QueueSettings(
                queueId,
                BusinessCalendar.defaults(zone),
                EnumSet.of(Channel.CHAT, Channel.VOICE, Channel.VIDEO),
                DEFAULT_ACCEPT_TIMEOUT_MILLIS,
                DEFAULT_PENALTY_POSITIONS,
                DEFAULT_RETURN_GRACE_MILLIS,
                false,
                PriorityPolicy.defaults(),
                DEFAULT_HANDLE_MILLIS);
    }

    public QueueSettings withCalendar(BusinessCalendar newCalendar) {
        return new QueueSettings(
                queueId,
                newCalendar,
                channels,
                acceptTimeoutMillis,
                penaltyPositions,
                returnGraceMillis,
                expireAtClose,
                priority,
                defaultHandleMillis);
    }

    public QueueSettings withExpireAtClose(boolean newExpireAtClose) {
        return new QueueSettings(
                queueId,
                calendar,
                channels,
                acceptTimeoutMillis,
                penaltyPositions,
                returnGraceMillis,
                newExpireAtClose,
                priority,
                defaultHandleMillis);
    }

    public QueueSettings withPriority(PriorityPolicy newPriority) {
        return new QueueSettings(
                queueId,
                calendar,
                channels,
                acceptTimeoutMillis,
                penaltyPositions,
                returnGraceMillis,
                expireAtClose,
                newPriority,
                defaultHandleMillis);
    }

    public QueueSettings withTimeouts(long newAcceptTimeoutMillis, int newPenaltyPositions, long newReturnGraceMillis) {
        return new QueueSettings(
                queueId,
                calendar,
                channels,
                newAcceptTimeoutMillis,
                newPenaltyPositions,
                newReturnGraceMillis,
                expireAtClose,
                priority,
                defaultHandleMillis);
    }
}
