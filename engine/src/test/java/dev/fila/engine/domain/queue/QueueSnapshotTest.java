package dev.fila.engine.domain.queue;

import static dev.fila.engine.domain.Fixtures.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The snapshot form of a queue's state: a 100,000-place line taken and rebuilt without insertions. */
class QueueSnapshotTest {

    private static final int PLACES = 100_000;

    /** A line of mixed classes, channels and flags, with penalties and departures on the way (R9, R11, R19). */
    private static QueueState busyQueue(int places, long seed) {
        QueueDecider decider = new QueueDecider(SETTINGS);
        QueueState state = decider.initialState();
        SplittableRandom random = new SplittableRandom(seed);
        long t = 1_800_000_000_000L;
        for (long id = 1; id <= places; id++) {
            t += random.nextInt(1_000);
            decider.evolve(
                    state, new QueueEvent.Enqueued(id, random.nextInt(4) == 0, random.nextInt(3), t - 90_000, t));
            if (random.nextInt(10) == 0) {
                decider.evolve(state, new QueueEvent.AvailabilityChanged(id, false));
            }
        }
        for (int i = 0; i < places / 20; i++) {
            long id = 1 + random.nextInt(places);
            if (!state.line().contains(id)) {
                continue;
            }
            int from = state.positionOf(id);
            switch (random.nextInt(3)) {
                case 0 -> decider.evolve(state, new QueueEvent.Offered(id, "ana", false, t + i));
                case 1 -> {
                    decider.evolve(state, new QueueEvent.Offered(id, "ana", false, t + i));
                    decider.evolve(state, new QueueEvent.PenaltyApplied(id, from, from + 5, t + i));
                }
                default -> decider.evolve(state, new QueueEvent.Removed(id, LineExit.SERVED, from, t + i));
            }
        }
        return state;
    }

    @Test
    void R8_R11_R19_aHundredThousandPlaceLineIsRebuiltInOrderWithTheSameTreeAndFacts() {
        QueueState state = busyQueue(PLACES, 7);

        long takeStart = System.nanoTime();
        QueueSnapshot snapshot = state.toSnapshot();
        long takeNanos = System.nanoTime() - takeStart;
        long rebuildStart = System.nanoTime();
        QueueState rebuilt = QueueState.fromSnapshot(SETTINGS, snapshot);
        long rebuildNanos = System.nanoTime() - rebuildStart;
        System.out.printf(
                "queue snapshot of %,d places: taken in %.1f ms, rebuilt in %.1f ms%n",
                snapshot.places().size(), takeNanos / 1e6, rebuildNanos / 1e6);

        assertThat(snapshot.places().size()).isEqualTo(state.waitingCount());
        assertThat(rebuilt.line().height()).isEqualTo(state.line().height());
        assertThat(rebuilt.toSnapshot()).isEqualTo(snapshot);
        SplittableRandom probe = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            int position = 1 + probe.nextInt(state.waitingCount());
            long id = state.line().requestAt(position);
            assertThat(rebuilt.line().requestAt(position)).isEqualTo(id);
            assertThat(rebuilt.positionOf(id)).isEqualTo(position);
            assertThat(rebuilt.eligibleAhead(position)).isEqualTo(state.eligibleAhead(position));
        }
        assertThat(rebuilt.headPlaces()).isEqualTo(state.headPlaces());
        assertThat(rebuilt.headEnteredAtMillis()).isEqualTo(state.headEnteredAtMillis());
    }

    @Test
    void aRebuiltLineDrawsTheSameHeapPrioritiesAsTheOriginalSoLaterOperationsGiveTheSameTree() {
        QueueState state = busyQueue(2_000, 3);
        QueueState rebuilt = QueueState.fromSnapshot(SETTINGS, state.toSnapshot());
        QueueDecider decider = new QueueDecider(SETTINGS);
        for (long id = 10_001; id <= 10_500; id++) {
            QueueEvent enqueued = new QueueEvent.Enqueued(id, false, (int) (id % 3), 1_900_000_000_000L - id, 0);
            decider.evolve(state, enqueued);
            decider.evolve(rebuilt, enqueued);
        }
        assertThat(rebuilt.line().height()).isEqualTo(state.line().height());
        assertThat(rebuilt.toSnapshot()).isEqualTo(state.toSnapshot());
    }

    @Test
    void aSnapshotWhoseLineIsOutOfKeyOrderIsRefused() {
        QueueState state = busyQueue(3, 1);
        QueueSnapshot.Places places = state.toSnapshot().places();
        long[] times = places.sortTimesMillis();
        int[] classes = new int[] {0, 0, 0};
        times = new long[] {times[0] + 10, times[0], times[0] + 20};
        QueueSnapshot.Places shuffled = new QueueSnapshot.Places(
                places.requestIds(),
                classes,
                times,
                places.exclusive(),
                places.available(),
                places.offered(),
                places.heapPriorities(),
                places.nextPriorityState(),
                places.enteredAtMillis(),
                places.offeredAtMillis(),
                places.placesToAdvance());
        QueueSnapshot broken = new QueueSnapshot(
                shuffled, List.of(), java.util.Map.of(), state.toSnapshot().figures());

        assertThatThrownBy(() -> QueueState.fromSnapshot(SETTINGS, broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key order");
    }
}
