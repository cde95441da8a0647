package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.RequestEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Daily figures per queue, from the requests' events, with the README's definitions: a request counts
 * on the day it arrived (its {@code Opened}, in the queue's time zone); served (R12) with its wait and
 * whether it was within the target, abandoned (R13), expired (R14). {@code fila_daily_arrival}
 * remembers each counted request's queue and day until it is served or gone for good.
 */
final class DailyFiguresHandler extends JdbcHandler<EventEnvelope<RequestEvent>, ReadModelDatabase.Session> {

    private final Map<String, QueueSettings> queues;
    private final long targetMillis;

    DailyFiguresHandler(Map<String, QueueSettings> queues, long targetMillis) {
        this.queues = queues;
        this.targetMillis = targetMillis;
    }

    @Override
    public void process(ReadModelDatabase.Session session, EventEnvelope<RequestEvent> envelope) throws Exception {
        long requestId = RequestHistoryHandler.requestId(envelope.persistenceId());
        session.withConnection(connection -> {
            apply(connection, requestId, envelope.event());
            return null;
        });
    }

    private void apply(Connection connection, long requestId, RequestEvent event) throws Exception {
        switch (event) {
            case RequestEvent.Opened e -> {
                String day = day(e.queueId(), e.atMillis());
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO fila_daily_arrival (request_id, queue_id, arrival_day) VALUES (?, ?, ?)")) {
                    insert.setLong(1, requestId);
                    insert.setString(2, e.queueId());
                    insert.setString(3, day);
                    insert.executeUpdate();
                }
                add(connection, e.queueId(), day, 1, 0, 0, 0, 0, 0);
            }
            case RequestEvent.Accepted e -> {
                long within = e.waitedMillis() <= targetMillis ? 1 : 0;
                if (countOnArrivalDay(connection, requestId, 0, 1, within, 0, 0, e.waitedMillis())) {
                    forget(connection, requestId);
                }
            }
            case RequestEvent.Left e -> {
                if (countOnArrivalDay(connection, requestId, 0, 0, 0, 1, 0, 0)) {
                    forget(connection, requestId);
                }
            }
            case RequestEvent.Expired e -> countOnArrivalDay(connection, requestId, 0, 0, 0, 0, 1, 0);
            case RequestEvent.Rejected e -> forget(connection, requestId);
            case RequestEvent.InvitationRefused e -> forget(connection, requestId);
            default -> {
                // Other steps change no daily figure.
            }
        }
    }

    /** Adds to the figures of the request's arrival day; false when the request was not counted. */
    private boolean countOnArrivalDay(
            Connection connection,
            long requestId,
            long arrivals,
            long served,
            long within,
            long abandoned,
            long expired,
            long waitMillis)
            throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT queue_id, arrival_day FROM fila_daily_arrival WHERE request_id = ?")) {
            select.setLong(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                add(
                        connection,
                        row.getString("queue_id"),
                        row.getString("arrival_day"),
                        arrivals,
                        served,
                        within,
                        abandoned,
                        expired,
                        waitMillis);
                return true;
            }
        }
    }

    private static void forget(Connection connection, long requestId) throws Exception {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM fila_daily_arrival WHERE request_id = ?")) {
            delete.setLong(1, requestId);
            delete.executeUpdate();
        }
    }

    private static void add(
            Connection connection,
            String queueId,
            String day,
            long arrivals,
            long served,
            long within,
            long abandoned,
            long expired,
            long waitMillis)
            throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE fila_daily_figures SET arrivals = arrivals + ?, served = served + ?,"
                        + " served_within_target = served_within_target + ?, abandoned = abandoned + ?,"
                        + " expired = expired + ?, total_wait_millis = total_wait_millis + ?"
                        + " WHERE queue_id = ? AND arrival_day = ?")) {
            update.setLong(1, arrivals);
            update.setLong(2, served);
            update.setLong(3, within);
            update.setLong(4, abandoned);
            update.setLong(5, expired);
            update.setLong(6, waitMillis);
            update.setString(7, queueId);
            update.setString(8, day);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fila_daily_figures (queue_id, arrival_day, arrivals, served, served_within_target, abandoned,"
                        + " expired, total_wait_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, queueId);
            insert.setString(2, day);
            insert.setLong(3, arrivals);
            insert.setLong(4, served);
            insert.setLong(5, within);
            insert.setLong(6, abandoned);
            insert.setLong(7, expired);
            insert.setLong(8, waitMillis);
            insert.executeUpdate();
        }
    }

    private String day(String queueId, long atMillis) {
        QueueSettings queue = queues.get(queueId);
        return Instant.ofEpochMilli(atMillis)
                .atZone(queue == null ? ZoneOffset.UTC : queue.calendar().zone())
                .toLocalDate()
                .toString();
    }
}
