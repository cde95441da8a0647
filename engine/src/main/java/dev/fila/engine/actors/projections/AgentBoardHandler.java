package dev.fila.engine.actors.projections;

import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * The agent board: each agent's state folded by the domain's {@link AgentDecider#evolve}, with its
 * presence (R4), colour (R5, derived by the domain) and held interactions in columns.
 */
final class AgentBoardHandler extends JdbcHandler<EventEnvelope<AgentEvent>, ReadModelDatabase.Session> {

    private final AgentDecider decider;
    private final StateCodec codec;

    AgentBoardHandler(AgentDecider decider, StateCodec codec) {
        this.decider = decider;
        this.codec = codec;
    }

    @Override
    public void process(ReadModelDatabase.Session session, EventEnvelope<AgentEvent> envelope) throws Exception {
        session.withConnection(connection -> {
            apply(connection, RequestHistoryHandler.entityId(envelope.persistenceId()), envelope.event());
            return null;
        });
    }

    private void apply(Connection connection, String agentId, AgentEvent event) throws Exception {
        AgentState before = null;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state_serializer, state_manifest, state FROM fila_agent_board WHERE agent_id = ?")) {
            select.setString(1, agentId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    before = codec.read(row, AgentState.class);
                }
            }
        }
        AgentState after = decider.evolve(before == null ? decider.initialState() : before, event);
        String sql = before == null
                ? "INSERT INTO fila_agent_board (name, presence, colour, held, since_millis, state_serializer,"
                        + " state_manifest, state, agent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE fila_agent_board SET name = ?, presence = ?, colour = ?, held = ?, since_millis = ?,"
                        + " state_serializer = ?, state_manifest = ?, state = ? WHERE agent_id = ?";
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
