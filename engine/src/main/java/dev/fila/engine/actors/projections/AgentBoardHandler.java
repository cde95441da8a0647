package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * The agent board: each agent's state folded by the domain's {@link AgentDecider#evolve}, with its
 * presence (R4), colour (R5, derived by the domain) and held interactions in columns. A group of events
 * is applied in one transaction with its offset: each agent of the group is read at most once, folded
 * through all its events in memory, and written once.
 */
final class AgentBoardHandler extends JdbcHandler<List<EventEnvelope<AgentEvent>>, ReadModelDatabase.Session> {

    private final AgentDecider decider;
    private final StateCodec codec;

    AgentBoardHandler(AgentDecider decider, StateCodec codec) {
        this.decider = decider;
        this.codec = codec;
    }

    @Override
    public void process(ReadModelDatabase.Session session, List<EventEnvelope<AgentEvent>> envelopes) throws Exception {
        session.withConnection(connection -> {
            Map<String, AgentState> before = new HashMap<>();
            Map<String, AgentState> after = new LinkedHashMap<>();
            for (EventEnvelope<AgentEvent> envelope : envelopes) {
                String agentId = RequestHistoryHandler.entityId(envelope.persistenceId());
                AgentState state = after.get(agentId);
                if (state == null) {
                    AgentState stored = load(connection, agentId);
                    before.put(agentId, stored);
                    state = stored == null ? decider.initialState() : stored;
                }
                after.put(agentId, decider.evolve(state, envelope.event()));
            }
            for (Map.Entry<String, AgentState> agent : after.entrySet()) {
                write(connection, agent.getKey(), before.get(agent.getKey()) != null, agent.getValue());
            }
            return null;
        });
    }

    private AgentState load(Connection connection, String agentId) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state_serializer, state_manifest, state FROM fila_agent_board WHERE agent_id = ?")) {
            select.setString(1, agentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? codec.read(row, AgentState.class) : null;
            }
        }
    }

    private void write(Connection connection, String agentId, boolean known, AgentState after) throws Exception {
        String sql = known
                ? "UPDATE fila_agent_board SET name = ?, presence = ?, colour = ?, held = ?, since_millis = ?,"
                        + " state_serializer = ?, state_manifest = ?, state = ? WHERE agent_id = ?"
                : "INSERT INTO fila_agent_board (name, presence, colour, held, since_millis, state_serializer,"
                        + " state_manifest, state, agent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setString(1, after.name());
            write.setString(2, after.presence().name());
            write.setString(3, after.colour().name());
            write.setInt(4, after.held().size());
            write.setLong(5, after.sinceMillis());
            codec.bind(write, 6, after);
            write.setString(9, agentId);
            write.executeUpdate();
        }
    }
}
