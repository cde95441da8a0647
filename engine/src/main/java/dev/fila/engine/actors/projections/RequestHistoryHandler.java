package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * R24: the customer's request history. Each request's row keeps its state folded by the domain's
 * {@link RequestDecider#evolve} (so its status is the domain's), and every event is a step of its
 * history. Runs exactly once per event: rows and offset commit together.
 */
final class RequestHistoryHandler extends JdbcHandler<EventEnvelope<RequestEvent>, ReadModelDatabase.Session> {

    private final RequestDecider decider;
    private final StateCodec codec;

    RequestHistoryHandler(RequestDecider decider, StateCodec codec) {
        this.decider = decider;
        this.codec = codec;
    }

    @Override
    public void process(ReadModelDatabase.Session session, EventEnvelope<RequestEvent> envelope) throws Exception {
        session.withConnection(connection -> {
            apply(connection, envelope);
            return null;
        });
    }

    private void apply(Connection connection, EventEnvelope<RequestEvent> envelope) throws Exception {
        RequestEvent event = envelope.event();
        long requestId = requestId(envelope.persistenceId());
        RequestState before = load(connection, requestId);
        boolean known = before != null;
        RequestState after = decider.evolve(known ? before : decider.initialState(), event);
        long atMillis = RequestSteps.atMillis(event);
        if (known) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE fila_request_history SET status = ?, updated_at_millis = ?, state_serializer = ?,"
                            + " state_manifest = ?, state = ? WHERE request_id = ?")) {
                update.setString(1, after.status().name());
                update.setLong(2, atMillis);
                codec.bind(update, 3, after);
                update.setLong(6, requestId);
                update.executeUpdate();
            }
        } else {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO fila_request_history (request_id, customer_id, queue_id, protocol, channel, status,"
                            + " opened_at_millis, updated_at_millis, state_serializer, state_manifest, state)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, requestId);
                insert.setString(2, after.customerId());
                insert.setString(3, after.queueId());
                insert.setString(4, after.protocol());
                insert.setString(5, after.channel().name());
                insert.setString(6, after.status().name());
                insert.setLong(7, after.openedAtMillis());
                insert.setLong(8, atMillis);
                codec.bind(insert, 9, after);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement step = connection.prepareStatement(
                "INSERT INTO fila_request_event (request_id, seq_nr, kind, at_millis, detail) VALUES (?, ?, ?, ?, ?)")) {
            step.setLong(1, requestId);
            step.setLong(2, envelope.sequenceNr());
            step.setString(3, event.getClass().getSimpleName());
            step.setLong(4, atMillis);
            step.setString(5, RequestSteps.detail(event));
            step.executeUpdate();
        }
    }

    private RequestState load(Connection connection, long requestId) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state_serializer, state_manifest, state FROM fila_request_history WHERE request_id = ?")) {
            select.setLong(1, requestId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? codec.read(row, RequestState.class) : null;
            }
        }
    }

    /** The request id of persistence id {@code Request|<id>}. */
    static long requestId(String persistenceId) {
        return Long.parseLong(entityId(persistenceId));
    }

    static String entityId(String persistenceId) {
        return persistenceId.substring(persistenceId.indexOf('|') + 1);
    }
}
