package dev.fila.engine.domain.request;

import static dev.fila.engine.domain.Fixtures.AGENT;
import static dev.fila.engine.domain.Fixtures.CUSTOMER;
import static dev.fila.engine.domain.Fixtures.MONDAY_10;
import static dev.fila.engine.domain.Fixtures.PROTOCOL;
import static dev.fila.engine.domain.Fixtures.QUEUE;
import static dev.fila.engine.domain.Fixtures.REQUEST;
import static dev.fila.engine.domain.Fixtures.SETTINGS;
import static dev.fila.engine.domain.Fixtures.at;
import static dev.fila.engine.domain.Fixtures.details;
import static dev.fila.engine.domain.Fixtures.minutes;
import static dev.fila.engine.domain.Fixtures.open;
import static dev.fila.engine.domain.Fixtures.opened;
import static dev.fila.engine.domain.Fixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.DeciderSpec;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.TimerKind;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestDeciderTest {

    private static final long UNTIL = at(2026, 11, 23, 18, 0);
    private static final long T = MONDAY_10;

    private final DeciderSpec<RequestState, RequestCommand, RequestEvent, RequestRejection> spec =
            DeciderSpec.of(new RequestDecider(Map.of(QUEUE, SETTINGS)));

    private static final RequestEvent OPENED = opened(Channel.CHAT, T, UNTIL);
    private static final RequestEvent INVITED = new RequestEvent.Invited(AGENT, T + minutes(6), T + minutes(1));
    private static final RequestEvent ACCEPTED =
            new RequestEvent.Accepted(AGENT, VisitorInfo.unknown(), minutes(2), T + minutes(2));

    private static Effect toQueue(QueueCommand command) {
        return new Effect.ToQueue(QUEUE, command);
    }

    private static Effect toAgent(AgentCommand command) {
        return new Effect.ToAgent(AGENT, command);
    }

    // ---- R6, R20: opening ----

    @Test
    void R6_R20_openingWithEveryDetailEntersTheQueueUnderItsProtocol() {
        spec.given()
                .when(open(Channel.CHAT, UNTIL), T)
                .thenEvents(opened(Channel.CHAT, T, UNTIL))
                .thenEffects(
                        toQueue(new QueueCommand.Enqueue(REQUEST, Channel.CHAT, 0, T, false)),
                        new Effect.StartTimer(TimerKind.EXPIRY, UNTIL))
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.WAITING);
                    assertThat(s.protocol()).isEqualTo(PROTOCOL);
                    assertThat(s.available()).isTrue();
                });
    }

    @Test
    void R6_eachMissingDetailIsNamedInTheRejection() {
        RequestCommand.Open missing = new RequestCommand.Open(
                REQUEST,
                PROTOCOL,
                CUSTOMER,
                QUEUE,
                Channel.CHAT,
                0,
                new RequestDetails(" ", "ERP", "", "invoices", null, null, UNTIL),
                CustomerStanding.inGoodStanding(),
                true);
        RequestRejection rejection = spec.given().when(missing, T).thenRejected();
        assertThat(rejection.code()).isEqualTo(RequestRejection.Code.INVALID_FIELDS);
        assertThat(rejection.fields()).containsExactly("supportType", "module", "description", "wantsPhoneCall");
    }

    @Test
    void R20_aRequestWithoutProtocolNumberIsRefused() {
        RequestCommand.Open noProtocol = new RequestCommand.Open(
                REQUEST, "", CUSTOMER, QUEUE, Channel.CHAT, 0, details(UNTIL), CustomerStanding.inGoodStanding(), true);
        assertThat(spec.given().when(noProtocol, T).thenRejected().fields()).containsExactly("protocol");
    }

    @Test
    void R6_R27_aCustomerWithoutActiveContractIsRejected() {
        RequestCommand.Open open = new RequestCommand.Open(
                REQUEST,
                PROTOCOL,
                CUSTOMER,
                QUEUE,
                Channel.CHAT,
                0,
                details(UNTIL),
                new CustomerStanding(false, ""),
                true);
        assertThat(spec.given().when(open, T).thenRejected().code())
                .isEqualTo(RequestRejection.Code.NO_ACTIVE_CONTRACT);
    }

    @Test
    void R16_anUnansweredSurveyBlocksTheNextRequestNamingIt() {
        RequestCommand.Open open = new RequestCommand.Open(
                REQUEST,
                PROTOCOL,
                CUSTOMER,
                QUEUE,
                Channel.CHAT,
                0,
                details(UNTIL),
                new CustomerStanding(true, "20261120-000007"),
                true);
        RequestRejection rejection = spec.given().when(open, T).thenRejected();
        assertThat(rejection.code()).isEqualTo(RequestRejection.Code.SURVEY_PENDING);
        assertThat(rejection.message()).contains("20261120-000007");
    }

    @Test
    void R6_availableUntilMustBeInTheFuture() {
        RequestRejection rejection = spec.given().when(open(Channel.CHAT, T), T).thenRejected();
        assertThat(rejection.code()).isEqualTo(RequestRejection.Code.AVAILABLE_UNTIL_PASSED);
        assertThat(rejection.fields()).containsExactly("availableUntil");
    }

    @Test
    void R1_offlineRequestsNeverEnterTheOnlineQueue() {
        RequestRejection rejection =
                spec.given().when(open(Channel.OFFLINE, UNTIL), T).thenRejected();
        assertThat(rejection.code()).isEqualTo(RequestRejection.Code.CHANNEL_NOT_SERVED);
    }

    @Test
    void R6_anUnknownQueueIsNamed() {
        RequestCommand.Open open = new RequestCommand.Open(
                REQUEST,
                PROTOCOL,
                CUSTOMER,
                "nope",
                Channel.CHAT,
                0,
                details(UNTIL),
                CustomerStanding.inGoodStanding(),
                true);
        assertThat(spec.given().when(open, T).thenRejected().code()).isEqualTo(RequestRejection.Code.UNKNOWN_QUEUE);
    }

    @Test
    void openingTwiceIsRejectedAndCommandsToUnopenedRequestsAreNotFound() {
        assertThat(spec.given(OPENED)
                        .when(open(Channel.CHAT, UNTIL), T)
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.ALREADY_OPEN);
        assertThat(spec.given()
                        .when(new RequestCommand.Leave(), T)
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.NOT_FOUND);
    }

    // ---- R7: business hours ----

    @Test
    void R7_outsideBusinessHoursTheQueueRefusesEntry() {
        long saturday = at(2026, 11, 28, 10, 0);
        assertThat(spec.given()
                        .when(open(Channel.CHAT, saturday + minutes(60)), saturday)
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.QUEUE_CLOSED);
        long mondayNight = at(2026, 11, 23, 21, 0);
        assertThat(spec.given()
                        .when(open(Channel.CHAT, mondayNight + minutes(60)), mondayNight)
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.QUEUE_CLOSED);
    }

    @Test
    void R7_withExpireAtCloseARequestExpiresAtClosingTime() {
        QueueSettings expiring = SETTINGS.withExpireAtClose(true);
        var closing = DeciderSpec.of(new RequestDecider(Map.of(QUEUE, expiring)));
        long lateEvening = at(2026, 11, 23, 20, 30);
        long until = at(2026, 11, 23, 23, 0);
        long nine = at(2026, 11, 23, 21, 0);
        closing.given()
                .when(open(Channel.CHAT, until), lateEvening)
                .thenEffectsContain(new Effect.StartTimer(TimerKind.EXPIRY, nine))
                .thenState(s -> assertThat(s.expiresAtMillis()).isEqualTo(nine));
    }

    @Test
    void R7_byDefaultARequestStillWaitingAtClosingStays() {
        long lateEvening = at(2026, 11, 23, 20, 30);
        long until = at(2026, 11, 23, 23, 0);
        spec.given()
                .when(open(Channel.CHAT, until), lateEvening)
                .thenEffectsContain(new Effect.StartTimer(TimerKind.EXPIRY, until));
    }

    // ---- R9: availability ----

    @Test
    void R9_steppingAwayKeepsThePlaceAndTellsTheQueue() {
        spec.given(OPENED)
                .when(new RequestCommand.SetAvailability(false), T + 1)
                .thenEvents(new RequestEvent.AvailabilityChanged(false, T + 1))
                .thenEffects(toQueue(new QueueCommand.SetAvailability(REQUEST, false)))
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.WAITING);
                    assertThat(s.available()).isFalse();
                });
    }

    @Test
    void R9_anInvitationThatReachesAnUnavailableCustomerGoesBackToTheQueue() {
        spec.given(OPENED, new RequestEvent.AvailabilityChanged(false, T + 1))
                .when(new RequestCommand.Invite(AGENT), T + 2)
                .thenEffects(
                        toAgent(new AgentCommand.Release(REQUEST)), toQueue(new QueueCommand.OfferReturned(REQUEST)))
                .thenState(s -> assertThat(s.status()).isEqualTo(RequestStatus.WAITING));
    }

    // ---- R10, R11, R12: invitation ----

    @Test
    void R10_R11_anInvitationGivesTheCustomerFiveMinutes() {
        spec.given(OPENED)
                .when(new RequestCommand.Invite(AGENT), T + minutes(1))
                .thenEvents(INVITED)
                .thenEffects(new Effect.StartTimer(TimerKind.INVITATION, T + minutes(6)))
                .thenState(s ->
                        assertThat(s.invitation()).isEqualTo(new Invitation(AGENT, T + minutes(1), T + minutes(6))));
    }

    @Test
    void R10_aCustomerNotOnlineInChatIsRejectedWithThatReason() {
        spec.given(OPENED, new RequestEvent.CustomerOnlineChanged(false, T + 1))
                .when(new RequestCommand.Invite(AGENT), T + 2)
                .thenEvents(new RequestEvent.InvitationRefused(AGENT, RequestDecider.CUSTOMER_NOT_ONLINE, T + 2))
                .thenEffectsContain(
                        toQueue(new QueueCommand.Remove(REQUEST, LineExit.REFUSED)),
                        toAgent(new AgentCommand.Release(REQUEST)))
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.REJECTED);
                    assertThat(s.reason()).isEqualTo("customer not online in chat");
                });
    }

    @Test
    void R11_anUnansweredInvitationCostsFivePlacesAndFreesTheAgent() {
        spec.given(OPENED, INVITED)
                .when(new RequestCommand.TimerFired(TimerKind.INVITATION, T + minutes(6)), T + minutes(6))
                .thenEvents(new RequestEvent.InvitationExpired(AGENT, 5, T + minutes(6)))
                .thenEffects(
                        toQueue(new QueueCommand.ApplyPenalty(REQUEST)), toAgent(new AgentCommand.Release(REQUEST)))
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.WAITING);
                    assertThat(s.penalties()).isEqualTo(1);
                    assertThat(s.invitation()).isNull();
                });
    }

    @Test
    void R11_theTimeoutAndPenaltyAreSettings() {
        QueueSettings custom = SETTINGS.withTimeouts(minutes(2), 3, seconds(30));
        var customSpec = DeciderSpec.of(new RequestDecider(Map.of(QUEUE, custom)));
        customSpec
                .given(OPENED)
                .when(new RequestCommand.Invite(AGENT), T)
                .thenEffects(new Effect.StartTimer(TimerKind.INVITATION, T + minutes(2)));
        customSpec
                .given(OPENED, new RequestEvent.Invited(AGENT, T + minutes(2), T))
                .when(new RequestCommand.TimerFired(TimerKind.INVITATION, T + minutes(2)), T + minutes(2))
                .thenEvents(new RequestEvent.InvitationExpired(AGENT, 3, T + minutes(2)));
    }

    @Test
    void R11_aTimerThatIsNoLongerTheRequestsOwnChangesNothing() {
        spec.given(OPENED, INVITED, ACCEPTED)
                .when(new RequestCommand.TimerFired(TimerKind.INVITATION, T + minutes(6)), T + minutes(6))
                .thenNothingHappens();
        spec.given(OPENED, INVITED)
                .when(new RequestCommand.TimerFired(TimerKind.INVITATION, T + minutes(5)), T + minutes(5))
                .thenNothingHappens();
    }

    @Test
    void R12_acceptanceRecordsTheVisitorAndNotifiesTheAgent() {
        VisitorInfo visitor = new VisitorInfo("/support/billing", "Firefox 140", "Linux", "203.0.113.9");
        spec.given(OPENED, INVITED)
                .when(new RequestCommand.Accept(visitor), T + minutes(2))
                .thenEvents(new RequestEvent.Accepted(AGENT, visitor, minutes(2), T + minutes(2)))
                .thenEffectsContain(
                        toQueue(new QueueCommand.Remove(REQUEST, LineExit.SERVED)),
                        toAgent(new AgentCommand.InteractionStarted(REQUEST)),
                        new Effect.CancelTimer(TimerKind.INVITATION))
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.IN_SERVICE);
                    assertThat(s.interaction().visitor()).isEqualTo(visitor);
                    assertThat(s.interaction().startedAtMillis()).isEqualTo(T + minutes(2));
                    assertThat(s.interactionState()).isEqualTo(InteractionState.NEW);
                });
    }

    @Test
    void R11_R12_acceptingAfterTheTimeRanOutIsRejected() {
        assertThat(spec.given(OPENED, INVITED)
                        .when(new RequestCommand.Accept(VisitorInfo.unknown()), T + minutes(6))
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.INVITATION_EXPIRED);
    }

    // ---- R13, R14, R15 ----

    @Test
    void R13_leavingWhileInvitedFreesTheInvitingAgent() {
        spec.given(OPENED, INVITED)
                .when(new RequestCommand.Leave(), T + minutes(2))
                .thenEvents(new RequestEvent.Left(T + minutes(2)))
                .thenEffectsContain(
                        toQueue(new QueueCommand.Remove(REQUEST, LineExit.LEFT)),
                        toAgent(new AgentCommand.Release(REQUEST)))
                .thenState(s -> assertThat(s.status()).isEqualTo(RequestStatus.LEFT));
    }

    @Test
    void R13_anInvitationArrivingAfterTheCustomerLeftFreesTheSlot() {
        spec.given(OPENED, new RequestEvent.Left(T + 1))
                .when(new RequestCommand.Invite(AGENT), T + 2)
                .thenEffects(toAgent(new AgentCommand.Release(REQUEST)));
    }

    @Test
    void R14_aRequestNotServedByAvailableUntilExpires() {
        spec.given(OPENED)
                .when(new RequestCommand.TimerFired(TimerKind.EXPIRY, UNTIL), UNTIL)
                .thenEvents(new RequestEvent.Expired(UNTIL))
                .thenEffects(toQueue(new QueueCommand.Remove(REQUEST, LineExit.EXPIRED)))
                .thenState(s -> assertThat(s.status()).isEqualTo(RequestStatus.EXPIRED));
    }

    @Test
    void R14_renewalIsRefusedTheSameDayAndAcceptedTheNextBusinessDayAtTheBack() {
        RequestEvent expired = new RequestEvent.Expired(UNTIL);
        long sameEvening = at(2026, 11, 23, 19, 0);
        assertThat(spec.given(OPENED, expired)
                        .when(new RequestCommand.Renew(sameEvening + minutes(60)), sameEvening)
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.RENEWAL_NOT_YET);
        long tuesday = at(2026, 11, 24, 9, 0);
        long tuesdayUntil = at(2026, 11, 24, 12, 0);
        spec.given(OPENED, expired)
                .when(new RequestCommand.Renew(tuesdayUntil), tuesday)
                .thenEvents(new RequestEvent.Renewed(tuesdayUntil, tuesdayUntil, tuesday))
                .thenEffects(
                        toQueue(new QueueCommand.Enqueue(REQUEST, Channel.CHAT, 0, tuesday, true)),
                        new Effect.StartTimer(TimerKind.EXPIRY, tuesdayUntil))
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.WAITING);
                    assertThat(s.renewals()).isEqualTo(1);
                    assertThat(s.details().description()).isEqualTo("the invoice total is wrong");
                });
    }

    @Test
    void R15_theTeamRejectsWithAReasonTheCustomerSees() {
        assertThat(spec.given(OPENED)
                        .when(new RequestCommand.Reject(" "), T)
                        .thenRejected()
                        .fields())
                .containsExactly("reason");
        spec.given(OPENED)
                .when(new RequestCommand.Reject("support contract cancelled"), T + 1)
                .thenEvents(new RequestEvent.Rejected("support contract cancelled", T + 1))
                .thenEffectsContain(toQueue(new QueueCommand.Remove(REQUEST, LineExit.REJECTED)))
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.REJECTED);
                    assertThat(s.reason()).isEqualTo("support contract cancelled");
                });
    }

    // ---- R16, R17, R18, R3: the interaction ----

    @Test
    void R16_closingOffersTheSurveyAndFreesTheAgent() {
        spec.given(OPENED, INVITED, ACCEPTED)
                .when(new RequestCommand.Close(), T + minutes(9))
                .thenEvents(new RequestEvent.Closed(T + minutes(9)))
                .thenEffectsContain(toAgent(new AgentCommand.Release(REQUEST)))
                .thenState(s -> assertThat(s.status()).isEqualTo(RequestStatus.CLOSED));
    }

    @Test
    void R16_theSurveyScoreIsOneToFive() {
        RequestEvent closed = new RequestEvent.Closed(T + minutes(9));
        assertThat(spec.given(OPENED, INVITED, ACCEPTED, closed)
                        .when(new RequestCommand.AnswerSurvey(6, ""), T + minutes(10))
                        .thenRejected()
                        .fields())
                .containsExactly("score");
        spec.given(OPENED, INVITED, ACCEPTED, closed)
                .when(new RequestCommand.AnswerSurvey(5, " great "), T + minutes(10))
                .thenEvents(new RequestEvent.SurveyAnswered(5, "great", T + minutes(10)))
                .thenState(s -> assertThat(s.status()).isEqualTo(RequestStatus.SURVEYED));
    }

    @Test
    void R16_theSurveyIsOfferedOnlyAfterClosing() {
        assertThat(spec.given(OPENED, INVITED, ACCEPTED)
                        .when(new RequestCommand.AnswerSurvey(5, ""), T + minutes(3))
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.WRONG_STATE);
    }

    @Test
    void R17_aVisitorWhoLeavesThePageHasNinetySecondsToComeBack() {
        long away = T + minutes(4);
        spec.given(OPENED, INVITED, ACCEPTED)
                .when(new RequestCommand.CustomerAway(), away)
                .thenEvents(new RequestEvent.CustomerWentAway(away + seconds(90), away))
                .thenEffects(new Effect.StartTimer(TimerKind.RETURN_GRACE, away + seconds(90)))
                .thenState(s -> assertThat(s.interactionState()).isEqualTo(InteractionState.CUSTOMER_AWAY));
        spec.given(OPENED, INVITED, ACCEPTED, new RequestEvent.CustomerWentAway(away + seconds(90), away))
                .when(new RequestCommand.CustomerReturned(), away + seconds(60))
                .thenEvents(new RequestEvent.CustomerReturned(away + seconds(60)))
                .thenState(s -> assertThat(s.interactionState()).isEqualTo(InteractionState.NEW));
    }

    @Test
    void R17_whenTheGraceRunsOutTheCustomerEndedAndTheAgentMustClose() {
        long away = T + minutes(4);
        RequestEvent wentAway = new RequestEvent.CustomerWentAway(away + seconds(90), away);
        spec.given(OPENED, INVITED, ACCEPTED, wentAway)
                .when(new RequestCommand.TimerFired(TimerKind.RETURN_GRACE, away + seconds(90)), away + seconds(90))
                .thenEvents(new RequestEvent.CustomerEnded(away + seconds(90)))
                .thenState(s -> assertThat(s.interactionState()).isEqualTo(InteractionState.CUSTOMER_ENDED));
        RequestEvent ended = new RequestEvent.CustomerEnded(away + seconds(90));
        assertThat(spec.given(OPENED, INVITED, ACCEPTED, wentAway, ended)
                        .when(new RequestCommand.AgentWrote(), away + seconds(100))
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.CUSTOMER_ENDED);
        spec.given(OPENED, INVITED, ACCEPTED, wentAway, ended)
                .when(new RequestCommand.Close(), away + seconds(100))
                .thenEvents(new RequestEvent.Closed(away + seconds(100)));
    }

    @Test
    void R18_theInteractionShowsWhoWroteLast() {
        RequestEvent agentOpened = new RequestEvent.AgentOpened(T + minutes(3));
        spec.given(OPENED, INVITED, ACCEPTED)
                .when(new RequestCommand.CustomerWrote(), T + minutes(3))
                .thenState(s -> assertThat(s.interactionState()).isEqualTo(InteractionState.NEW));
        spec.given(OPENED, INVITED, ACCEPTED)
                .when(new RequestCommand.AgentOpened(), T + minutes(3))
                .thenState(s -> assertThat(s.interactionState()).isEqualTo(InteractionState.AWAITING_AGENT));
        spec.given(OPENED, INVITED, ACCEPTED, agentOpened)
                .when(new RequestCommand.AgentWrote(), T + minutes(4))
                .thenState(s -> assertThat(s.interactionState()).isEqualTo(InteractionState.AWAITING_CUSTOMER));
        spec.given(OPENED, INVITED, ACCEPTED, agentOpened, new RequestEvent.AgentWrote(T + minutes(4)))
                .when(new RequestCommand.CustomerWrote(), T + minutes(5))
                .thenState(s -> assertThat(s.interactionState()).isEqualTo(InteractionState.AWAITING_AGENT));
    }

    @Test
    void R3_hangingUpAVoiceCallKeepsTheInteractionOpenForNotes() {
        RequestEvent voiceOpened = opened(Channel.VOICE, T, UNTIL);
        spec.given(voiceOpened, INVITED, ACCEPTED)
                .when(new RequestCommand.HangUp(), T + minutes(8))
                .thenEvents(new RequestEvent.CallHungUp(T + minutes(8)))
                .thenEffects()
                .thenState(s -> {
                    assertThat(s.status()).isEqualTo(RequestStatus.IN_SERVICE);
                    assertThat(s.interaction().callOngoing()).isFalse();
                });
        assertThat(spec.given(OPENED, INVITED, ACCEPTED)
                        .when(new RequestCommand.HangUp(), T + minutes(8))
                        .thenRejected()
                        .code())
                .isEqualTo(RequestRejection.Code.NO_CALL);
    }

    // ---- recovery: what a request tells its queue again (sends between aggregates are at-most-once) ----

    @Test
    void R8_R9_aRecoveredWaitingRequestReEntersItsLineAtItsOwnEntryTimeAndKeepsItsAvailability() {
        RequestDecider decider = new RequestDecider(Map.of(QUEUE, SETTINGS));
        RequestState waiting = spec.given(OPENED).state();
        assertThat(decider.resendOnRecovery(waiting))
                .containsExactly(toQueue(new QueueCommand.Enqueue(REQUEST, Channel.CHAT, 0, T, false)));
        RequestState away = spec.given(OPENED, new RequestEvent.AvailabilityChanged(false, T + 1))
                .state();
        assertThat(decider.resendOnRecovery(away))
                .containsExactly(
                        toQueue(new QueueCommand.Enqueue(REQUEST, Channel.CHAT, 0, T, false)),
                        toQueue(new QueueCommand.SetAvailability(REQUEST, false)));
    }

    @Test
    void R12_R13_aRecoveredRequestThatLeftTheQueueIsRemovedAgainAndAnUnopenedOneSendsNothing() {
        RequestDecider decider = new RequestDecider(Map.of(QUEUE, SETTINGS));
        assertThat(decider.resendOnRecovery(
                        spec.given(OPENED, new RequestEvent.Left(T + 1)).state()))
                .containsExactly(toQueue(new QueueCommand.Remove(REQUEST, LineExit.LEFT)));
        assertThat(decider.resendOnRecovery(
                        spec.given(OPENED, INVITED, ACCEPTED).state()))
                .containsExactly(toQueue(new QueueCommand.Remove(REQUEST, LineExit.SERVED)));
        assertThat(decider.resendOnRecovery(RequestState.unopened())).isEmpty();
    }

    // ---- recovery: a recovered agent asks each request it holds a slot for to confirm it ----

    private static RequestCommand.ConfirmHold confirm(String agentId, boolean reserved) {
        return new RequestCommand.ConfirmHold(REQUEST, agentId, reserved);
    }

    private static Effect releaseBy(String agentId) {
        return new Effect.ToAgent(agentId, new AgentCommand.Release(REQUEST));
    }

    @Test
    void R11_aRequestInvitedByTheAskingAgentConfirmsItsHoldAndRecordsNothing() {
        var invited = spec.given(OPENED, INVITED);
        RequestState before = invited.state();
        invited.when(confirm(AGENT, true), T + minutes(2)).thenNothingHappens().thenState(s -> assertThat(s)
                .isEqualTo(before));
    }

    @Test
    void R12_aRequestInServiceTellsAnAgentStillHoldingItAsReservedThatTheInteractionStarted() {
        var inService = spec.given(OPENED, INVITED, ACCEPTED);
        RequestState before = inService.state();
        inService
                .when(confirm(AGENT, true), T + minutes(3))
                .thenEvents()
                .thenEffects(toAgent(new AgentCommand.InteractionStarted(REQUEST)))
                .thenState(s -> assertThat(s).isEqualTo(before));
        inService.when(confirm(AGENT, false), T + minutes(3)).thenNothingHappens();
    }

    @Test
    void R10_R11_aWaitingRequestWhoseInvitationNeverArrivedFreesTheSlotAndGivesTheOfferBackToItsQueue() {
        var waiting = spec.given(OPENED);
        RequestState before = waiting.state();
        waiting.when(confirm(AGENT, true), T + minutes(1))
                .thenEvents()
                .thenEffects(releaseBy(AGENT), toQueue(new QueueCommand.OfferReturned(REQUEST)))
                .thenState(s -> {
                    // Never a late invitation: the queue's routing decides who invites it next.
                    assertThat(s).isEqualTo(before);
                    assertThat(s.status()).isEqualTo(RequestStatus.WAITING);
                });
    }

    @Test
    void R11_aRequestBackInLineAfterItsInvitationRanOutFreesTheSlotWhoseReleaseWasLost() {
        spec.given(OPENED, INVITED, new RequestEvent.InvitationExpired(AGENT, 5, T + minutes(6)))
                .when(confirm(AGENT, true), T + minutes(7))
                .thenEvents()
                .thenEffects(releaseBy(AGENT), toQueue(new QueueCommand.OfferReturned(REQUEST)))
                .thenState(s -> assertThat(s.penalties()).isEqualTo(1));
    }

    @Test
    void R2_R11_aRequestInvitedByOrServedByAnotherAgentFreesTheAskingAgentsSlot() {
        spec.given(OPENED, INVITED)
                .when(confirm("bob", true), T + minutes(2))
                .thenEvents()
                .thenEffects(releaseBy("bob"))
                .thenState(s -> assertThat(s.invitation().agentId()).isEqualTo(AGENT));
        spec.given(OPENED, INVITED, ACCEPTED)
                .when(confirm("bob", false), T + minutes(3))
                .thenEvents()
                .thenEffects(releaseBy("bob"));
    }

    @Test
    void R3_R16_aClosedOrSurveyedRequestFreesTheSlotWhoseReleaseWasLost() {
        RequestEvent closed = new RequestEvent.Closed(T + minutes(10));
        spec.given(OPENED, INVITED, ACCEPTED, closed)
                .when(confirm(AGENT, false), T + minutes(11))
                .thenEvents()
                .thenEffects(releaseBy(AGENT))
                .thenState(s -> assertThat(s.status()).isEqualTo(RequestStatus.CLOSED));
        spec.given(OPENED, INVITED, ACCEPTED, closed, new RequestEvent.SurveyAnswered(5, "", T + minutes(12)))
                .when(confirm(AGENT, false), T + minutes(13))
                .thenEvents()
                .thenEffects(releaseBy(AGENT));
    }

    @Test
    void R13_R14_R15_aRequestThatLeftTheQueueForGoodFreesTheSlotWhoseReleaseWasLost() {
        for (RequestEvent end : java.util.List.of(
                new RequestEvent.Left(T + minutes(2)),
                new RequestEvent.Expired(T + minutes(2)),
                new RequestEvent.Rejected("contract cancelled", T + minutes(2)))) {
            spec.given(OPENED, INVITED, end)
                    .when(confirm(AGENT, true), T + minutes(3))
                    .thenEvents()
                    .thenEffects(releaseBy(AGENT));
        }
    }

    @Test
    void aSlotHeldForARequestNeverOpenedIsFreedAndNoRequestIsCreated() {
        spec.given()
                .when(confirm(AGENT, true), T)
                .thenEvents()
                .thenEffects(releaseBy(AGENT))
                .thenState(s -> assertThat(s.isOpened()).isFalse());
    }

    // ---- recovery: a recovered queue asks each request it holds as offered whether the offer arrived ----

    private static final RequestCommand.ConfirmOffer CONFIRM_OFFER = new RequestCommand.ConfirmOffer(REQUEST, QUEUE);

    @Test
    void R10_aWaitingRequestWhoseOfferNeverArrivedGivesItBackToItsQueueAndRecordsNothing() {
        var waiting = spec.given(OPENED);
        RequestState before = waiting.state();
        waiting.when(CONFIRM_OFFER, T + minutes(1))
                .thenEvents()
                .thenEffects(toQueue(new QueueCommand.OfferReturned(REQUEST)))
                .thenState(s -> {
                    // Never a late invitation: the queue's routing offers it again, an agent invites.
                    assertThat(s).isEqualTo(before);
                    assertThat(s.status()).isEqualTo(RequestStatus.WAITING);
                });
        spec.given(OPENED, INVITED, new RequestEvent.InvitationExpired(AGENT, 5, T + minutes(6)))
                .when(CONFIRM_OFFER, T + minutes(7))
                .thenEvents()
                .thenEffects(toQueue(new QueueCommand.OfferReturned(REQUEST)))
                .thenState(s ->
                        assertThat(s.penalties()).as("R11: the penalty stands").isEqualTo(1));
    }

    @Test
    void R11_aRequestWithAPendingInvitationConfirmsTheOfferAndSaysNothing() {
        var invited = spec.given(OPENED, INVITED);
        RequestState before = invited.state();
        invited.when(CONFIRM_OFFER, T + minutes(2)).thenNothingHappens().thenState(s -> assertThat(s)
                .isEqualTo(before));
    }

    @Test
    void R12_R13_R14_R15_R16_aRequestThatLeftTheLineTellsTheAskingQueueSoAgain() {
        RequestEvent closed = new RequestEvent.Closed(T + minutes(10));
        Map<LineExit, List<List<RequestEvent>>> histories = Map.of(
                LineExit.SERVED,
                List.of(
                        List.of(OPENED, INVITED, ACCEPTED),
                        List.of(OPENED, INVITED, ACCEPTED, closed),
                        List.of(
                                OPENED,
                                INVITED,
                                ACCEPTED,
                                closed,
                                new RequestEvent.SurveyAnswered(5, "", T + minutes(11)))),
                LineExit.LEFT,
                List.of(List.of(OPENED, INVITED, new RequestEvent.Left(T + minutes(2)))),
                LineExit.EXPIRED,
                List.of(List.of(OPENED, INVITED, new RequestEvent.Expired(T + minutes(2)))),
                LineExit.REJECTED,
                List.of(List.of(OPENED, new RequestEvent.Rejected("contract cancelled", T + minutes(2)))));
        histories.forEach((exit, ways) -> ways.forEach(history -> {
            var given = spec.given(history.toArray(RequestEvent[]::new));
            RequestState before = given.state();
            given.when(CONFIRM_OFFER, T + minutes(20))
                    .thenEvents()
                    .thenEffects(toQueue(new QueueCommand.Remove(REQUEST, exit)))
                    .thenState(s -> assertThat(s).isEqualTo(before));
        }));
    }

    @Test
    void R10_R15_anIdNeverOpenedThatAQueueHoldsOfferedOrNotLeavesItsLineAndNoRequestIsCreated() {
        for (RequestCommand ask : List.of(
                new RequestCommand.ConfirmOffer(REQUEST, "other-queue"),
                new RequestCommand.ConfirmQueued(REQUEST, "other-queue"))) {
            spec.given()
                    .when(ask, T)
                    .thenEvents()
                    .thenEffects(new Effect.ToQueue("other-queue", new QueueCommand.Remove(REQUEST, LineExit.REJECTED)))
                    .thenState(s -> assertThat(s.isOpened()).isFalse());
        }
    }

    // ---- recovery: a recovered queue tells each request it holds without an offer that it is waiting ----

    @Test
    void R14_aRequestToldItIsWaitingRecordsAndSendsNothingForItsRecoveryAlreadyDid() {
        for (List<RequestEvent> history : List.of(
                List.of(OPENED),
                List.of(OPENED, INVITED),
                List.of(OPENED, INVITED, ACCEPTED),
                List.of(OPENED, new RequestEvent.Left(T + minutes(2))))) {
            var given = spec.given(history.toArray(RequestEvent[]::new));
            RequestState before = given.state();
            given.when(new RequestCommand.ConfirmQueued(REQUEST, QUEUE), T + minutes(3))
                    .thenNothingHappens()
                    .thenState(s -> assertThat(s).isEqualTo(before));
        }
    }
}
