package dev.fila.engine.domain.eta;

import static dev.fila.engine.domain.Fixtures.SETTINGS;
import static dev.fila.engine.domain.Fixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R8: each predictor on queue states built by folding the queue's own events, the way the queue learns
 * them: lines entered, agents' capacity reports (with handle times after a close), offers, services,
 * abandonments.
 */
class EtaPredictorsTest {

    private static final long T = 1_800_000_000_000L;
    private static final QueueDecider QUEUE = new QueueDecider(SETTINGS);

    private static QueueState fold(List<QueueEvent> events) {
        return QUEUE.evolveAll(QUEUE.initialState(), events);
    }

    private static QueueEvent chat(long id, long at) {
        return new QueueEvent.Enqueued(id, false, 0, at, at);
    }

    private static QueueEvent voice(long id, long at) {
        return new QueueEvent.Enqueued(id, true, 0, at, at);
    }

    /** An agent's report: {@code free} chat slots, idle or not, online. */
    private static QueueEvent agent(String id, int free, boolean idle) {
        return new QueueEvent.AgentViewChanged(id, 1, free, idle, true, T);
    }

    private static QueueEvent closed(String agentId, long handledMillis) {
        return new QueueEvent.AgentViewChanged(agentId, 1, 0, false, true, T, handledMillis);
    }

    /** {@code n} chats entered ten seconds apart from {@code firstId}. */
    private static List<QueueEvent> chats(long firstId, int n, long from) {
        List<QueueEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(chat(firstId + i, from + seconds(10L * i)));
        }
        return events;
    }

    /** {@code agents} agents with {@code chats} slots each, learnt from an idle report, now all busy. */
    private static List<QueueEvent> busyAgents(int agents, int chats) {
        List<QueueEvent> events = new ArrayList<>();
        for (int a = 1; a <= agents; a++) {
            events.add(agent("a" + a, chats, true));
            events.add(agent("a" + a, 0, false));
        }
        return events;
    }

    // ---------------------------------------------------------------- queue-length

    @Test
    void R8_queueLengthIsPositionTimesTheObservedMeanHandleTimeOverTheAgentsOnline() {
        List<QueueEvent> events = new ArrayList<>(chats(1, 10, T));
        events.addAll(busyAgents(4, 1));
        events.add(closed("a1", seconds(120)));
        events.add(closed("a2", seconds(240)));
        QueueState state = fold(events);
        assertThat(state.meanHandleMillis()).isEqualTo(seconds(180));
        assertThat(new QueueLengthEtaPredictor().predictWaitMillis(state, 8, T)).isEqualTo(8 * seconds(180) / 4);
    }

    @Test
    void R8_queueLengthUsesTheDefaultHandleTimeBeforeAnyCloseAndOneAgentWhenNoneIsOnline() {
        QueueState state = fold(chats(1, 3, T));
        assertThat(new QueueLengthEtaPredictor().predictWaitMillis(state, 3, T))
                .isEqualTo(3 * SETTINGS.defaultHandleMillis());
    }

    // ---------------------------------------------------------------- head-of-line

    @Test
    void R8_headOfLineScalesTheHeadsWaitByThePlacesStillToGoOverThePlacesItAdvanced() {
        List<QueueEvent> events = new ArrayList<>(chats(1, 6, T));
        for (long id = 1; id <= 3; id++) {
            events.add(new QueueEvent.Removed(id, LineExit.SERVED, 1, T + seconds(60)));
        }
        QueueState state = fold(events);
        // the head (request 4) entered at T + 30 s at position 4 and has waited 60 s at T + 90 s
        long now = T + seconds(90);
        HeadOfLineEtaPredictor hol = new HeadOfLineEtaPredictor();
        assertThat(hol.predictWaitMillis(state, 3, now)).isEqualTo(3 * seconds(60) / 4);
        assertThat(hol.predictWaitMillis(state, 4, now))
                .as("where the head stood when it entered: the classical HOL, its elapsed wait")
                .isEqualTo(seconds(60));
    }

    @Test
    void R8_R9_headOfLinePassesOverAStepAwayHeadToTheNextToBeServed() {
        List<QueueEvent> events = new ArrayList<>(chats(1, 6, T));
        for (long id = 1; id <= 3; id++) {
            events.add(new QueueEvent.Removed(id, LineExit.SERVED, 1, T + seconds(60)));
        }
        events.add(new QueueEvent.AvailabilityChanged(4, false));
        QueueState state = fold(events);
        // request 5 entered at T + 40 s at position 5: 50 s waited at T + 90 s
        assertThat(new HeadOfLineEtaPredictor().predictWaitMillis(state, 3, T + seconds(90)))
                .isEqualTo(3 * seconds(50) / 5);
    }

    @Test
    void R8_headOfLineOfAnEmptyLineIsZero() {
        assertThat(new HeadOfLineEtaPredictor().predictWaitMillis(fold(List.of()), 1, T))
                .isZero();
    }

    // ---------------------------------------------------------------- last-to-enter-service

    @Test
    void R8_lastToEnterServiceScalesTheLastServedWaitByPlaces() {
        List<QueueEvent> events = new ArrayList<>(chats(1, 6, T));
        events.add(new QueueEvent.Removed(1, LineExit.LEFT, 1, T + seconds(5)));
        events.add(new QueueEvent.Removed(2, LineExit.SERVED, 1, T + seconds(60)));
        QueueState state = fold(events);
        // request 2 entered at T + 10 s at position 2 and was served 50 s later
        LastToEnterServiceEtaPredictor les = new LastToEnterServiceEtaPredictor();
        assertThat(les.predictWaitMillis(state, 4, T + seconds(60))).isEqualTo(4 * seconds(50) / 2);
        assertThat(les.predictWaitMillis(state, 2, T + seconds(60))).isEqualTo(seconds(50));
    }

    @Test
    void R8_R11_lastToEnterServiceCountsPenaltyPlacesAsPlacesAdvanced() {
        List<QueueEvent> events = new ArrayList<>(chats(1, 6, T));
        events.add(new QueueEvent.Offered(1, "ana", false, T + seconds(60)));
        events.add(new QueueEvent.PenaltyApplied(1, 1, 6, T + seconds(360)));
        events.add(new QueueEvent.Removed(1, LineExit.SERVED, 1, T + seconds(600)));
        QueueState state = fold(events);
        assertThat(state.lastServedPlaces()).isEqualTo(1 + 5);
        assertThat(new LastToEnterServiceEtaPredictor().predictWaitMillis(state, 3, T + seconds(600)))
                .isEqualTo(3 * seconds(600) / 6);
    }

    @Test
    void R8_lastToEnterServiceBeforeAnyServiceIsZero() {
        assertThat(new LastToEnterServiceEtaPredictor().predictWaitMillis(fold(chats(1, 3, T)), 3, T))
                .isZero();
    }

    // ---------------------------------------------------------------- Fila's

    /** Ten chats waiting; 2 agents of 2 chats each, all busy; five closes of 120 s observed. */
    private static List<QueueEvent> saturatedChatDesk() {
        List<QueueEvent> events = new ArrayList<>(chats(1, 10, T));
        events.addAll(busyAgents(2, 2));
        for (int i = 0; i < 5; i++) {
            events.add(closed("a1", seconds(120)));
        }
        return events;
    }

    @Test
    void R8_R2_filaCountsTheChatSlotsOfTheAgentsOnlineAndTheReleasesAhead() {
        QueueState state = fold(saturatedChatDesk());
        assertThat(state.chatSlotsOnline()).isEqualTo(4);
        // 4 slots each held 120 s: one release every 30 s; position 5 waits for 5 releases
        assertThat(new FilaEtaPredictor().predictWaitMillis(state, 5, T)).isEqualTo(5 * seconds(30));
        assertThat(new QueueLengthEtaPredictor().predictWaitMillis(state, 5, T))
                .as("queue-length ignores the second chat of each agent")
                .isEqualTo(5 * seconds(120) / 2);
    }

    @Test
    void R8_R2_filaFollowsTheStaffingOnlineNow() {
        List<QueueEvent> events = saturatedChatDesk();
        events.addAll(busyAgents(4, 2).subList(4, 8)); // a3 and a4 come online, busy
        QueueState doubled = fold(events);
        assertThat(new FilaEtaPredictor().predictWaitMillis(doubled, 5, T)).isEqualTo(5 * seconds(15));
        events.add(new QueueEvent.AgentViewChanged("a4", 1, 0, false, false, T));
        QueueState oneLeft = fold(events);
        assertThat(new FilaEtaPredictor().predictWaitMillis(oneLeft, 5, T)).isEqualTo(5 * seconds(20));
    }

    @Test
    void R8_R2_filaPredictsOnlyTheAcceptanceWhenAFreeSlotAwaitsTheRequest() {
        List<QueueEvent> events = new ArrayList<>(chats(1, 2, T));
        events.add(agent("ana", 4, true));
        assertThat(new FilaEtaPredictor().predictWaitMillis(fold(events), 2, T)).isZero();
    }

    @Test
    void R8_R2_aVoiceRequestNeedsAWholeAgent() {
        List<QueueEvent> events = new ArrayList<>(List.of(voice(1, T), voice(2, T)));
        events.addAll(busyAgents(2, 2));
        for (int i = 0; i < 5; i++) {
            events.add(closed("a1", seconds(120)));
        }
        // 2 agents, one call each for 120 s: a release every 60 s
        assertThat(new FilaEtaPredictor().predictWaitMillis(fold(events), 2, T)).isEqualTo(2 * seconds(60));
    }

    @Test
    void R8_R9_filaDoesNotCountSteppedAwayCustomersAheadAsTakingASlot() {
        List<QueueEvent> events = saturatedChatDesk();
        events.add(new QueueEvent.AvailabilityChanged(2, false));
        events.add(new QueueEvent.AvailabilityChanged(3, false));
        assertThat(new FilaEtaPredictor().predictWaitMillis(fold(events), 5, T)).isEqualTo(3 * seconds(30));
    }

    @Test
    void R8_R11_filaAddsTheObservedAcceptanceDelayAndTheSlotTimeLostToExpiredInvitations() {
        List<QueueEvent> events = saturatedChatDesk();
        events.addAll(chats(101, 6, T));
        for (long id = 101; id <= 105; id++) {
            events.add(new QueueEvent.Offered(id, "a1", false, T + seconds(100)));
            events.add(new QueueEvent.Removed(id, LineExit.SERVED, 11, T + seconds(120)));
        }
        events.add(new QueueEvent.Offered(106, "a1", false, T + seconds(100)));
        events.add(new QueueEvent.PenaltyApplied(106, 11, 11, T + seconds(400)));
        QueueState state = fold(events);
        assertThat(state.meanAcceptDelayMillis()).isEqualTo(seconds(20));
        // a slot is held 120 s handling + 20 s inviting + 1/5 of a 300 s timeout = 200 s: 4 slots, 50 s each
        double cycle = seconds(120) + seconds(20) + SETTINGS.acceptTimeoutMillis() / 5.0;
        assertThat(new FilaEtaPredictor().predictWaitMillis(state, 5, T))
                .isEqualTo(Math.round(5 * cycle / 4 + seconds(20)));
    }

    @Test
    void R8_R13_filaExpectsSomeOfThoseAheadToLeaveAtTheObservedHazard() {
        List<QueueEvent> events = saturatedChatDesk();
        events.addAll(chats(101, 5, T));
        for (long id = 101; id <= 105; id++) {
            events.add(new QueueEvent.Removed(id, LineExit.LEFT, 11, T + seconds(600)));
        }
        QueueState state = fold(events);
        double hazard = state.abandonments() / state.waitingExposureMillis();
        assertThat(hazard).isPositive();
        double rate = 4 / (double) seconds(120);
        long expected = Math.round(Math.log1p(hazard * 4 / rate) / hazard + 1 / rate);
        long predicted = new FilaEtaPredictor().predictWaitMillis(state, 5, T);
        assertThat(predicted).isEqualTo(expected).isLessThan(5 * seconds(30));
    }

    @Test
    void R8_everyStandardPredictorIsPureAndNeverNegative() {
        QueueState state = fold(saturatedChatDesk());
        for (EtaPredictor predictor : EtaPredictors.standard()) {
            for (int position = 0; position <= state.waitingCount(); position++) {
                long first = predictor.predictWaitMillis(state, position, T + seconds(30));
                assertThat(first).as(predictor.name()).isNotNegative();
                assertThat(predictor.predictWaitMillis(state, position, T + seconds(30)))
                        .isEqualTo(first);
            }
        }
        assertThat(EtaPredictors.standard())
                .extracting(EtaPredictor::name)
                .containsExactly("throughput", "queue-length", "head-of-line", "last-to-enter-service", "fila")
                .doesNotHaveDuplicates();
    }
}
