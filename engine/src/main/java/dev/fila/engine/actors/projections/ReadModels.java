package dev.fila.engine.actors.projections;

import com.typesafe.config.Config;
import dev.fila.engine.actors.AgentEntity;
import dev.fila.engine.actors.EngineSettings;
import dev.fila.engine.actors.LineView;
import dev.fila.engine.actors.QueueEntity;
import dev.fila.engine.actors.RequestEntity;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The read models (item 4 of the live-engine issue): projections of the entities' tagged event
 * streams into tables of the journal's own database, each with its offset in the same database and
 * written in the same transaction as its rows (exactly once). They rebuild from the journal: with the
 * tables and offsets gone, a start replays every event.
 *
 * <ul>
 *   <li><b>queue board</b> ({@link #queueBoard}): who waits, in which order, with ETA (R8, R9, R11);
 *   <li><b>agent board</b> ({@link #agentBoard}): presence (R4), colour (R5), interactions held;
 *   <li><b>request history</b> ({@link #requestHistory}): a customer's requests with status and steps
 *       (R24);
 *   <li><b>daily figures</b> ({@link #dailyFigures}): arrivals, served, abandoned, service level within
 *       {@code fila.read-models.service-level-within}, average wait, per queue and day.
 * </ul>
 *
 * Read models trail the journal by the read journal's poll ({@code jdbc-read-journal.refresh-interval});
 * live changes go through {@link LiveUpdates} instead. Queries are plain blocking JDBC reads.
 */
public final class ReadModels {

    /** The projections' names (their ids in the offset store). */
    public static final List<String> PROJECTIONS =
            List.of("fila-queue-line", "fila-agent-board", "fila-request-history", "fila-daily-figures");

    private final ReadModelDatabase database;
    private final StateCodec codec;

    private ReadModels(ReadModelDatabase database, StateCodec codec) {
        this.database = database;
        this.codec = codec;
    }

    /**
     * Creates the tables (offset store and read models) if missing and starts the four projections on
     * {@code system}. {@code effective} is the engine's configuration with the journal block laid over.
     */
    public static ReadModels start(ActorSystem<?> system, EngineSettings settings, Config effective) {
        Config own = effective.getConfig("fila.read-models");
        ReadModelDatabase database = ReadModelDatabase.from(effective, own.getInt("connections"));
        system.getWhenTerminated().thenRun(database::close);
        Supplier<ReadModelDatabase.Session> sessions = database::session;
        try {
            JdbcProjection.createTablesIfNotExists(sessions, system)
                    .toCompletableFuture()
                    .get(1, TimeUnit.MINUTES);
            try (ReadModelDatabase.Session session = sessions.get()) {
                session.withConnection(connection -> {
                    ReadModelSchema.createIfMissing(connection);
                    return null;
                });
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the read-model tables: " + e.getMessage(), e);
        }
        StateCodec codec = new StateCodec(system);
        long targetMillis = own.getDuration("service-level-within").toMillis();
        RequestDecider requestDecider = new RequestDecider(settings.queues());
        AgentDecider agentDecider = new AgentDecider();

        int groupSize = own.getInt("group.size");
        Duration groupWithin = own.getDuration("group.within");
        run(
                system,
                PROJECTIONS.get(0),
                QueueEntity.TAG,
                sessions,
                () -> new QueueBoardHandler(system, settings.queues(), sessions),
                groupSize,
                own.getDuration("group.queue-board-within"));
        run(
                system,
                PROJECTIONS.get(1),
                AgentEntity.TAG,
                sessions,
                () -> new AgentBoardHandler(agentDecider, codec),
                groupSize,
                groupWithin);
        run(
                system,
                PROJECTIONS.get(2),
                RequestEntity.TAG,
                sessions,
                () -> new RequestHistoryHandler(requestDecider, codec),
                groupSize,
                groupWithin);
        run(
                system,
                PROJECTIONS.get(3),
                RequestEntity.TAG,
                sessions,
                () -> new DailyFiguresHandler(settings.queues(), targetMillis),
                groupSize,
                groupWithin);
        return new ReadModels(database, codec);
    }

    /** One projection: its handler gets up to {@code groupSize} envelopes, or what came within {@code within}. */
    private static <E> void run(
            ActorSystem<?> system,
            String name,
            String tag,
            Supplier<ReadModelDatabase.Session> sessions,
            Supplier<JdbcHandler<List<EventEnvelope<E>>, ReadModelDatabase.Session>> handler,
            int groupSize,
            Duration within) {
        SourceProvider<Offset, EventEnvelope<E>> source =
                EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
        Projection<EventEnvelope<E>> projection = JdbcProjection.groupedWithin(
                        ProjectionId.of(name, tag), source, sessions, handler, system)
                .withGroup(groupSize, within);
        system.systemActorOf(ProjectionBehavior.create(projection), name, Props.empty());
    }

    /** R8: queue {@code queueId}'s board: its line in order with positions and ETAs (empty if none yet). */
    public LineView queueBoard(String queueId) {
        return query(connection -> {
            List<LineView.Place> places = new ArrayList<>();
            long asOf = 0;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT places, as_of_millis FROM fila_queue_line WHERE queue_id = ? ORDER BY chunk")) {
                select.setString(1, queueId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        QueueBoardCodec.decode(row.getBytes(1), places);
                        asOf = row.getLong(2);
                    }
                }
            }
            return new LineView(queueId, asOf, places);
        });
    }

    /** The agent board: every registered agent, by id. */
    public List<AgentCard> agentBoard() {
        return query(connection -> {
            List<AgentCard> cards = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state_serializer, state_manifest, state FROM fila_agent_board ORDER BY agent_id")) {
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        cards.add(AgentCard.of(codec.read(row, AgentState.class)));
                    }
                }
            }
            return cards;
        });
    }

    /** One agent's card, if the board has it. */
    public Optional<AgentCard> agentCard(String agentId) {
        return agentBoard().stream().filter(c -> c.agentId().equals(agentId)).findFirst();
    }

    /** R24: every request of {@code customerId}, oldest first, each with its steps. */
    public List<CustomerRequest> requestHistory(String customerId) {
        return query(connection -> {
            Map<Long, CustomerRequest> requests = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT request_id, protocol, queue_id, channel, status, opened_at_millis, updated_at_millis"
                            + " FROM fila_request_history WHERE customer_id = ? ORDER BY opened_at_millis, request_id")) {
                select.setString(1, customerId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long requestId = row.getLong(1);
                        requests.put(
                                requestId,
                                new CustomerRequest(
                                        requestId,
                                        row.getString(2),
                                        customerId,
                                        row.getString(3),
                                        Channel.valueOf(row.getString(4)),
                                        RequestStatus.valueOf(row.getString(5)),
                                        row.getLong(6),
                                        row.getLong(7),
                                        steps(connection, requestId)));
                    }
                }
            }
            return List.copyOf(requests.values());
        });
    }

    private static List<CustomerRequest.Step> steps(Connection connection, long requestId) throws Exception {
        List<CustomerRequest.Step> steps = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq_nr, kind, at_millis, detail FROM fila_request_event WHERE request_id = ? ORDER BY seq_nr")) {
            select.setLong(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    steps.add(new CustomerRequest.Step(
                            row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)));
                }
            }
        }
        return steps;
    }

    /** Queue {@code queueId}'s figures for {@code day} (its own time zone), if any request arrived that day. */
    public Optional<DailyFigures> dailyFigures(String queueId, LocalDate day) {
        return query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT arrivals, served, served_within_target, abandoned, expired, total_wait_millis"
                            + " FROM fila_daily_figures WHERE queue_id = ? AND arrival_day = ?")) {
                select.setString(1, queueId);
                select.setString(2, day.toString());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new DailyFigures(
                            queueId,
                            day,
                            row.getLong(1),
                            row.getLong(2),
                            row.getLong(3),
                            row.getLong(4),
                            row.getLong(5),
                            row.getLong(6)));
                }
            }
        });
    }

    private interface Query<T> {
        T run(Connection connection) throws Exception;
    }

    private <T> T query(Query<T> query) {
        try (ReadModelDatabase.Session session = database.session()) {
            return session.withConnection(query::run);
        } catch (Exception e) {
            throw new IllegalStateException("read-model query failed: " + e.getMessage(), e);
        }
    }
}
