package dev.fila.simulation.kernel;

import static dev.fila.simulation.kernel.World.MONDAY_10;
import static dev.fila.simulation.kernel.World.ZONE;
import static dev.fila.simulation.kernel.World.minutes;
import static dev.fila.simulation.kernel.World.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Colour;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.engine.domain.eta.ThroughputEtaPredictor;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.InteractionState;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** More rules walked end to end through the kernel: entry (R1, R6, R16, R20), presence (R4, R5), R8, R10, R15, R18. */
class KernelEntryAndServiceRulesTest {

    private static final String Q = "support";
    private static final QueueSettings SUPPORT = QueueSettings.defaults(Q, ZONE);
    private static final long T = MONDAY_10;

    private static RequestCommand.Open open(long id, Channel channel, CustomerStanding standing, boolean online) {
        return new RequestCommand.Open(
                id,
                "P-" + id,
                "customer-" + id,
                Q,
                channel,
                0,
                new RequestDetails("technical", "ERP", "billing", "invoices", "it breaks", true, T + minutes(600)),
                standing,
                online);
    }

    private static RequestRejection.Code rejectionOf(World w, int index) {
        return ((RequestRejection) w.rejections.get(index).rejection()).code();
    }

    @Test
    void R1_R6_R16_R20_entryChecksRunInTheEngineAndOnlyGoodRequestsGetAProtocolAndAPlace() {
        World w = World.of(SUPPORT);
        w.kernel.submit(T, 1, open(1, Channel.CHAT, CustomerStanding.inGoodStanding(), true));
        w.kernel.submit(T + 1, 2, open(2, Channel.OFFLINE, CustomerStanding.inGoodStanding(), true));
        w.kernel.submit(T + 2, 3, open(3, Channel.CHAT, new CustomerStanding(false, ""), true));
        w.kernel.submit(T + 3, 4, open(4, Channel.CHAT, new CustomerStanding(true, "P-1"), true));
        w.runUntil(T + seconds(1));

        assertThat(w.request(1).protocol()).isEqualTo("P-1");
        assertThat(w.position(Q, 1)).isEqualTo(1);
        assertThat(w.rejections).hasSize(3);
        assertThat(rejectionOf(w, 0)).isEqualTo(RequestRejection.Code.CHANNEL_NOT_SERVED);
        assertThat(rejectionOf(w, 1)).isEqualTo(RequestRejection.Code.NO_ACTIVE_CONTRACT);
        assertThat(rejectionOf(w, 2)).isEqualTo(RequestRejection.Code.SURVEY_PENDING);
        assertThat(w.kernel.queue(Q).waitingCount()).isEqualTo(1);
        for (long refused = 2; refused <= 4; refused++) {
            assertThat(w.request(refused)).isNull();
        }
    }

    @Test
    void R4_R5_onlyOnlineAgentsAreOfferedWorkAndTheColourFollowsTheLoad() {
        World w = World.of(SUPPORT).autopilot(seconds(5), minutes(30));
        w.agent("ana", Map.of(Q, 1), 2);
        assertThat(w.kernel.agent("ana").colour()).isEqualTo(Colour.GREEN);
        w.kernel.submitToAgent(T, "ana", new AgentCommand.SetPresence(Presence.PAUSED, "training"));
        w.open(1, Q, Channel.CHAT, T + seconds(1));
        w.runUntil(T + minutes(5));
        assertThat(w.kernel.agent("ana").colour()).isEqualTo(Colour.AWAY);
        assertThat(w.status(1)).isEqualTo(RequestStatus.WAITING);

        w.kernel.submitToAgent(T + minutes(5), "ana", new AgentCommand.SetPresence(Presence.ONLINE, ""));
        w.runUntil(T + minutes(6));
        assertThat(w.status(1)).isEqualTo(RequestStatus.IN_SERVICE);
        assertThat(w.kernel.agent("ana").colour()).isEqualTo(Colour.BLUE);
        w.open(2, Q, Channel.CHAT, T + minutes(6));
        w.runUntil(T + minutes(7));
        assertThat(w.kernel.agent("ana").colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void R8_positionsAndEtaOfWaitingCustomersFollowTheLine() {
        World w = World.of(SUPPORT).autopilot(seconds(1), minutes(2));
        w.agent("ana", Map.of(Q, 1), 1);
        for (long id = 1; id <= 12; id++) {
            w.open(id, Q, Channel.CHAT, T + seconds(id));
        }
        w.runUntil(T + seconds(20));
        assertThat(w.position(Q, 2)).isEqualTo(1);
        assertThat(w.position(Q, 12)).isEqualTo(11);
        ThroughputEtaPredictor eta = new ThroughputEtaPredictor();
        long early = w.kernel.queue(Q).etaMillis(12, eta);
        assertThat(early).isEqualTo(11 * QueueSettings.DEFAULT_HANDLE_MILLIS);

        // After several services the ETA follows the observed pace (one every 2 min + 1 s acceptance).
        w.runUntil(T + minutes(13));
        int position = w.position(Q, 12);
        assertThat(position).isBetween(1, 6);
        long observed = w.kernel.queue(Q).etaMillis(12, eta);
        assertThat(observed).isEqualTo(position * Math.round(w.kernel.queue(Q).meanServiceIntervalMillis()));
        assertThat(w.kernel.queue(Q).meanServiceIntervalMillis()).isBetween(120_000.0, 122_000.0);
    }

    @Test
    void R10_aCustomerNotOnlineInChatIsRejectedAtInvitationAndMustEnterAgain() {
        World w = World.of(SUPPORT).autopilot(seconds(5), minutes(3));
        w.kernel.submit(T, 1, open(1, Channel.CHAT, CustomerStanding.inGoodStanding(), false));
        w.open(2, Q, Channel.CHAT, T + 1);
        w.agent("ana", Map.of(Q, 1), 1);
        w.runUntil(T + seconds(30));
        assertThat(w.status(1)).isEqualTo(RequestStatus.REJECTED);
        assertThat(w.request(1).reason()).isEqualTo("customer not online in chat");
        assertThat(w.position(Q, 1)).isZero();
        // The agent's slot went to the next customer.
        assertThat(w.status(2)).isEqualTo(RequestStatus.IN_SERVICE);
    }

    @Test
    void R15_theTeamRejectsAWaitingRequestWithAReasonAndItLeavesTheLine() {
        World w = World.of(SUPPORT);
        w.open(1, Q, Channel.CHAT, T);
        w.open(2, Q, Channel.CHAT, T + 1);
        w.tell(T + seconds(10), 1, new RequestCommand.Reject("support contract cancelled"));
        w.runUntil(T + seconds(10));
        assertThat(w.status(1)).isEqualTo(RequestStatus.REJECTED);
        assertThat(w.request(1).reason()).isEqualTo("support contract cancelled");
        assertThat(w.position(Q, 2)).isEqualTo(1);
    }

    @Test
    void R18_theInteractionStateFollowsTheConversation() {
        World w = World.of(SUPPORT).autopilot(seconds(2), -1);
        w.agent("ana", Map.of(Q, 1), 4);
        w.open(1, Q, Channel.CHAT, T);
        w.runUntil(T + seconds(5));
        assertThat(w.request(1).interactionState()).isEqualTo(InteractionState.NEW);
        w.tell(T + seconds(6), 1, new RequestCommand.AgentOpened());
        w.runUntil(T + seconds(6));
        assertThat(w.request(1).interactionState()).isEqualTo(InteractionState.AWAITING_AGENT);
        w.tell(T + seconds(7), 1, new RequestCommand.AgentWrote());
        w.runUntil(T + seconds(7));
        assertThat(w.request(1).interactionState()).isEqualTo(InteractionState.AWAITING_CUSTOMER);
        w.tell(T + seconds(8), 1, new RequestCommand.CustomerWrote());
        w.runUntil(T + seconds(8));
        assertThat(w.request(1).interactionState()).isEqualTo(InteractionState.AWAITING_AGENT);
    }
}
