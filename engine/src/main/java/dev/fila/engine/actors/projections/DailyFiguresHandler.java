package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.RequestEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * Daily figures per queue, from the requests' events, with the README's definitions: a request counts
 * on the day it arrived (its {@code Opened}, in the queue's time zone); served (R12) with its wait and
 * whether it was within the target, abandoned (R13), expired (R14). {@code fila_daily_arrival}
 * remembers each counted request's queue and day until it is served or gone for good.
 */
final class DailyFiguresHandler extends JdbcHandler<List<EventEnvelope<RequestEvent>>, ReadModelDatabase.Session> {

    private final Map<String, QueueSettings> queues;
    private final long targetMillis;

    DailyFiguresHandler(Map<String, QueueSettings> queues, long targetMillis) {
        this.queues = queues;
        this.targetMillis = targetMillis;
    }

    /** A request's queue and arrival day. */
    private record Arrival(String queueId, String day) {}

    /**
     * What one group of events changes, gathered in memory and written at its end: the figures as
     * sums per queue and day (one write per day touched, not per event), the arrivals to remember and
     * to forget in batches.
     */
    private static final class Group {
        final Map<Long, Arrival> remembered = new LinkedHashMap<>();
        final Map<Long, Arrival> looked = new HashMap<>();
        final Set<Long> forgotten = new HashSet<>();
        final Map<Arrival, long[]> sums = new LinkedHashMap<>();

        void count(Arrival arrival, int figure, long amount) {
            sums.computeIfAbsent(arrival, a -> new long[FIGURES])[figure] += amount;
        }
    }

    private static final int ARRIVALS = 0;
    private static final int SERVED = 1;
    private static final int WITHIN = 2;
    private static final int ABANDONED = 3;
    private static final int EXPIRED = 4;
    private static final int WAIT = 5;
    private static final int FIGURES = 6;

    @Override
    public void process(ReadModelDatabase.Session session, List<EventEnvelope<RequestEvent>> envelopes)
            throws Exception {
        session.withConnection(connection -> {
            Group group = new Group();
            for (EventEnvelope<RequestEvent> envelope : envelopes) {
                apply(connection, group, RequestHistoryHandler.requestId(envelope.persistenceId()), envelope.event());
            }
            write(connection, group);
            return null;
        });
    }

    private void apply(Connection connection, Group group, long requestId, RequestEvent event) throws Exception {
        switch (event) {
            case RequestEvent.Opened e -> {
                Arrival arrival = new Arrival(e.queueId(), day(e.queueId(), e.atMillis()));
                group.remembered.put(requestId, arrival);
                group.count(arrival, ARRIVALS, 1);
            }
            case RequestEvent.Accepted e -> {
                Arrival arrival = arrival(connection, group, requestId);
                if (arrival != null) {
                    group.count(arrival, SERVED, 1);
                    group.count(arrival, WITHIN, e.waitedMillis() <= targetMillis ? 1 : 0);
                    group.count(arrival, WAIT, e.waitedMillis());
                    forget(group, requestId);
                }
            }
            case RequestEvent.Left e -> {
                Arrival arrival = arrival(connection, group, requestId);
                if (arrival != null) {
                    group.count(arrival, ABANDONED, 1);
                    forget(group, requestId);
                }
            }
            case RequestEvent.Expired e -> {
                Arrival arrival = arrival(connection, group, requestId);
                if (arrival != null) {
                    group.count(arrival, EXPIRED, 1);
                }
            }
            case RequestEvent.Rejected e -> forget(group, requestId);
            case RequestEvent.InvitationRefused e -> forget(group, requestId);
            default -> {
                // Other steps change no daily figure.
            }
        }
    }

    /** The request's arrival as counted, or null when it was not counted (or is forgotten). */
    private static Arrival arrival(Connection connection, Group group, long requestId) throws Exception {
        Arrival arrival = group.remembered.get(requestId);
        if (arrival != null || group.forgotten.contains(requestId)) {
            return arrival;
        }
        if (group.looked.containsKey(requestId)) {
            return group.looked.get(requestId);
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT queue_id, arrival_day FROM fila_daily_arrival WHERE request_id = ?")) {
            select.setLong(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                arrival = row.next() ? new Arrival(row.getString("queue_id"), row.getString("arrival_day")) : null;
            }
        }
        group.looked.put(requestId, arrival);
        return arrival;
    }

    private static void forget(Group group, long requestId) {
        if (group.remembered.remove(requestId) == null) {
            group.forgotten.add(requestId);
        }
        group.looked.remove(requestId);
    }

    private static void write(Connection connection, Group group) throws Exception {
        if (!group.remembered.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO fila_daily_arrival (request_id, queue_id, arrival_day) VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, Arrival> remembered : group.remembered.entrySet()) {
                    insert.setLong(1, remembered.getKey());
                    insert.setString(2, remembered.getValue().queueId());
                    insert.setString(3, remembered.getValue().day());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!group.forgotten.isEmpty()) {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM fila_daily_arrival WHERE request_id = ?")) {
                for (long requestId : group.forgotten) {
                    delete.setLong(1, requestId);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        for (Map.Entry<Arrival, long[]> sum : group.sums.entrySet()) {
            add(connection, sum.getKey(), sum.getValue());
        }
    }

    /**
     * Adds {@code sums} (indexed ARRIVALS … WAIT, the columns' order) to the figures of {@code arrival}'s
     * queue and day, creating its row the first time.
     */
    private static void add(Connection connection, Arrival arrival, long[] sums) throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE fila_daily_figures SET arrivals = arrivals + ?, served = served + ?,"
                        + " served_within_target = served_within_target + ?, abandoned = abandoned + ?,"
                        + " expired = expired + ?, total_wait_millis = total_wait_millis + ?"
                        + " WHERE queue_id = ? AND arrival_day = ?")) {
            for (int i = 0; i < sums.length; i++) {
                update.setLong(1 + i, sums[i]);
            }
            update.setString(7, arrival.queueId());
            update.setString(8, arrival.day());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fila_daily_figures (queue_id, arrival_day, arrivals, served, served_within_target, abandoned,"
                        + " expired, total_wait_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, arrival.queueId());
            insert.setString(2, arrival.day());
            for (int i = 0; i < sums.length; i++) {
                insert.setLong(3 + i, sums[i]);
            }
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
