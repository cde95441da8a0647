package dev.fila.engine.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.AgentView;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueRejection;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueSnapshot;
import dev.fila.engine.domain.queue.QueueState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * A queue rebuilt from its snapshot is indistinguishable from the queue it was taken of: driven on by
 * the same commands, both decide the same (events, effects, rejections with their codes), show the
 * same line (R8: positions and ETAs as the live engine reports them), the same agent views (R2) and
 * the same figures, and finally take equal snapshots (heap priorities included, so even the line's
 * tree shape agrees).
 */
class QueueSnapshotProperties {

    private static final long START_MILLIS = 1_800_000_000_000L;

    private static final QueueSettings SETTINGS =
            QueueSettings.defaults("support", ZoneOffset.UTC).withCalendar(BusinessCalendar.alwaysOpen(ZoneOffset.UTC));

    private final QueueDecider decider = new QueueDecider(SETTINGS);

    /** One command and how far the clock moves before it. */
    record Step(long advanceMillis, QueueCommand command) {}

    @Property(tries = 500)
    void R8_R2_R11_aQueueRebuiltFromItsSnapshotDecidesAndReportsAsTheOriginal(
            @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 200) int cutAt) {
        int cut = Math.min(cutAt, steps.size());
        QueueState original = decider.initialState();
        long now = START_MILLIS;
        for (Step step : steps.subList(0, cut)) {
            now += step.advanceMillis();
            apply(original, decider.decide(original, step.command(), now));
        }

        QueueSnapshot snapshot = original.toSnapshot();
        QueueState rebuilt = QueueState.fromSnapshot(SETTINGS, snapshot);
        assertThat(rebuilt.toSnapshot()).isEqualTo(snapshot);
        assertSameQueue(rebuilt, original, now);

        for (Step step : steps.subList(cut, steps.size())) {
            now += step.advanceMillis();
            Decision<QueueEvent, QueueRejection> expected = decider.decide(original, step.command(), now);
            Decision<QueueEvent, QueueRejection> actual = decider.decide(rebuilt, step.command(), now);
            assertThat(actual).as("decision on %s", step.command()).isEqualTo(expected);
            apply(original, expected);
            apply(rebuilt, actual);
            assertSameQueue(rebuilt, original, now);
        }
        assertThat(rebuilt.toSnapshot()).isEqualTo(original.toSnapshot());
    }

    private void apply(QueueState state, Decision<QueueEvent, QueueRejection> decision) {
        if (decision instanceof Decision.Accepted<QueueEvent, QueueRejection> accepted) {
            for (QueueEvent event : accepted.events()) {
                decider.evolve(state, event);
            }
        }
    }

    private static void assertSameQueue(QueueState actual, QueueState expected, long nowMillis) {
        assertThat(QueueEntity.line(actual, nowMillis)).isEqualTo(QueueEntity.line(expected, nowMillis));
        assertThat(agentsOf(actual)).isEqualTo(agentsOf(expected));
        assertThat(figuresOf(actual)).isEqualTo(figuresOf(expected));
        assertThat(actual.toSnapshot()).isEqualTo(expected.toSnapshot());
    }

    private static List<AgentView> agentsOf(QueueState state) {
        List<AgentView> views = new ArrayList<>();
        state.agentViews().forEach(views::add);
        return views;
    }

    /** Every figure the ETA predictors read, the derived agent counts included. */
    private static List<Object> figuresOf(QueueState s) {
        return List.of(
                s.waitingCount(),
                s.agentsOnline(),
                s.servedCount(),
                s.meanServiceIntervalMillis(),
                s.penaltiesApplied(),
                s.handleObservations(),
                s.meanHandleMillis(),
                s.chatSlotsOnline(),
                s.freeChatSlots(),
                s.idleAgentsOnline(),
                s.eligibleCount(),
                s.offeredCount(),
                s.offersMade(),
                s.meanAcceptDelayMillis(),
                s.abandonments(),
                s.waitingExposureMillis(),
                s.lastServedWaitMillis(),
                s.lastServedPlaces(),
                s.headEnteredAtMillis(),
                s.headPlaces(),
                s.lastChangeMillis());
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> ids = Arbitraries.longs().between(1, 12);
        Arbitrary<String> agents = Arbitraries.of("ana", "bo", "cy");
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        Arbitrary<QueueCommand> enqueue = Combinators.combine(
                        ids,
                        Arbitraries.of(Channel.values()),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(-120_000, 0),
                        flags)
                .as((id, channel, priority, shift, renewal) ->
                        new QueueCommand.Enqueue(id, channel, priority, START_MILLIS + shift, renewal));
        Arbitrary<QueueCommand.AgentCapacity> capacity = Combinators.combine(
                        agents,
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 3),
                        flags,
                        Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))),
                        Arbitraries.longs().between(0, 600_000),
                        Arbitraries.longs().between(0, 900_000))
                .as((agent, skill, free, idle, online, since, handled) -> new QueueCommand.AgentCapacity(
                        agent, skill, free, idle, online, START_MILLIS + since, handled));
        Arbitrary<QueueCommand> command = Arbitraries.frequencyOf(
                Tuple.of(6, enqueue),
                Tuple.of(2, Combinators.combine(ids, flags).as(QueueCommand.SetAvailability::new)),
                Tuple.of(
                        3,
                        Combinators.combine(ids, Arbitraries.of(LineExit.values()))
                                .as(QueueCommand.Remove::new)),
                Tuple.of(2, ids.map(QueueCommand.ApplyPenalty::new)),
                Tuple.of(2, ids.map(QueueCommand.OfferReturned::new)),
                Tuple.of(4, capacity.map(c -> (QueueCommand) c)),
                Tuple.of(2, Combinators.combine(ids, capacity).as(QueueCommand.OfferDeclined::new)),
                Tuple.of(3, Arbitraries.just(new QueueCommand.Route())));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.longs().between(0, 60_000), command)
                .as(Step::new);
        return step.list().ofMaxSize(120);
    }
}
