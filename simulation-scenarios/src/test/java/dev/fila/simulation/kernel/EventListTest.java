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
}
