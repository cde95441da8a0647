package dev.fila.engine.domain.queue;

import static dev.fila.engine.domain.Fixtures.QUEUE;
import static dev.fila.engine.domain.Fixtures.SETTINGS;
import static dev.fila.engine.domain.Fixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.DeciderSpec;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.eta.ThroughputEtaPredictor;
import dev.fila.engine.domain.request.RequestCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QueueDeciderTest {

    private static final long T = 1_800_000_000_000L;

    /** A comparable picture of a queue state (the state itself is mutable and has no equals). */
    record View(
            List<String> line,
            Map<String, AgentView> agents,
            long served,
            double interval,
            long penalties,
            List<Object> etaFigures) {
        static View of(QueueState s) {
            List<String> line = new ArrayList<>();
            s.line()
                    .forEach((id, cls, time, exclusive, available, offered) ->
                            line.add(id + "/" + cls + "/" + time + "/" + exclusive + "/" + available + "/" + offered));
            Map<String, AgentView> agents = new TreeMap<>();
            s.agentViews().forEach(v -> agents.put(v.agentId(), v));
            List<Object> eta = List.of(
                    s.handleObservations(),
                    s.meanHandleMillis(),
                    s.chatSlotsOnline(),
                    s.freeChatSlots(),
                    s.idleAgentsOnline(),
                    s.offeredCount(),
                    s.offersMade(),
                    s.meanAcceptDelayMillis(),
                    s.abandonments(),
                    s.waitingExposureMillis(),
                    s.lastServedWaitMillis(),
                    s.lastServedPlaces(),
                    s.headEnteredAtMillis(),
                    s.headPlaces());
            return new View(line, agents, s.servedCount(), s.meanServiceIntervalMillis(), s.penaltiesApplied(), eta);
        }
    }

    private final DeciderSpec<QueueState, QueueCommand, QueueEvent, QueueRejection> spec =
            DeciderSpec.of(new QueueDecider(SETTINGS), View::of);

    private static final Effect ROUTE = new Effect.ToQueue(QUEUE, new QueueCommand.Route());

    private static QueueEvent chat(long id, long at) {
        return new QueueEvent.Enqueued(id, false, 0, at, at);
    }

    private static QueueEvent voice(long id, long at) {
        return new QueueEvent.Enqueued(id, true, 0, at, at);
    }

    private static QueueEvent agent(String id, int level, int freeChats, boolean idle) {
        return new QueueEvent.AgentViewChanged(id, level, freeChats, idle, true, T);
    }

    private static Effect offer(long requestId, String agentId, boolean exclusive) {
        return new Effect.ToAgent(agentId, new AgentCommand.Offer(requestId, QUEUE, exclusive));
    }

    private static QueueEvent[] line(int n) {
        QueueEvent[] events = new QueueEvent[n];
        for (int i = 0; i < n; i++) {
            events[i] = chat(i + 1, T + seconds(i));
        }
        return events;
    }

    @Test
    void R8_requestsStandInArrivalOrderAndEntryTellsWhoseOrderChanged() {
        spec.given(line(3))
                .when(new QueueCommand.Enqueue(4, Channel.CHAT, 0, T + seconds(10), false), T + seconds(10))
                .thenEvents(new QueueEvent.Enqueued(4, false, 0, T + seconds(10), T + seconds(10)))
                .thenEffects(new Effect.Notify(new Notification.LineChanged(QUEUE, 4)))
                .thenState(s -> {
                    assertThat(s.positionOf(1)).isEqualTo(1);
                    assertThat(s.positionOf(4)).isEqualTo(4);
                    assertThat(s.waitingCount()).isEqualTo(4);
                });
    }

    @Test
    void R19_aPriorityCustomerIsCreditedNinetySecondsAtEntry() {
        QueueEvent[] waiting = {chat(1, T), chat(2, T + seconds(30)), chat(3, T + seconds(100))};
        spec.given(waiting)
                .when(new QueueCommand.Enqueue(9, Channel.CHAT, 1, T + seconds(120), false), T + seconds(120))
                .thenEvents(new QueueEvent.Enqueued(9, false, 0, T + seconds(30), T + seconds(120)))
                .thenState(s -> {
                    assertThat(s.positionOf(9)).isEqualTo(3);
                    assertThat(s.positionOf(3)).isEqualTo(4);
                });
    }

    @Test
    void R19_strictPriorityClassesStandAheadOfEveryLowerClass() {
        var classes =
                DeciderSpec.of(new QueueDecider(SETTINGS.withPriority(new PriorityPolicy(true, Map.of()))), View::of);
        classes.given(line(3))
                .when(new QueueCommand.Enqueue(9, Channel.CHAT, 2, T + seconds(60), false), T + seconds(60))
                .thenState(s -> assertThat(s.positionOf(9)).isEqualTo(1));
    }

    @Test
    void R14_aRenewedRequestGoesToTheBackWithoutCredit() {
        spec.given(line(3))
                .when(new QueueCommand.Enqueue(9, Channel.CHAT, 1, T + seconds(60), true), T + seconds(60))
                .thenState(s -> assertThat(s.positionOf(9)).isEqualTo(4));
    }

    @Test
    void R11_anUnansweredInvitationMovesTheRequestFivePlacesBack() {
        QueueEvent[] history = new QueueEvent[9];
        System.arraycopy(line(8), 0, history, 0, 8);
        history[8] = new QueueEvent.Offered(2, "ana", false, T + seconds(20));
        spec.given(history)
                .when(new QueueCommand.ApplyPenalty(2), T + seconds(320))
                .thenEvents(new QueueEvent.PenaltyApplied(2, 2, 7, T + seconds(320)))
                .thenState(s -> {
                    assertThat(s.positionOf(2)).isEqualTo(7);
                    assertThat(s.positionOf(8)).isEqualTo(8);
                    assertThat(s.line().isOffered(2)).isFalse();
                    assertThat(s.penaltiesApplied()).isEqualTo(1);
                });
    }

    @Test
    void R11_withFewerThanFiveBehindThePenaltyGoesToTheBack() {
        spec.given(line(3))
                .when(new QueueCommand.ApplyPenalty(2), T + seconds(320))
                .thenEvents(new QueueEvent.PenaltyApplied(2, 2, 3, T + seconds(320)))
                .thenState(s -> assertThat(s.line().requestAt(3)).isEqualTo(2));
    }

    @Test
    void R10_theHeadIsOfferedToTheMostSkilledAgentWithRoom() {
        QueueEvent[] history = {chat(1, T), chat(2, T + 1), agent("bo", 1, 4, true), agent("ana", 3, 4, true)};
        spec.given(history)
                .when(new QueueCommand.Route(), T + 5)
                .thenEvents(
                        new QueueEvent.Offered(1, "ana", false, T + 5), new QueueEvent.Offered(2, "ana", false, T + 5))
                .thenEffects(offer(1, "ana", false), offer(2, "ana", false))
                .thenState(s -> {
                    assertThat(s.line().isOffered(1)).isTrue();
                    assertThat(s.agent("ana").freeChatSlots()).isEqualTo(2);
                });
    }

    @Test
    void R2_chatsGoToTheLeastLoadedAgentAmongEquals() {
        QueueEvent[] history = {chat(1, T), agent("ana", 1, 2, false), agent("bo", 1, 4, true)};
        spec.given(history).when(new QueueCommand.Route(), T + 5).thenEffects(offer(1, "bo", false));
    }

    @Test
    void R2_voiceWaitsForAnIdleAgentWhileChatsBehindItAreServed() {
        QueueEvent[] history = {voice(1, T), chat(2, T + 1), agent("ana", 1, 3, false)};
        spec.given(history)
                .when(new QueueCommand.Route(), T + 5)
                .thenEvents(new QueueEvent.Offered(2, "ana", false, T + 5))
                .thenState(s -> assertThat(s.positionOf(1)).isEqualTo(1));
    }

    @Test
    void R2_aVoiceOfferTakesTheWholeAgent() {
        QueueEvent[] history = {voice(1, T), chat(2, T + 1), agent("ana", 1, 4, true)};
        spec.given(history)
                .when(new QueueCommand.Route(), T + 5)
                .thenEffects(offer(1, "ana", true))
                .thenState(s -> assertThat(s.agent("ana").canTake(false)).isFalse());
    }

    @Test
    void R9_anUnavailableCustomerKeepsThePlaceButIsSkipped() {
        QueueEvent[] history = {
            chat(1, T), chat(2, T + 1), new QueueEvent.AvailabilityChanged(1, false), agent("ana", 1, 1, false)
        };
        spec.given(history)
                .when(new QueueCommand.Route(), T + 5)
                .thenEffects(offer(2, "ana", false))
                .thenState(s -> assertThat(s.positionOf(1)).isEqualTo(1));
        QueueEvent[] back = {chat(1, T), new QueueEvent.AvailabilityChanged(1, false), agent("ana", 1, 1, false)};
        spec.given(back)
                .when(new QueueCommand.SetAvailability(1, true), T + 9)
                .thenEvents(new QueueEvent.AvailabilityChanged(1, true))
                .thenEffects(ROUTE);
    }

    @Test
    void anOfferedRequestIsNeverOfferedTwice() {
        QueueEvent[] history = {chat(1, T), agent("ana", 1, 4, true), new QueueEvent.Offered(1, "ana", false, T)};
        spec.given(history).when(new QueueCommand.Route(), T + 5).thenNothingHappens();
    }

    @Test
    void R2_aDeclinedOfferIsOfferedAgainElsewhereAndTheViewCorrected() {
        QueueEvent[] history = {
            chat(1, T), agent("ana", 2, 4, true), agent("bo", 1, 4, true), new QueueEvent.Offered(1, "ana", false, T)
        };
        spec.given(history)
                .when(
                        new QueueCommand.OfferDeclined(
                                1, new QueueCommand.AgentCapacity("ana", 2, 0, false, true, T + 1)),
                        T + 2)
                .thenEvents(
                        new QueueEvent.OfferWithdrawn(1),
                        new QueueEvent.AgentViewChanged("ana", 2, 0, false, true, T + 1))
                .thenEffects(ROUTE)
                .thenState(s -> {
                    assertThat(s.line().isOffered(1)).isFalse();
                    assertThat(s.agent("ana").canTake(false)).isFalse();
                });
    }

    @Test
    void R10_anEnteringRequestIsOfferedInTheSameDecisionWhenSomeAgentHasRoom() {
        spec.given()
                .when(new QueueCommand.Enqueue(1, Channel.CHAT, 0, T, false), T)
                .thenEvents(new QueueEvent.Enqueued(1, false, 0, T, T))
                .thenEffects(new Effect.Notify(new Notification.LineChanged(QUEUE, 1)));
        spec.given(agent("ana", 1, 4, true))
                .when(new QueueCommand.Enqueue(1, Channel.CHAT, 0, T, false), T)
                .thenEvents(new QueueEvent.Enqueued(1, false, 0, T, T), new QueueEvent.Offered(1, "ana", false, T))
                .thenEffects(new Effect.Notify(new Notification.LineChanged(QUEUE, 1)), offer(1, "ana", false))
                .thenState(s -> {
                    assertThat(s.line().isOffered(1)).isTrue();
                    assertThat(s.agent("ana").freeChatSlots()).isEqualTo(3);
                });
    }

    @Test
    void R10_anAgentReportingAFreeSlotIsOfferedTheHeadInTheSameDecision() {
        QueueEvent[] history = {chat(1, T), chat(2, T + 1), agent("ana", 1, 0, false)};
        spec.given(history)
                .when(new QueueCommand.AgentCapacity("ana", 1, 1, false, true, T + 7, 60_000), T + 7)
                .thenEvents(
                        new QueueEvent.AgentViewChanged("ana", 1, 1, false, true, T + 7, 60_000),
                        new QueueEvent.Offered(1, "ana", false, T + 7))
                .thenEffects(offer(1, "ana", false))
                .thenState(s -> {
                    assertThat(s.line().isOffered(1)).isTrue();
                    assertThat(s.line().isOffered(2)).isFalse();
                    assertThat(s.agent("ana").canTake(false)).isFalse();
                });
    }

    @Test
    void R2_R10_anAgentGoingOfflineIsOfferedNothing() {
        QueueEvent[] history = {chat(1, T), agent("ana", 1, 0, false)};
        spec.given(history)
                .when(new QueueCommand.AgentCapacity("ana", 1, 4, true, false, T + 7), T + 7)
                .thenEvents(new QueueEvent.AgentViewChanged("ana", 1, 4, true, false, T + 7));
    }

    /**
     * R2, R9, R10, R19: routing in the same decision (over the line as the decision's first event leaves
     * it) offers exactly what the previous protocol offered — the same event recorded alone, then a
     * {@code Route} decided over the evolved state — on random lines and agent views.
     */
    @Test
    void R10_routingInTheSameDecisionOffersWhatASeparateRouteWould() {
        QueueDecider decider = new QueueDecider(SETTINGS);
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261125L);
        int routed = 0;
        for (int round = 0; round < 3000; round++) {
            List<QueueEvent> history = randomHistory(random);
            // Settled, as every change routes: no eligible request fits an agent in view.
            history.addAll(accepted(decider.decide(
                            decider.evolveAll(decider.initialState(), history), new QueueCommand.Route(), T + 250))
                    .events());
            QueueCommand command = random.nextBoolean()
                    ? new QueueCommand.Enqueue(
                            1000 + round,
                            random.nextInt(4) == 0 ? Channel.VOICE : Channel.CHAT,
                            random.nextInt(3),
                            T + random.nextInt(200),
                            random.nextInt(5) == 0)
                    : new QueueCommand.AgentCapacity(
                            "a" + random.nextInt(5),
                            1 + random.nextInt(3),
                            random.nextInt(5),
                            random.nextBoolean(),
                            random.nextInt(5) != 0,
                            T + random.nextInt(200));
            long now = T + 300;
            Decision.Accepted<QueueEvent, QueueRejection> together =
                    accepted(decider.decide(decider.evolveAll(decider.initialState(), history), command, now));
            QueueState before = decider.evolveAll(decider.initialState(), history);
            // A report that repeats the queue's view records no event of its own (it would change nothing).
            boolean repeats = command instanceof QueueCommand.AgentCapacity c
                    && new AgentView(
                                    c.agentId(),
                                    c.skillLevel(),
                                    c.freeChatSlots(),
                                    c.idle(),
                                    c.online(),
                                    c.sinceMillis())
                            .equals(before.agent(c.agentId()));
            QueueEvent first = repeats ? null : together.event(0);
            QueueState evolved = repeats ? before : decider.evolve(before, first);
            Decision.Accepted<QueueEvent, QueueRejection> separate =
                    accepted(decider.decide(evolved, new QueueCommand.Route(), now));
            List<QueueEvent> expectedEvents = new ArrayList<>();
            if (first != null) {
                expectedEvents.add(first);
            }
            expectedEvents.addAll(separate.events());
            assertThat(together.events())
                    .as("round %d: %s after %s", round, command, history)
                    .isEqualTo(expectedEvents);
            List<Effect> offers = new ArrayList<>();
            together.effects().stream().filter(e -> e instanceof Effect.ToAgent).forEach(offers::add);
            assertThat(offers).isEqualTo(separate.effects());
            routed += separate.eventCount() > 0 ? 1 : 0;
        }
        assertThat(routed).as("rounds in which something was offered").isGreaterThan(300);
    }

    private static Decision.Accepted<QueueEvent, QueueRejection> accepted(Decision<QueueEvent, QueueRejection> d) {
        assertThat(d).isInstanceOf(Decision.Accepted.class);
        return (Decision.Accepted<QueueEvent, QueueRejection>) d;
    }

    /** A random line (chats and voice, two classes, some stepped away, some offered) and agent views. */
    private static List<QueueEvent> randomHistory(java.util.SplittableRandom random) {
        List<QueueEvent> history = new ArrayList<>();
        int agents = random.nextInt(5);
        for (int a = 0; a < agents; a++) {
            int free = random.nextInt(5);
            history.add(new QueueEvent.AgentViewChanged(
                    "a" + a,
                    1 + random.nextInt(3),
                    free,
                    free == 4 && random.nextBoolean(),
                    random.nextInt(4) != 0,
                    T + random.nextInt(100)));
        }
        int requests = random.nextInt(12);
        for (int r = 1; r <= requests; r++) {
            long at = T + random.nextInt(200);
            history.add(new QueueEvent.Enqueued(r, random.nextInt(4) == 0, random.nextInt(2), at, at));
            int fate = random.nextInt(6);
            if (fate == 0) {
                history.add(new QueueEvent.AvailabilityChanged(r, false));
            } else if (fate == 1 && agents > 0) {
                history.add(new QueueEvent.Offered(r, "a" + random.nextInt(agents), false, at));
            }
        }
        return history;
    }

    @Test
    void R8_removalTellsWhoMovedUpAndLateRemovalsChangeNothing() {
        spec.given(line(3))
                .when(new QueueCommand.Remove(2, LineExit.LEFT), T + 50)
                .thenEvents(new QueueEvent.Removed(2, LineExit.LEFT, 2, T + 50))
                .thenEffects(new Effect.Notify(new Notification.LineChanged(QUEUE, 2)))
                .thenState(s -> assertThat(s.positionOf(3)).isEqualTo(2));
        spec.given(line(3)).when(new QueueCommand.Remove(99, LineExit.LEFT), T).thenNothingHappens();
    }

    @Test
    void R8_theEtaFollowsTheObservedServiceRate() {
        List<QueueEvent> history = new ArrayList<>(List.of(line(10)));
        for (int i = 1; i <= 6; i++) {
            history.add(new QueueEvent.Removed(i, LineExit.SERVED, 1, T + seconds(60L * i)));
        }
        QueueState state = spec.given(history.toArray(QueueEvent[]::new)).state();
        assertThat(state.meanServiceIntervalMillis()).isEqualTo(60_000.0);
        assertThat(state.etaMillis(9, new ThroughputEtaPredictor())).isEqualTo(3 * 60_000L);
        assertThat(state.etaMillis(1, new ThroughputEtaPredictor())).isEqualTo(-1);
    }

    @Test
    void R8_beforeAnyServiceTheEtaAssumesTheDefaultHandleTimeSharedByTheAgentsOnline() {
        QueueState state = spec.given(chat(1, T), chat(2, T), agent("ana", 1, 0, false), agent("bo", 1, 0, false))
                .state();
        assertThat(state.etaMillis(2, new ThroughputEtaPredictor()))
                .isEqualTo(2 * QueueSettings.DEFAULT_HANDLE_MILLIS / 2);
    }

    @Test
    void R8_theQueueLearnsHandleTimesFromTheCapacityReportThatFollowsAClose() {
        spec.given(agent("ana", 1, 0, false))
                .when(new QueueCommand.AgentCapacity("ana", 1, 1, false, true, T + 9, seconds(90)), T + 9)
                .thenEvents(new QueueEvent.AgentViewChanged("ana", 1, 1, false, true, T + 9, seconds(90)))
                .thenState(s -> {
                    assertThat(s.handleObservations()).isEqualTo(1);
                    assertThat(s.meanHandleMillis()).isEqualTo(seconds(90));
                });
        QueueState reportsWithout = spec.given(agent("ana", 1, 4, true)).state();
        assertThat(reportsWithout.handleObservations()).isZero();
        assertThat(reportsWithout.meanHandleMillis()).isEqualTo(SETTINGS.defaultHandleMillis());
        assertThat(spec.given()
                        .when(new QueueCommand.AgentCapacity("ana", 1, 1, false, true, T, -1), T)
                        .thenRejected()
                        .code())
                .isEqualTo(QueueRejection.Code.INVALID_COMMAND);
    }

    @Test
    void R2_theQueueLearnsEachAgentsChatLimitFromItsIdleReportAndCountsFreeSlots() {
        QueueState state = spec.given(
                        agent("ana", 1, 4, true),
                        agent("bo", 1, 2, true),
                        agent("bo", 1, 0, false),
                        new QueueEvent.AgentViewChanged("cy", 1, 3, true, false, T))
                .state();
        assertThat(state.agentsOnline()).isEqualTo(2);
        assertThat(state.chatSlotsOnline()).as("4 + 2; cy is offline").isEqualTo(6);
        assertThat(state.freeChatSlots()).isEqualTo(4);
        assertThat(state.idleAgentsOnline()).isEqualTo(1);
    }

    @Test
    void R8_R11_theQueueRecordsWaitsPlacesAcceptanceDelaysAndPenaltyPlaces() {
        QueueState state = spec.given(
                        chat(1, T),
                        chat(2, T + seconds(10)),
                        chat(3, T + seconds(20)),
                        new QueueEvent.Offered(2, "ana", false, T + seconds(30)),
                        new QueueEvent.PenaltyApplied(2, 2, 3, T + seconds(330)),
                        new QueueEvent.Offered(2, "ana", false, T + seconds(400)),
                        new QueueEvent.Removed(2, LineExit.SERVED, 3, T + seconds(425)))
                .state();
        assertThat(state.lastServedWaitMillis()).isEqualTo(seconds(415));
        assertThat(state.lastServedPlaces()).as("entered at 2, moved back 1").isEqualTo(3);
        assertThat(state.meanAcceptDelayMillis()).as("from its last offer").isEqualTo(seconds(25));
        assertThat(state.offersMade()).isEqualTo(2);
        assertThat(state.offeredCount()).isZero();
        assertThat(state.headEnteredAtMillis()).isEqualTo(T);
        assertThat(state.headPlaces()).isEqualTo(1);
    }

    @Test
    void R13_theQueueCountsUnservedExitsAndTheTimeSpentWaiting() {
        QueueState state = spec.given(
                        chat(1, T),
                        chat(2, T + seconds(10)),
                        new QueueEvent.Removed(1, LineExit.LEFT, 1, T + seconds(30)),
                        new QueueEvent.Removed(2, LineExit.EXPIRED, 1, T + seconds(40)))
                .state();
        assertThat(state.abandonments()).isEqualTo(2);
        assertThat(state.waitingExposureMillis())
                .as("request 1 waited 30 s, request 2 waited 30 s")
                .isEqualTo(seconds(60));
        assertThat(state.waitingCount()).isZero();
    }

    @Test
    void R2_R4_aCapacityReportThatRepeatsTheQueuesViewRecordsNothingButStillRoutes() {
        QueueEvent[] history = {chat(1, T), agent("ana", 1, 4, true), new QueueEvent.Offered(1, "ana", false, T)};
        AgentView held = spec.given(history).state().agent("ana");
        spec.given(history)
                .when(
                        new QueueCommand.AgentCapacity(
                                "ana", held.skillLevel(), held.freeChatSlots(), held.idle(), true, held.sinceMillis()),
                        T + 5)
                .thenNothingHappens();
        // The same view while an eligible request waits (request 1 stepped away, R9): the offer is
        // made as a changed view would make it, without the view's event.
        QueueEvent[] withdrawn = {
            chat(1, T), chat(2, T + 1), agent("ana", 1, 4, true), new QueueEvent.AvailabilityChanged(1, false)
        };
        spec.given(withdrawn)
                .when(new QueueCommand.AgentCapacity("ana", 1, 4, true, true, T), T + 5)
                .thenEvents(new QueueEvent.Offered(2, "ana", false, T + 5))
                .thenEffects(offer(2, "ana", false));
        // A handle time, or any field that differs, is recorded as before (R8).
        spec.given(history)
                .when(
                        new QueueCommand.AgentCapacity(
                                "ana",
                                held.skillLevel(),
                                held.freeChatSlots(),
                                held.idle(),
                                true,
                                held.sinceMillis(),
                                seconds(90)),
                        T + 5)
                .thenEvents(new QueueEvent.AgentViewChanged(
                        "ana",
                        held.skillLevel(),
                        held.freeChatSlots(),
                        held.idle(),
                        true,
                        held.sinceMillis(),
                        seconds(90)))
                .thenState(s -> assertThat(s.handleObservations()).isEqualTo(1));
        spec.given(history)
                .when(new QueueCommand.AgentCapacity("ana", 1, 4, true, true, T + 5), T + 5)
                .thenEvents(new QueueEvent.AgentViewChanged("ana", 1, 4, true, true, T + 5));
    }

    // ---- recovery: a recovered queue asks every request in its line (whether an offer arrived, or that it waits) ----

    @Test
    void R10_R11_R14_aRecoveredQueueAsksEveryRequestInItsLineInLineOrderOfferedOrNotAndChangesNothing() {
        QueueDecider decider = new QueueDecider(SETTINGS);
        QueueState state = spec.given(
                        chat(1, T),
                        chat(2, T + 1),
                        chat(3, T + 2),
                        chat(4, T + 3),
                        agent("ana", 2, 4, true),
                        agent("bo", 1, 4, true),
                        new QueueEvent.Offered(3, "bo", false, T + 4),
                        new QueueEvent.Offered(1, "ana", false, T + 4),
                        new QueueEvent.Offered(2, "ana", false, T + 4),
                        new QueueEvent.OfferWithdrawn(2))
                .state();
        View before = View.of(state);
        assertThat(decider.resendOnRecovery(state))
                .containsExactly(
                        new Effect.ToRequest(1, new RequestCommand.ConfirmOffer(1, QUEUE)),
                        new Effect.ToRequest(2, new RequestCommand.ConfirmQueued(2, QUEUE)),
                        new Effect.ToRequest(3, new RequestCommand.ConfirmOffer(3, QUEUE)),
                        new Effect.ToRequest(4, new RequestCommand.ConfirmQueued(4, QUEUE)));
        assertThat(View.of(state)).as("asking reads only").isEqualTo(before);
    }

    @Test
    void R10_aRecoveredQueueAsksNobodyWhenItsLineIsEmpty() {
        QueueDecider decider = new QueueDecider(SETTINGS);
        assertThat(decider.resendOnRecovery(spec.given().state())).isEmpty();
        assertThat(decider.resendOnRecovery(spec.given(
                                chat(1, T),
                                agent("ana", 1, 4, true),
                                new QueueEvent.Offered(1, "ana", false, T),
                                new QueueEvent.Removed(1, LineExit.SERVED, 1, T + 9))
                        .state()))
                .as("a request that left the line is not asked")
                .isEmpty();
    }

    @Test
    void R10_anOfferGivenBackIsWithdrawnAndOfferedAgainWhileAStaleOneChangesNothing() {
        QueueEvent[] offered = {chat(1, T), agent("ana", 1, 4, true), new QueueEvent.Offered(1, "ana", false, T)};
        spec.given(offered)
                .when(new QueueCommand.OfferReturned(1), T + 5)
                .thenEvents(new QueueEvent.OfferWithdrawn(1))
                .thenEffects(ROUTE)
                .thenState(s -> {
                    assertThat(s.line().isOffered(1)).isFalse();
                    assertThat(s.offeredCount()).isZero();
                    assertThat(s.positionOf(1)).as("R8: it keeps its place").isEqualTo(1);
                });
        QueueEvent[] returned = {
            chat(1, T),
            agent("ana", 1, 4, true),
            new QueueEvent.Offered(1, "ana", false, T),
            new QueueEvent.OfferWithdrawn(1)
        };
        spec.given(returned)
                .when(new QueueCommand.Route(), T + 6)
                .thenEvents(new QueueEvent.Offered(1, "ana", false, T + 6))
                .thenEffects(offer(1, "ana", false))
                .thenState(s -> assertThat(s.offeredCount()).isEqualTo(1));
        spec.given(returned).when(new QueueCommand.OfferReturned(1), T + 6).thenNothingHappens();
        spec.given(line(2)).when(new QueueCommand.OfferReturned(1), T + 6).thenNothingHappens();
        spec.given().when(new QueueCommand.OfferReturned(9), T + 6).thenNothingHappens();
    }

    @Test
    void enteringTwiceIsRejected() {
        assertThat(spec.given(line(1))
                        .when(new QueueCommand.Enqueue(1, Channel.CHAT, 0, T, false), T)
                        .thenRejected()
                        .code())
                .isEqualTo(QueueRejection.Code.ALREADY_IN_LINE);
    }
}
