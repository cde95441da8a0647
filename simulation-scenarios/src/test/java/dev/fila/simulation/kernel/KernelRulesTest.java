package dev.fila.simulation.kernel;

import static dev.fila.simulation.kernel.World.MONDAY_10;
import static dev.fila.simulation.kernel.World.ZONE;
import static dev.fila.simulation.kernel.World.at;
import static dev.fila.simulation.kernel.World.minutes;
import static dev.fila.simulation.kernel.World.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.TimerKind;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.InteractionState;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules, walked end to end through the kernel: customers, queue and agents talking by effects. */
class KernelRulesTest {

    private static final String Q = "support";
    private static final QueueSettings SUPPORT = QueueSettings.defaults(Q, ZONE);
    private static final long T = MONDAY_10;

    @Test
    void
            R9_R10_R11_R12_R16_customerStepsAwayIsInvitedLetsFiveMinutesPassDropsFivePlacesIsInvitedAgainAcceptsIsServedAndAnswersTheSurvey() {
        World w = World.of(SUPPORT).autopilot(seconds(10), minutes(1));
        w.agent("ana", Map.of(Q, 1), 1);
        for (long id = 1; id <= 10; id++) {
            w.open(id, Q, Channel.CHAT, T + seconds(id));
        }
        // 1 is invited at once and accepts; 2 steps away while 1 is served (R9).
        w.tell(T + seconds(30), 2, new RequestCommand.SetAvailability(false));
        w.runUntil(T + seconds(30));
        assertThat(w.status(1)).isEqualTo(RequestStatus.IN_SERVICE);
        assertThat(w.position(Q, 2)).isEqualTo(1);

        // 1 is closed at T+1m11s; 2 is away, so 3 is invited instead and 2 keeps its place.
        w.runUntil(T + minutes(2));
        assertThat(w.count(2, RequestEvent.Invited.class)).isZero();
        assertThat(w.status(2)).isEqualTo(RequestStatus.WAITING);
        assertThat(w.position(Q, 2)).isEqualTo(1);
        assertThat(w.status(3)).isEqualTo(RequestStatus.IN_SERVICE);

        // 2 comes back and will let its next invitation run out (R11).
        w.ignoreNextInvitation.add(2L);
        w.tell(T + minutes(2), 2, new RequestCommand.SetAvailability(true));
        w.runUntil(T + minutes(2) + seconds(30));
        RequestEvent.Invited invited = (RequestEvent.Invited) w.eventsOf(2).stream()
                .filter(RequestEvent.Invited.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(w.status(2)).isEqualTo(RequestStatus.INVITED);
        assertThat(invited.expiresAtMillis() - invited.atMillis()).isEqualTo(minutes(5));
        int before = w.position(Q, 2);
        assertThat(before).isEqualTo(1);

        w.runUntil(invited.expiresAtMillis());
        assertThat(w.count(2, RequestEvent.InvitationExpired.class)).isEqualTo(1);
        assertThat(w.request(2).penalties()).isEqualTo(1);
        assertThat(w.position(Q, 2)).isEqualTo(before + 5);
        assertThat(w.kernel.queue(Q).penaltiesApplied()).isEqualTo(1);

        // Later it is invited again, accepts, is served, and answers the survey (R12, R16).
        w.runUntil(T + minutes(30));
        assertThat(w.count(2, RequestEvent.Invited.class)).isEqualTo(2);
        assertThat(w.status(2)).isEqualTo(RequestStatus.SURVEYED);
        assertThat(w.request(2).survey().score()).isEqualTo(5);
        assertThat(w.eventsOf(2).stream().map(e -> e.getClass().getSimpleName()))
                .containsSubsequence(
                        "Opened",
                        "AvailabilityChanged",
                        "AvailabilityChanged",
                        "Invited",
                        "InvitationExpired",
                        "Invited",
                        "Accepted",
                        "Closed",
                        "SurveyAnswered");
        assertThat(w.invariants.violations).isEmpty();
    }

    @Test
    void R2_anAgentWithFourChatsHoldsFourAndNeverAFifth() {
        World w = World.of(SUPPORT).autopilot(seconds(5), -1);
        w.agent("ana", Map.of(Q, 1), 4);
        for (long id = 1; id <= 6; id++) {
            w.open(id, Q, Channel.CHAT, T + seconds(id));
        }
        w.runUntil(T + minutes(30));
        assertThat(w.kernel.agent("ana").held()).hasSize(4);
        assertThat(w.status(5)).isEqualTo(RequestStatus.WAITING);
        assertThat(w.status(6)).isEqualTo(RequestStatus.WAITING);
        assertThat(w.position(Q, 5)).isEqualTo(1);
        assertThat(w.invariants.violations).isEmpty();
    }

    @Test
    void R2_voiceIsExclusiveAndGoesOnlyToAnIdleAgent() {
        World w = World.of(SUPPORT).autopilot(seconds(5), -1);
        w.agent("ana", Map.of(Q, 1), 4);
        w.open(1, Q, Channel.CHAT, T);
        w.runUntil(T + seconds(10));
        assertThat(w.request(1).interaction().agentId()).isEqualTo("ana");

        // Ana holds a chat: a voice call is not offered to her; it waits for an idle agent.
        w.open(2, Q, Channel.VOICE, T + seconds(20));
        w.runUntil(T + minutes(1));
        assertThat(w.status(2)).isEqualTo(RequestStatus.WAITING);

        w.agent("bea", Map.of(Q, 1), 4);
        w.runUntil(T + minutes(2));
        assertThat(w.request(2).interaction().agentId()).isEqualTo("bea");

        // Bea holds voice: a new chat goes to Ana, never to Bea, even when Ana is full.
        for (long id = 3; id <= 8; id++) {
            w.open(id, Q, Channel.CHAT, T + minutes(3));
        }
        w.runUntil(T + minutes(10));
        assertThat(w.kernel.agent("bea").held()).hasSize(1);
        assertThat(w.kernel.agent("ana").held()).hasSize(4);
        assertThat(w.kernel.queue(Q).line().size()).isEqualTo(3);
        assertThat(w.invariants.violations).isEmpty();
    }

    @Test
    void R3_afterAVoiceCallTheAgentReceivesNothingNewUntilTheyClose() {
        World w = World.of(SUPPORT).autopilot(seconds(5), -1);
        w.agent("ana", Map.of(Q, 1), 4);
        w.open(1, Q, Channel.VOICE, T);
        w.runUntil(T + seconds(10));
        w.tell(T + minutes(1), 1, new RequestCommand.HangUp());
        w.open(2, Q, Channel.CHAT, T + minutes(2));
        w.runUntil(T + minutes(5));
        assertThat(w.request(1).interaction().callOngoing()).isFalse();
        assertThat(w.status(2)).isEqualTo(RequestStatus.WAITING);

        w.tell(T + minutes(6), 1, new RequestCommand.Close());
        w.runUntil(T + minutes(7));
        assertThat(w.status(2)).isEqualTo(RequestStatus.IN_SERVICE);
        assertThat(w.request(2).interaction().agentId()).isEqualTo("ana");
    }

    @Test
    void R7_arrivalsOutsideBusinessHoursAreRejectedButThoseWaitingAtClosingAreServed() {
        long evening = at(2026, 11, 23, 20, 50);
        World w = new World(evening, SUPPORT).autopilot(seconds(5), minutes(1));
        w.open(1, Q, Channel.CHAT, 0, evening, evening + minutes(120));
        w.open(2, Q, Channel.CHAT, 0, evening + minutes(15), evening + minutes(120));
        w.runUntil(evening + minutes(16));
        assertThat(w.status(1)).isEqualTo(RequestStatus.WAITING);
        assertThat(w.request(2)).isNull();
        assertThat(w.rejections).singleElement().satisfies(r -> {
            assertThat(r.external()).isTrue();
            assertThat(((RequestRejection) r.rejection()).code()).isEqualTo(RequestRejection.Code.QUEUE_CLOSED);
        });

        // An agent comes online after closing (21:20): the request that waited is still served.
        w.agent("ana", Map.of(Q, 1), 4);
        w.runUntil(evening + minutes(40));
        assertThat(w.status(1)).isEqualTo(RequestStatus.SURVEYED);
    }

    @Test
    void R13_aCustomerLeavesTheQueueAndThoseBehindMoveUp() {
        World w = World.of(SUPPORT);
        for (long id = 1; id <= 3; id++) {
            w.open(id, Q, Channel.CHAT, T + seconds(id));
        }
        w.tell(T + minutes(1), 1, new RequestCommand.Leave());
        w.runUntil(T + minutes(1));
        assertThat(w.status(1)).isEqualTo(RequestStatus.LEFT);
        assertThat(w.position(Q, 1)).isZero();
        assertThat(w.position(Q, 2)).isEqualTo(1);
        assertThat(w.position(Q, 3)).isEqualTo(2);
        assertThat(w.kernel.timerDeadline(1, TimerKind.EXPIRY)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void R14_aRequestNotServedByItsAvailableUntilExpiresThen() {
        World w = World.of(SUPPORT);
        w.open(1, Q, Channel.CHAT, 0, T, T + minutes(10));
        w.runUntil(T + minutes(10) - 1);
        assertThat(w.status(1)).isEqualTo(RequestStatus.WAITING);
        w.runUntil(T + minutes(10));
        assertThat(w.status(1)).isEqualTo(RequestStatus.EXPIRED);
        assertThat(w.request(1).endedAtMillis()).isEqualTo(T + minutes(10));
        assertThat(w.kernel.queue(Q).line().size()).isZero();
    }

    @Test
    void R17_aVisitorWhoLeavesThePageEndsAfterTheGraceUnlessTheyReturn() {
        World w = World.of(SUPPORT).autopilot(seconds(5), -1);
        w.agent("ana", Map.of(Q, 1), 4);
        w.open(1, Q, Channel.CHAT, T);
        w.open(2, Q, Channel.CHAT, T);
        w.tell(T + minutes(1), 1, new RequestCommand.CustomerAway());
        w.tell(T + minutes(1), 2, new RequestCommand.CustomerAway());
        w.tell(T + minutes(1) + seconds(30), 2, new RequestCommand.CustomerReturned());
        w.runUntil(T + minutes(1) + seconds(89));
        assertThat(w.request(1).interactionState()).isEqualTo(InteractionState.CUSTOMER_AWAY);
        w.runUntil(T + minutes(1) + seconds(90));
        assertThat(w.request(1).interactionState()).isEqualTo(InteractionState.CUSTOMER_ENDED);
        assertThat(w.request(2).interactionState()).isNotEqualTo(InteractionState.CUSTOMER_ENDED);
        assertThat(w.count(2, RequestEvent.CustomerEnded.class)).isZero();
    }

    @Test
    void R19_aPriorityCustomerCreditedNinetySecondsOvertakesRecentArrivals() {
        World w = World.of(SUPPORT).autopilot(seconds(5), minutes(1));
        w.open(1, Q, Channel.CHAT, 0, T, T + minutes(600));
        w.open(2, Q, Channel.CHAT, 0, T + seconds(30), T + minutes(600));
        w.open(3, Q, Channel.CHAT, 0, T + seconds(60), T + minutes(600));
        w.open(4, Q, Channel.CHAT, 1, T + seconds(100), T + minutes(600));
        w.runUntil(T + seconds(100));
        // Credited 90 s, it stands as if it came at T+10s: behind 1, ahead of 2 and 3.
        assertThat(w.position(Q, 4)).isEqualTo(2);
        assertThat(w.position(Q, 2)).isEqualTo(3);

        w.agent("ana", Map.of(Q, 1), 1);
        w.runUntil(T + minutes(30));
        long invited1 = acceptedAt(w, 1);
        long invited4 = acceptedAt(w, 4);
        long invited2 = acceptedAt(w, 2);
        assertThat(invited1).isLessThan(invited4);
        assertThat(invited4).isLessThan(invited2);
    }

    private static long acceptedAt(World w, long id) {
        return w.eventsOf(id).stream()
                .filter(RequestEvent.Accepted.class::isInstance)
                .map(e -> ((RequestEvent.Accepted) e).atMillis())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void twoQueuesOfferingAtOnceNeverOverbookAnAgentWhoServesBoth() {
        QueueSettings sales = QueueSettings.defaults("sales", ZONE);
        World w = World.of(SUPPORT, sales).autopilot(seconds(20), minutes(3));
        w.agent("ana", Map.of(Q, 2, "sales", 1), 2);
        w.agent("bea", Map.of(Q, 1, "sales", 2), 3);
        for (long id = 1; id <= 40; id++) {
            w.open(id, id % 2 == 0 ? Q : "sales", id % 5 == 0 ? Channel.VOICE : Channel.CHAT, T + seconds(id / 10));
        }
        w.runUntil(T + minutes(240));
        assertThat(w.invariants.violations).isEmpty();
        assertThat(w.invariants.checks).isGreaterThan(100);
        for (long id = 1; id <= 40; id++) {
            assertThat(w.status(id)).isEqualTo(RequestStatus.SURVEYED);
        }
    }

    @Test
    void lazilyCancelledTimersNeverReachARequestAsLive() {
        World w = World.of(SUPPORT).autopilot(seconds(5), minutes(1));
        w.agent("ana", Map.of(Q, 1), 4);
        w.open(1, Q, Channel.CHAT, 0, T, T + minutes(60));
        w.runUntil(T + seconds(10));
        // Accepted: the invitation and expiry timers were cancelled, their entries still pending.
        assertThat(w.kernel.timerDeadline(1, TimerKind.INVITATION)).isEqualTo(Long.MIN_VALUE);
        assertThat(w.kernel.timerDeadline(1, TimerKind.EXPIRY)).isEqualTo(Long.MIN_VALUE);
        w.runUntil(T + minutes(120));
        assertThat(w.kernel.staleTimers()).isEqualTo(2);
        assertThat(w.status(1)).isEqualTo(RequestStatus.SURVEYED);
        assertThat(w.kernel.internalRejections()).isZero();
    }

    @Test
    void aLateAcceptIsReportedToTheDriverAsAnExternalRejection() {
        World w = World.of(SUPPORT);
        w.agent("ana", Map.of(Q, 1), 4);
        w.open(1, Q, Channel.CHAT, T);
        // Invited at T; the customer answers exactly when the 5 minutes are up: too late (R11).
        w.tell(T + minutes(5), 1, new RequestCommand.Accept(VisitorInfo.unknown()));
        w.runUntil(T + minutes(5));
        assertThat(w.rejections).singleElement().satisfies(r -> {
            assertThat(r.external()).isTrue();
            assertThat(((RequestRejection) r.rejection()).code()).isEqualTo(RequestRejection.Code.INVITATION_EXPIRED);
        });
        assertThat(w.kernel.externalRejections()).isEqualTo(1);
    }

    @Test
    void anAgentLoggingOutGetsNoMoreOffers() {
        World w = World.of(SUPPORT).autopilot(seconds(5), minutes(1));
        w.agent("ana", Map.of(Q, 1), 4);
        w.kernel.submitToAgent(T + seconds(1), "ana", new AgentCommand.LogOut());
        w.open(1, Q, Channel.CHAT, T + seconds(2));
        w.runUntil(T + minutes(10));
        assertThat(w.status(1)).isEqualTo(RequestStatus.WAITING);
    }

    @Test
    void R14_cancelledFarOffExpiryTimersDoNotPileUpInTheEventList() {
        World w = World.of(SUPPORT).autopilot(seconds(1), seconds(1));
        w.agent("ana", Map.of(Q, 1), 4);
        int requests = 10_000;
        for (long id = 1; id <= requests; id++) {
            // Available for two days: each expiry timer is cancelled on acceptance, long before it is due.
            w.open(id, Q, Channel.CHAT, 0, T + seconds(id), T + minutes(2 * 24 * 60));
        }
        w.runUntil(T + seconds(requests) + minutes(30));
        for (long id = 1; id <= requests; id++) {
            assertThat(w.status(id)).isEqualTo(RequestStatus.SURVEYED);
        }
        assertThat(w.invariants.violations).isEmpty();
        // Without compaction the 10,000 cancelled expiry entries would all still be pending.
        assertThat(w.kernel.pendingEntries()).isLessThan(requests / 2);
        assertThat(w.kernel.staleTimers()).isGreaterThanOrEqualTo(requests);
        assertThat(w.kernel.internalRejections()).isZero();
    }
}
