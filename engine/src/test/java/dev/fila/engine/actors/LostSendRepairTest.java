package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.START;
import static dev.fila.engine.actors.LiveFixtures.agent;
import static dev.fila.engine.actors.LiveFixtures.anaInvitesRequestOne;
import static dev.fila.engine.actors.LiveFixtures.await;
import static dev.fila.engine.actors.LiveFixtures.config;
import static dev.fila.engine.actors.LiveFixtures.eventually;
import static dev.fila.engine.actors.LiveFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Held;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent ↔ request repair of sends lost between two entities, end to end on the H2 journal and
 * without a real crash: the engine writes a history, stops, and one entity's last event is deleted
 * from the journal with JDBC — the state a kill -9 leaves when the receiver had not yet persisted what
 * the sender told it. On restart the recovered agent reports its capacity and asks each request it
 * holds a slot for to confirm it ({@code AgentDecider.resendOnRecovery}); the engine then agrees with
 * itself again. The same for a request whose {@code Enqueue} its queue never recorded: requests are not
 * remembered, so the engine's start wakes the requests that wrote shortly before the stop, and each sends
 * again what its state implies ({@code RequestDecider.resendOnRecovery}).
 */
class LostSendRepairTest {

    @TempDir
    Path dir;

    @Test
    void R3_R16_aSlotWhoseReleaseWasLostWhenTheInteractionClosedIsFreeAgainAfterARestart() throws SQLException {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            anaInvitesRequestOne(engine);
            await(engine.request(1, new RequestCommand.Accept(VisitorInfo.unknown())));
            await(engine.request(1, new RequestCommand.Close()));
            eventually("ana's slot freed", () -> await(engine.agentState("ana")).isIdle());
        }
        // The request's Release never reached ana: her journal ends at the interaction's start.
        assertThat(deleteLastEvent("Agent|ana")).endsWith("SlotReleased");

        clock.advance(Duration.ofMinutes(1));
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            assertThat(await(engine.requestState(1)).status()).isEqualTo(RequestStatus.CLOSED);
            eventually("the closed request freed ana's slot again (R3)", () -> await(engine.agentState("ana"))
                    .isIdle());
            // R2, R10: with her one chat free, the next customer is invited by her.
            await(engine.request(2, open(2, clock.instant())));
            eventually("request 2 invited by ana", () -> invitedBy(await(engine.requestState(2)), "ana"));
            assertThat(await(engine.agentState("ana")).held())
                    .extracting(Held::requestId)
                    .containsExactly(2L);
        }
    }

    @Test
    void R10_R11_aSlotReservedForAnInvitationThatNeverArrivedIsFreedAndTheRequestOfferedAgain() throws SQLException {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            anaInvitesRequestOne(engine);
        }
        // Ana reserved her slot and sent the Invite; the request never persisted it. The queue still
        // waits for the answer to its offer.
        assertThat(deleteLastEvent("Request|1")).endsWith("Invited");

        clock.advance(Duration.ofMinutes(1));
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            // The request, back to waiting, answers ana's confirmation with a Release and gives the offer
            // back to its queue, which offers it again: invited once, by ana, with a fresh R11 deadline.
            eventually("request 1 invited again", () -> invitedBy(await(engine.requestState(1)), "ana"));
            RequestState request = await(engine.requestState(1));
            assertThat(request.invitation().expiresAtMillis())
                    .isEqualTo(clock.millis() + Duration.ofMinutes(5).toMillis());
            AgentState ana = await(engine.agentState("ana"));
            assertThat(ana.held()).extracting(Held::requestId).containsExactly(1L);
            assertThat(ana.held().get(0).reserved()).isTrue();
            assertThat(await(engine.line(LiveFixtures.QUEUE)).positionOf(1)).isEqualTo(1);
        }
    }

    @Test
    void R10_R11_anOfferTheAgentNeverRecordedIsOfferedAgainAfterARestartAndTheRequestInvitedOnce() throws SQLException {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            await(engine.agent("ana", agent("ana", 1)));
            await(engine.agent("ana", new AgentCommand.LogIn()));
            await(engine.agent("bo", agent("bo", 1)));
            await(engine.agent("bo", new AgentCommand.LogIn()));
            await(engine.request(1, open(1, START)));
            eventually("request 1 invited", () -> await(engine.requestState(1)).status() == RequestStatus.INVITED);
        }
        // The queue recorded its Offered and told the agent; the agent never recorded the slot (so never
        // invited): the queue's Offer was lost. The queue still marks the place offered.
        assertThat(deleteLastEvent("Request|1")).endsWith("Invited");
        String agentId = countEvents("Agent|ana", "SlotReserved") == 1 ? "ana" : "bo";
        assertThat(deleteLastEvent("Agent|" + agentId)).endsWith("SlotReserved");
        assertThat(countEvents("Queue|" + LiveFixtures.QUEUE, "Offered")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            // The recovered queue asks request 1 whether its offer arrived; still waiting, the request
            // gives it back and the queue offers it again (R10): invited once, with a fresh R11 deadline.
            eventually(
                    "request 1 invited again",
                    () -> await(engine.requestState(1)).status() == RequestStatus.INVITED);
            RequestState request = await(engine.requestState(1));
            assertThat(request.invitation().expiresAtMillis())
                    .isEqualTo(clock.millis() + Duration.ofMinutes(5).toMillis());
            String inviter = request.invitation().agentId();
            for (String id : new String[] {"ana", "bo"}) {
                AgentState agent = await(engine.agentState(id));
                // R2, R11: exactly the inviting agent holds the slot, as a pending invitation.
                if (id.equals(inviter)) {
                    assertThat(agent.held()).extracting(Held::requestId).containsExactly(1L);
                    assertThat(agent.held().get(0).reserved()).isTrue();
                } else {
                    assertThat(agent.held()).as(id + " holds nothing").isEmpty();
                }
            }
            LineView line = await(engine.line(LiveFixtures.QUEUE));
            assertThat(line.positionOf(1)).isEqualTo(1);
        }
        assertThat(countEvents("Request|1", "Invited")).as("invited once").isEqualTo(1);
        assertThat(countEvents("Agent|ana", "SlotReserved") + countEvents("Agent|bo", "SlotReserved"))
                .as("one slot reserved for it")
                .isEqualTo(1);
    }

    @Test
    void R6_R10_anOpeningWhoseEnqueueNeverReachedItsQueueIsInTheLineAfterARestart() throws SQLException {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            await(engine.request(1, open(1, START)));
            await(engine.request(2, open(2, START)));
            eventually(
                    "both in the line",
                    () -> await(engine.line(LiveFixtures.QUEUE)).places().size() == 2);
        }
        // Request 2 recorded its opening and sent its Enqueue; the queue never recorded it (a kill -9
        // between the two writes). Requests are not remembered, and the queue does not know it.
        assertThat(deleteLastEvent("Queue|" + LiveFixtures.QUEUE)).endsWith("Enqueued");

        clock.advance(Duration.ofMinutes(1));
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            // It wrote shortly before the stop, so the start wakes it, and it sends its Enqueue again.
            eventually(
                    "request 2 back in the line",
                    () -> await(engine.line(LiveFixtures.QUEUE)).positionOf(2) == 2);
            assertThat(await(engine.line(LiveFixtures.QUEUE)).positionOf(1)).isEqualTo(1);
        }
    }

    private static boolean invitedBy(RequestState state, String agentId) {
        return state.status() == RequestStatus.INVITED
                && state.invitation().agentId().equals(agentId);
    }

    /** How many events of {@code persistenceId} the journal holds whose manifest ends with {@code kind}. */
    private long countEvents(String persistenceId, String kind) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir + "/fila", "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select \"event_ser_manifest\" from \"event_journal\" where \"persistence_id\" = ?")) {
            query.setString(1, persistenceId);
            long count = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).endsWith(kind)) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /**
     * Deletes the last event of {@code persistenceId} from the journal (its tags go with it) and returns
     * that event's serializer manifest. The entity has no snapshot this early (snapshot-every is 100).
     */
    private String deleteLastEvent(String persistenceId) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir + "/fila", "sa", "")) {
            long last;
            String manifest;
            try (PreparedStatement query = connection.prepareStatement(
                    "select \"sequence_number\", \"event_ser_manifest\" from \"event_journal\""
                            + " where \"persistence_id\" = ? order by \"sequence_number\" desc limit 1")) {
                query.setString(1, persistenceId);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).as("events of " + persistenceId).isTrue();
                    last = rows.getLong(1);
                    manifest = rows.getString(2);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from \"event_journal\" where \"persistence_id\" = ? and \"sequence_number\" = ?")) {
                delete.setString(1, persistenceId);
                delete.setLong(2, last);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement snapshots =
                    connection.prepareStatement("select count(*) from \"snapshot\" where \"persistence_id\" = ?")) {
                snapshots.setString(1, persistenceId);
                try (ResultSet rows = snapshots.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1)).isZero();
                }
            }
            return manifest;
        }
    }
}
