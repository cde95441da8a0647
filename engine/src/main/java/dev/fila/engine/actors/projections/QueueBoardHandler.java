package dev.fila.engine.actors.projections;

import dev.fila.engine.actors.LineView;
import dev.fila.engine.actors.QueueEntity;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * The queue board (R8): who waits, in which order, with which ETA. Each queue's state is folded in
 * memory by the domain's {@link QueueDecider#evolve} (the waiting line is the domain's order-statistic
 * structure, so positions are the domain's); after each group of events the line of every queue the
 * group touched is written once, as of the group's last event, in {@link QueueBoardCodec} chunks.
 *
 * <p>Why chunks and not a row per place: one departure at the head moves every place behind it, so any
 * row-per-place board rewrites O(line length) rows per event. Under 5,000 arrivals a second with lines of
 * tens of thousands that was most of the node's CPU. A group's write is now a few rows per touched queue
 * (a chunk holds {@value QueueBoardCodec#PLACES_PER_CHUNK} places), whatever the number of events.
 *
 * <p>{@link QueueState} has no serialized form, so the fold lives in memory: on every (re)start the
 * handler replays each queue's events from the journal up to the ordering its board was last written
 * at ({@code fila_queue_line_fold}, committed with it and with the offset), then goes on from the
 * projection's offset.
 */
final class QueueBoardHandler extends JdbcHandler<List<EventEnvelope<QueueEvent>>, ReadModelDatabase.Session> {

    private final ActorSystem<?> system;
    private final Map<String, QueueSettings> queues;
    private final Supplier<ReadModelDatabase.Session> sessions;
    private final Map<String, Fold> folds = new HashMap<>();

    private static final class Fold {
        final QueueDecider decider;
        final QueueState state;
        long asOfMillis;

        Fold(QueueSettings settings) {
            this.decider = new QueueDecider(settings);
            this.state = decider.initialState();
        }
    }

    QueueBoardHandler(
            ActorSystem<?> system, Map<String, QueueSettings> queues, Supplier<ReadModelDatabase.Session> sessions) {
        this.system = system;
        this.queues = queues;
        this.sessions = sessions;
    }

    @Override
    public void start() {
        folds.clear();
        JdbcReadJournal journal = PersistenceQuery.get(system.classicSystem())
                .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        for (String queueId : queues.keySet()) {
            long through = throughOrdering(queueId);
            if (through <= 0) {
                continue;
            }
            Fold fold = fold(queueId);
            String persistenceId = PersistenceId.of(QueueEntity.ENTITY_TYPE_KEY.name(), queueId)
                    .id();
            try {
                journal.currentEventsByPersistenceId(persistenceId, 0, Long.MAX_VALUE)
                        .takeWhile(envelope -> ((Sequence) envelope.offset()).value() <= through)
                        .runForeach(envelope -> apply(fold, (QueueEvent) envelope.event()), system)
                        .toCompletableFuture()
                        .get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("could not replay queue " + queueId + " for its board", e);
            }
        }
    }

    private long throughOrdering(String queueId) {
        try (ReadModelDatabase.Session session = sessions.get()) {
            return session.withConnection(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT through_ordering FROM fila_queue_line_fold WHERE queue_id = ?")) {
                    select.setString(1, queueId);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? row.getLong(1) : 0L;
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not read the queue board's fold of " + queueId, e);
        }
    }

    private Fold fold(String queueId) {
        QueueSettings settings = queues.get(queueId);
        if (settings == null) {
            return null;
        }
        return folds.computeIfAbsent(queueId, id -> new Fold(settings));
    }

    private static void apply(Fold fold, QueueEvent event) {
        fold.decider.evolve(fold.state, event);
        fold.asOfMillis = Math.max(fold.asOfMillis, eventMillis(event, fold.asOfMillis));
    }

    /** The instant an event records, or {@code fallback} for the two that record none. */
    static long eventMillis(QueueEvent event, long fallback) {
        return switch (event) {
            case QueueEvent.Enqueued e -> e.enteredAtMillis();
            case QueueEvent.Removed e -> e.atMillis();
            case QueueEvent.PenaltyApplied e -> e.atMillis();
            case QueueEvent.Offered e -> e.atMillis();
            case QueueEvent.AgentViewChanged e -> e.sinceMillis();
            case QueueEvent.AvailabilityChanged e -> fallback;
            case QueueEvent.OfferWithdrawn e -> fallback;
        };
    }

    @Override
    public void process(ReadModelDatabase.Session session, List<EventEnvelope<QueueEvent>> envelopes) throws Exception {
        Map<String, Long> touched = new LinkedHashMap<>();
        for (EventEnvelope<QueueEvent> envelope : envelopes) {
            String queueId = RequestHistoryHandler.entityId(envelope.persistenceId());
            Fold fold = fold(queueId);
            if (fold == null) {
                continue; // a queue no longer configured: nothing to show
            }
            apply(fold, envelope.event());
            touched.put(queueId, ((Sequence) envelope.offset()).value());
        }
        if (touched.isEmpty()) {
            return;
        }
        session.withConnection(connection -> {
            for (Map.Entry<String, Long> queue : touched.entrySet()) {
                Fold fold = folds.get(queue.getKey());
                write(connection, QueueEntity.line(fold.state, fold.asOfMillis), queue.getValue());
            }
            return null;
        });
    }

    private static void write(Connection connection, LineView line, long ordering) throws Exception {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM fila_queue_line WHERE queue_id = ?")) {
            delete.setString(1, line.queueId());
            delete.executeUpdate();
        }
        List<byte[]> chunks = QueueBoardCodec.encode(line.places());
        if (!chunks.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO fila_queue_line (queue_id, chunk, places, as_of_millis) VALUES (?, ?, ?, ?)")) {
                for (int chunk = 0; chunk < chunks.size(); chunk++) {
                    insert.setString(1, line.queueId());
                    insert.setInt(2, chunk);
                    insert.setBytes(3, chunks.get(chunk));
                    insert.setLong(4, line.asOfMillis());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE fila_queue_line_fold SET through_ordering = ?, as_of_millis = ? WHERE queue_id = ?")) {
            update.setLong(1, ordering);
            update.setLong(2, line.asOfMillis());
            update.setString(3, line.queueId());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fila_queue_line_fold (queue_id, through_ordering, as_of_millis) VALUES (?, ?, ?)")) {
            insert.setString(1, line.queueId());
            insert.setLong(2, ordering);
            insert.setLong(3, line.asOfMillis());
            insert.executeUpdate();
        }
    }
}
