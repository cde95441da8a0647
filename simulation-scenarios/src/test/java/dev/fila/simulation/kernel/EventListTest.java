package dev.fila.simulation.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventListTest {

    private static List<Long> drain(EventList list) {
        List<Long> targets = new ArrayList<>();
        int slot;
        while ((slot = list.pop()) >= 0) {
            targets.add(list.target(slot));
            list.release(slot);
        }
        return targets;
    }

    @Test
    void popsInTimestampOrder() {
        EventList list = new EventList(0, 4);
        list.schedule(30, (byte) 1, 3, 0, null);
        list.schedule(10, (byte) 1, 1, 0, null);
        list.schedule(20, (byte) 1, 2, 0, null);
        assertThat(drain(list)).containsExactly(1L, 2L, 3L);
        assertThat(list.now()).isEqualTo(30);
    }

    @Test
    void entriesAtTheSameInstantPopInTheOrderTheyWereAdded() {
        EventList list = new EventList(0, 4);
        for (long i = 0; i < 100; i++) {
            list.schedule(5, (byte) 1, i, 0, null);
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertThat(drain(list)).isEqualTo(expected);
    }

    @Test
    void theLaneMergesWithHeapEntriesAtTheSameInstantBySequence() {
        EventList list = new EventList(0, 4);
        list.schedule(10, (byte) 1, 1, 0, null);
        list.schedule(10, (byte) 1, 2, 0, null);
        int first = list.pop();
        assertThat(list.target(first)).isEqualTo(1);
        // Sent now: behind entry 2 (added before it), ahead of anything added later for this instant.
        list.sendNow((byte) 1, 3, 0, null);
        list.schedule(10, (byte) 1, 4, 0, null);
        list.sendNow((byte) 1, 5, 0, null);
        assertThat(drain(list)).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void heapAndLaneGrowAndSlotsAreReused() {
        EventList list = new EventList(0, 2);
        SplittableRandom random = new SplittableRandom(7);
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            list.schedule(random.nextLong(1_000_000), (byte) 1, i, 0, null);
        }
        long last = -1;
        int count = 0;
        int slot;
        while ((slot = list.pop()) >= 0) {
            assertThat(list.now()).isGreaterThanOrEqualTo(last);
            last = list.now();
            list.release(slot);
            count++;
            if (count % 3 == 0 && count < n) {
                list.sendNow((byte) 1, -1, 0, null);
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(n);
        assertThat(list.slotsAllocated()).isLessThanOrEqualTo(n + 1);
    }

    @Test
    void refusesToScheduleInThePast() {
        EventList list = new EventList(100, 4);
        assertThatThrownBy(() -> list.schedule(99, (byte) 1, 0, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryScheduledAtTheCurrentInstantKeepsItsSequenceOrderAmongTheLaneAndTheHeap() {
        EventList list = new EventList(0, 4);
        list.schedule(10, (byte) 1, 1, 0, null);
        list.schedule(10, (byte) 1, 2, 0, null);
        list.release(list.pop());
        // now = 10: scheduled and sent at this instant, they run in the order they were added.
        list.schedule(10, (byte) 1, 3, 0, null);
        list.sendNow((byte) 1, 4, 0, null);
        list.schedule(10, (byte) 1, 5, 0, null);
        list.schedule(11, (byte) 1, 6, 0, null);
        assertThat(drain(list)).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void cancelledEntriesNeverPopAndTheRestKeepTheirOrder() {
        EventList list = new EventList(0, 4);
        SplittableRandom random = new SplittableRandom(11);
        List<long[]> kept = new ArrayList<>();
        List<Long> cancelled = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            long time = 1 + random.nextLong(1_000);
            long handle = list.schedule(time, (byte) 1, i, 0, null);
            if (i % 3 == 0) {
                cancelled.add(handle);
            } else {
                kept.add(new long[] {time, i});
            }
        }
        long inLane = list.sendNow((byte) 1, -2, 0, null);
        list.sendNow((byte) 1, -1, 0, null);
        for (long handle : cancelled) {
            assertThat(list.cancel(handle)).isTrue();
        }
        assertThat(list.cancel(inLane)).isTrue();
        assertThat(list.cancel(inLane)).as("a second cancel finds nothing").isFalse();
        assertThat(list.size()).as("cancelled entries are not pending").isEqualTo(kept.size() + 1);
        assertThat(list.cancel(cancelled.get(0))).isFalse();
        // Kept entries pop in (time, sequence) order: sequence is the order of addition, here i.
        kept.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<Long> expected = new ArrayList<>();
        expected.add(-1L); // the lane entry at the current instant that was not cancelled
        kept.forEach(k -> expected.add(k[1]));
        assertThat(drain(list)).isEqualTo(expected);
    }

    @Test
    void aHandleWhoseEntryRanCancelsNothingEvenWhenItsSlotIsReused() {
        EventList list = new EventList(0, 4);
        long first = list.schedule(10, (byte) 1, 1, 0, null);
        list.release(list.pop());
        long second = list.schedule(20, (byte) 1, 2, 0, null);
        assertThat((int) second).as("the slot is reused").isEqualTo((int) first);
        assertThat(list.cancel(first)).isFalse();
        assertThat(drain(list)).containsExactly(2L);
    }

    @Test
    void cancellingInterleavedWithPopsKeepsTheHeapOrdered() {
        EventList list = new EventList(0, 4);
        SplittableRandom random = new SplittableRandom(5);
        List<Long> handles = new ArrayList<>();
        long last = -1;
        for (int round = 0; round < 20_000; round++) {
            handles.add(list.schedule(list.now() + 1 + random.nextLong(500), (byte) 1, round, 0, null));
            if (random.nextInt(3) == 0 && !handles.isEmpty()) {
                list.cancel(handles.remove(random.nextInt(handles.size())));
            }
            if (random.nextInt(2) == 0) {
                int slot = list.pop();
                if (slot >= 0) {
                    assertThat(list.now()).isGreaterThanOrEqualTo(last);
                    last = list.now();
                    list.release(slot);
                }
            }
        }
        int slot;
        while ((slot = list.pop()) >= 0) {
            assertThat(list.now()).isGreaterThanOrEqualTo(last);
            last = list.now();
            list.release(slot);
        }
    }
}
