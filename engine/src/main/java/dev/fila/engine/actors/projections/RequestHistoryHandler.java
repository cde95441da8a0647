package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * R24: the customer's request history. Each request's row keeps its state folded by the domain's
 * {@link RequestDecider#evolve} (so its status is the domain's), and every event is a step of its
 * history. A group of events is applied in one transaction with its offset (exactly once): each
 * request of the group is read at most once, folded in memory through all its events of the group,
 * and written once; the steps go in one batch.
 */
final class RequestHistoryHandler extends JdbcHandler<List<EventEnvelope<RequestEvent>>, ReadModelDatabase.Session> {

    private final RequestDecider decider;
    private final StateCodec codec;

    RequestHistoryHandler(RequestDecider decider, StateCodec codec) {
        this.decider = decider;
        this.codec = codec;
    }

    /** One request as the group leaves it. */
    private static final class Folded {
        final boolean known;
        RequestState state;
        long updatedAtMillis;

        Folded(boolean known, RequestState state) {
            this.known = known;
            this.state = state;
        }
    }

    @Override
    public void process(ReadModelDatabase.Session session, List<EventEnvelope<RequestEvent>> envelopes)
            throws Exception {
        session.withConnection(connection -> {
            apply(connection, envelopes);
            return null;
        });
    }

    private void apply(Connection connection, List<EventEnvelope<RequestEvent>> envelopes) throws Exception {
        Map<Long, Folded> requests = new LinkedHashMap<>();
        try (PreparedStatement step = connection.prepareStatement(
                "INSERT INTO fila_request_event (request_id, seq_nr, kind, at_millis, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (EventEnvelope<RequestEvent> envelope : envelopes) {
                RequestEvent event = envelope.event();
                long requestId = requestId(envelope.persistenceId());
                Folded folded = requests.get(requestId);
                if (folded == null) {
                    RequestState before = load(connection, requestId);
                    folded = new Folded(before != null, before != null ? before : decider.initialState());
                    requests.put(requestId, folded);
                }
                folded.state = decider.evolve(folded.state, event);
                long atMillis = RequestSteps.atMillis(event);
                folded.updatedAtMillis = atMillis;
                step.setLong(1, requestId);
                step.setLong(2, envelope.sequenceNr());
                step.setString(3, event.getClass().getSimpleName());
                step.setLong(4, atMillis);
                step.setString(5, RequestSteps.detail(event));
                step.addBatch();
            }
            step.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE fila_request_history SET status = ?, updated_at_millis = ?, state_serializer = ?,"
                                + " state_manifest = ?, state = ? WHERE request_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO fila_request_history (request_id, customer_id, queue_id, protocol, channel,"
                                + " status, opened_at_millis, updated_at_millis, state_serializer, state_manifest,"
                                + " state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean updates = false;
            boolean inserts = false;
            for (Map.Entry<Long, Folded> entry : requests.entrySet()) {
                long requestId = entry.getKey();
                Folded folded = entry.getValue();
                RequestState after = folded.state;
                if (folded.known) {
                    update.setString(1, after.status().name());
                    update.setLong(2, folded.updatedAtMillis);
                    codec.bind(update, 3, after);
                    update.setLong(6, requestId);
                    update.addBatch();
                    updates = true;
                } else {
                    insert.setLong(1, requestId);
                    insert.setString(2, after.customerId());
                    insert.setString(3, after.queueId());
                    insert.setString(4, after.protocol());
                    insert.setString(5, after.channel().name());
                    insert.setString(6, after.status().name());
                    insert.setLong(7, after.openedAtMillis());
                    insert.setLong(8, folded.updatedAtMillis);
                    codec.bind(insert, 9, after);
                    insert.addBatch();
                    inserts = true;
                }
            }
            if (updates) {
                update.executeBatch();
            }
            if (inserts) {
                insert.executeBatch();
            }
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
