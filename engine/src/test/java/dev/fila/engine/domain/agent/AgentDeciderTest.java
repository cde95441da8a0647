package dev.fila.engine.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.DeciderSpec;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.request.RequestCommand;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentDeciderTest {

    private static final long T = 1_000_000L;
    private static final String ANA = "ana";

    private final DeciderSpec<AgentState, AgentCommand, AgentEvent, AgentRejection> spec =
            DeciderSpec.of(new AgentDecider());

    private static final AgentEvent REGISTERED =
            new AgentEvent.Registered(ANA, "Ana", Map.of("support", 2, "billing", 1), 4, Set.of(Role.AGENT));
    private static final AgentEvent ONLINE = new AgentEvent.PresenceChanged(Presence.ONLINE, "", T);

    private static AgentEvent reserved(long requestId, boolean exclusive) {
        return new AgentEvent.SlotReserved(requestId, "support", exclusive, T + requestId);
    }

    private static AgentCommand.Offer offer(long requestId, boolean exclusive) {
        return new AgentCommand.Offer(requestId, "support", exclusive);
    }

    @Test
    void R4_anAgentWhoseOnlyRoleIsAgentGoesOnlineOnLogin() {
        spec.given(REGISTERED)
                .when(new AgentCommand.LogIn(), T)
                .thenEvents(new AgentEvent.PresenceChanged(Presence.ONLINE, "", T))
                .thenState(s -> assertThat(s.presence()).isEqualTo(Presence.ONLINE));
    }

    @Test
    void R4_anAdministratorSwitchesOnlineExplicitly() {
        AgentEvent admin = new AgentEvent.Registered(
                "boss", "Boss", Map.of("support", 1), 4, Set.of(Role.AGENT, Role.ADMINISTRATOR));
        spec.given(admin).when(new AgentCommand.LogIn(), T).thenNothingHappens();
        spec.given(admin)
                .when(new AgentCommand.SetPresence(Presence.ONLINE, null), T)
                .thenEvents(new AgentEvent.PresenceChanged(Presence.ONLINE, "", T));
    }

    @Test
    void R4_aPauseNeedsAReason() {
        AgentRejection rejection = spec.given(REGISTERED, ONLINE)
                .when(new AgentCommand.SetPresence(Presence.PAUSED, " "), T)
                .thenRejected();
        assertThat(rejection.code()).isEqualTo(AgentRejection.Code.REASON_REQUIRED);
        assertThat(rejection.fields()).containsExactly("reason");
        spec.given(REGISTERED, ONLINE)
                .when(new AgentCommand.SetPresence(Presence.PAUSED, "lunch"), T + 1)
                .thenEvents(new AgentEvent.PresenceChanged(Presence.PAUSED, "lunch", T + 1))
                .thenState(s -> assertThat(s.colour()).isEqualTo(Colour.AWAY));
    }

    @Test
    void R4_goingOnlineOrOfflineIsReportedToEveryQueueMostSkilledFirst() {
        var then = spec.given(REGISTERED).when(new AgentCommand.SetPresence(Presence.ONLINE, ""), T);
        assertThat(then.effects())
                .containsExactly(
                        new Effect.ToQueue("support", new QueueCommand.AgentCapacity(ANA, 2, 4, true, true, T)),
                        new Effect.ToQueue("billing", new QueueCommand.AgentCapacity(ANA, 1, 4, true, true, T)));
        var away = spec.given(REGISTERED, ONLINE).when(new AgentCommand.SetPresence(Presence.AWAY, ""), T + 5);
        assertThat(away.effects())
                .contains(new Effect.ToQueue("support", new QueueCommand.AgentCapacity(ANA, 2, 4, true, false, T + 5)));
    }

    @Test
    void R4_onlyOnlineAgentsTakeWork() {
        spec.given(REGISTERED, ONLINE, new AgentEvent.PresenceChanged(Presence.BUSY, "", T + 1))
                .when(offer(1, false), T + 2)
                .thenEffects(new Effect.ToQueue(
                        "support",
                        new QueueCommand.OfferDeclined(
                                1, new QueueCommand.AgentCapacity(ANA, 2, 4, true, false, T + 1))));
    }

    @Test
    void R2_anOfferedChatReservesASlotAndInvitesTheCustomer() {
        spec.given(REGISTERED, ONLINE)
                .when(offer(1, false), T + 1)
                .thenEvents(new AgentEvent.SlotReserved(1, "support", false, T + 1))
                .thenEffects(new Effect.ToRequest(1, new RequestCommand.Invite(ANA)))
                .thenState(s -> assertThat(s.freeChatSlots()).isEqualTo(3));
    }

    @Test
    void R2_R10_R11_aRepeatedOfferForARequestTheAgentHoldsIsNotDeclinedTheQueueLearnsTheRealCapacity() {
        // Ana holds request 1 as a pending invitation; the queue offers it to her again (its offered mark
        // was cleared by a duplicate OfferReturned after a crash). Declining would withdraw the offer and,
        // ana being the best free agent, the queue would offer it to her again, round after round.
        spec.given(REGISTERED, ONLINE, reserved(1, false))
                .when(offer(1, false), T + 10)
                .thenEvents()
                .thenEffects(
                        new Effect.ToQueue("support", new QueueCommand.AgentCapacity(ANA, 2, 3, false, true, T + 1)));
    }

    @Test
    void R2_fourChatsAtOnceButNeverAFifth() {
        var four = spec.given(REGISTERED, ONLINE, reserved(1, false), reserved(2, false), reserved(3, false));
        four.when(offer(4, false), T + 10).thenEvents(new AgentEvent.SlotReserved(4, "support", false, T + 10));
        spec.given(REGISTERED, ONLINE, reserved(1, false), reserved(2, false), reserved(3, false), reserved(4, false))
                .when(offer(5, false), T + 10)
                .thenEffects(new Effect.ToQueue(
                        "support",
                        new QueueCommand.OfferDeclined(
                                5, new QueueCommand.AgentCapacity(ANA, 2, 0, false, true, T + 4))));
    }

    @Test
    void R2_voiceAndVideoAreOfferedOnlyToAnAgentHoldingNothing() {
        spec.given(REGISTERED, ONLINE, reserved(1, false))
                .when(offer(2, true), T + 10)
                .thenEffects(new Effect.ToQueue(
                        "support",
                        new QueueCommand.OfferDeclined(
                                2, new QueueCommand.AgentCapacity(ANA, 2, 3, false, true, T + 1))));
        spec.given(REGISTERED, ONLINE)
                .when(offer(2, true), T + 10)
                .thenEvents(new AgentEvent.SlotReserved(2, "support", true, T + 10));
    }

    @Test
    void R2_R3_whileHoldingVoiceTheAgentTakesNothingElseUntilItIsClosed() {
        var onCall = spec.given(REGISTERED, ONLINE, reserved(1, true), new AgentEvent.InteractionStarted(1, T + 5));
        assertThat(onCall.state().freeChatSlots()).isZero();
        assertThat(onCall.state().colour()).isEqualTo(Colour.YELLOW);
        onCall.when(offer(2, false), T + 10)
                .thenEffects(new Effect.ToQueue(
                        "support",
                        new QueueCommand.OfferDeclined(
                                2, new QueueCommand.AgentCapacity(ANA, 2, 0, false, true, T + 1))));
        onCall.when(new AgentCommand.Release(1), T + 20)
                .thenEvents(new AgentEvent.SlotReleased(1, T + 20))
                .thenEffectsContain(new Effect.ToQueue(
                        "support", new QueueCommand.AgentCapacity(ANA, 2, 4, true, true, T + 20, 15)))
                .thenState(s -> assertThat(s.colour()).isEqualTo(Colour.GREEN));
    }

    @Test
    void R8_closingAnInteractionTellsOnlyItsOwnQueueHowLongItWasHandled() {
        spec.given(REGISTERED, ONLINE, reserved(1, false), new AgentEvent.InteractionStarted(1, T + 5))
                .when(new AgentCommand.Release(1), T + 65)
                .thenEffects(
                        new Effect.ToQueue(
                                "support", new QueueCommand.AgentCapacity(ANA, 2, 4, true, true, T + 65, 60)),
                        new Effect.ToQueue(
                                "billing", new QueueCommand.AgentCapacity(ANA, 1, 4, true, true, T + 65, 0)));
    }

    @Test
    void R8_R11_aReleasedInvitationWasNeverHandledSoCarriesNoHandleTime() {
        spec.given(REGISTERED, ONLINE, reserved(1, false))
                .when(new AgentCommand.Release(1), T + 300)
                .thenEffectsContain(new Effect.ToQueue(
                        "support", new QueueCommand.AgentCapacity(ANA, 2, 4, true, true, T + 300, 0)));
    }

    @Test
    void R11_aPendingInvitationHoldsTheAgentsSlot() {
        var pending = spec.given(REGISTERED, ONLINE, reserved(1, true));
        assertThat(pending.state().find(1).reserved()).isTrue();
        assertThat(pending.state().canTake(false)).isFalse();
        spec.given(REGISTERED, ONLINE, reserved(1, true))
                .when(new AgentCommand.InteractionStarted(1), T + 3)
                .thenEvents(new AgentEvent.InteractionStarted(1, T + 3))
                .thenState(s -> assertThat(s.find(1).reserved()).isFalse());
    }

    @Test
    void R5_theColourIsDerivedFromPresenceAndLoad() {
        assertThat(spec.given(REGISTERED).state().colour()).isEqualTo(Colour.OFFLINE);
        assertThat(spec.given(REGISTERED, ONLINE).state().colour()).isEqualTo(Colour.GREEN);
        assertThat(spec.given(REGISTERED, ONLINE, reserved(1, false)).state().colour())
                .isEqualTo(Colour.BLUE);
        assertThat(spec.given(
                                REGISTERED,
                                ONLINE,
                                reserved(1, false),
                                reserved(2, false),
                                reserved(3, false),
                                reserved(4, false))
                        .state()
                        .colour())
                .isEqualTo(Colour.YELLOW);
        assertThat(spec.given(REGISTERED, ONLINE, new AgentEvent.PresenceChanged(Presence.AWAY, "", T))
                        .state()
                        .colour())
                .isEqualTo(Colour.AWAY);
    }

    @Test
    void R2_maxChatsIsASetting() {
        AgentEvent two = new AgentEvent.Registered("bo", "Bo", Map.of("support", 1), 2, Set.of(Role.AGENT));
        var full = spec.given(
                two,
                ONLINE,
                new AgentEvent.SlotReserved(1, "support", false, T),
                new AgentEvent.SlotReserved(2, "support", false, T));
        assertThat(full.state().canTake(false)).isFalse();
        assertThat(full.state().colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void anOfferFromAQueueTheAgentDoesNotServeIsDeclined() {
        var then = spec.given(REGISTERED, ONLINE).when(new AgentCommand.Offer(9, "sales", false), T + 1);
        assertThat(then.events()).isEmpty();
        assertThat(then.effects()).hasSize(1);
        assertThat(then.effects().get(0)).isInstanceOf(Effect.ToQueue.class);
    }

    @Test
    void registrationNamesEveryBadField() {
        AgentRejection rejection = spec.given()
                .when(new AgentCommand.Register(" ", "", Map.of("support", 0), 0, Set.of()), T)
                .thenRejected();
        assertThat(rejection.fields()).containsExactly("agentId", "name", "skills", "maxChats", "roles");
        assertThat(spec.given(REGISTERED)
                        .when(new AgentCommand.Register(ANA, "Ana", Map.of("support", 1), 4, Set.of(Role.AGENT)), T)
                        .thenRejected()
                        .code())
                .isEqualTo(AgentRejection.Code.ALREADY_REGISTERED);
        assertThat(spec.given().when(new AgentCommand.LogIn(), T).thenRejected().code())
                .isEqualTo(AgentRejection.Code.NOT_REGISTERED);
    }

    @Test
    void releasingASlotItDoesNotHoldChangesNothing() {
        spec.given(REGISTERED, ONLINE).when(new AgentCommand.Release(77), T).thenNothingHappens();
    }

    // ---- recovery: what a recovered agent sends again (sends between aggregates are at-most-once) ----

    @Test
    void R2_R4_aRecoveredAgentReportsItsCapacityToEveryQueueThenAsksEachHeldRequestToConfirmIt() {
        AgentDecider decider = new AgentDecider();
        AgentState holding = spec.given(
                        REGISTERED,
                        ONLINE,
                        reserved(1, false),
                        reserved(2, false),
                        new AgentEvent.InteractionStarted(2, T + 10))
                .state();
        assertThat(decider.resendOnRecovery(holding))
                .containsExactly(
                        new Effect.ToQueue("support", new QueueCommand.AgentCapacity(ANA, 2, 2, false, true, T + 2)),
                        new Effect.ToQueue("billing", new QueueCommand.AgentCapacity(ANA, 1, 2, false, true, T + 2)),
                        new Effect.ToRequest(1, new RequestCommand.ConfirmHold(1, ANA, true)),
                        new Effect.ToRequest(2, new RequestCommand.ConfirmHold(2, ANA, false)));
        assertThat(decider.resendOnRecovery(AgentState.unregistered())).isEmpty();
    }

    @Test
    void R2_R3_theReleaseThatAnswersAConfirmationFreesTheSlotOnceAndAgainChangesNothing() {
        var holding = spec.given(REGISTERED, ONLINE, reserved(1, false), new AgentEvent.InteractionStarted(1, T + 5));
        holding.when(new AgentCommand.Release(1), T + 60)
                .thenEvents(new AgentEvent.SlotReleased(1, T + 60))
                .thenState(s -> {
                    assertThat(s.isIdle()).isTrue();
                    assertThat(s.colour()).isEqualTo(Colour.GREEN);
                });
        spec.given(
                        REGISTERED,
                        ONLINE,
                        reserved(1, false),
                        new AgentEvent.InteractionStarted(1, T + 5),
                        new AgentEvent.SlotReleased(1, T + 60))
                .when(new AgentCommand.Release(1), T + 61)
                .thenNothingHappens();
    }

    @Test
    void R12_anInteractionStartedToldAgainChangesNothing() {
        spec.given(REGISTERED, ONLINE, reserved(1, false), new AgentEvent.InteractionStarted(1, T + 5))
                .when(new AgentCommand.InteractionStarted(1), T + 50)
                .thenNothingHappens();
    }
}
