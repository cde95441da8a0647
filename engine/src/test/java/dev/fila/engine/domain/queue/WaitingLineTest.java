package dev.fila.engine.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WaitingLineTest {

    private static final boolean CHAT = false;
    private static final boolean VOICE = true;

    /** Ids front to back. */
    private static List<Long> ids(WaitingLine line) {
        List<Long> ids = new ArrayList<>();
        line.forEach((id, priorityClass, sortTime, exclusive, available, offered) -> ids.add(id));
        return ids;
    }

    /** A line of ids 1..n, all class 0 with times 1..n, so the line is 1, 2, ..., n. */
    private static WaitingLine lineOf(int n) {
        WaitingLine line = new WaitingLine();
        for (int i = 1; i <= n; i++) {
            line.enqueue(i, 0, i, CHAT);
        }
        return line;
    }

    // ----------------------------------------------------------------------------------------
    // R8: positions

    @Test
    void R8_positionsAreOneToN() {
        WaitingLine line = lineOf(5);
        assertThat(line.size()).isEqualTo(5);
        for (int p = 1; p <= 5; p++) {
            assertThat(line.requestAt(p)).isEqualTo(p);
            assertThat(line.positionOf(p)).isEqualTo(p);
        }
    }

    @Test
    void R8_enqueueReturnsThePositionTaken() {
        WaitingLine line = new WaitingLine();
        assertThat(line.enqueue(10, 0, 100, CHAT)).isEqualTo(1);
        assertThat(line.enqueue(11, 0, 300, CHAT)).isEqualTo(2);
        assertThat(line.enqueue(12, 0, 200, CHAT)).isEqualTo(2);
        assertThat(ids(line)).containsExactly(10L, 12L, 11L);
    }

    @Test
    void R8_removingAnEntryMovesEveryoneBehindItUpOnePlace() {
        WaitingLine line = lineOf(5);
        assertThat(line.remove(2)).isTrue();
        assertThat(line.size()).isEqualTo(4);
        assertThat(ids(line)).containsExactly(1L, 3L, 4L, 5L);
        assertThat(line.positionOf(3)).isEqualTo(2);
        assertThat(line.positionOf(5)).isEqualTo(4);
        assertThat(line.positionOf(2)).isZero();
        assertThat(line.contains(2)).isFalse();
    }

    @Test
    void R8_outOfRangePositionsHaveNoRequest() {
        WaitingLine line = lineOf(3);
        assertThat(line.requestAt(0)).isEqualTo(WaitingLine.NONE);
        assertThat(line.requestAt(4)).isEqualTo(WaitingLine.NONE);
        assertThat(line.requestAt(-1)).isEqualTo(WaitingLine.NONE);
        assertThat(new WaitingLine().requestAt(1)).isEqualTo(WaitingLine.NONE);
    }

    @Test
    void R8_positionsAreOneToNWithAHundredThousandEntries() {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(8);
        WaitingLine line = new WaitingLine();
        long[][] keys = new long[n][];
        for (int i = 0; i < n; i++) {
            int priorityClass = random.nextInt(4);
            long time = random.nextLong(10_000);
            line.enqueue(i, priorityClass, time, random.nextBoolean());
            keys[i] = new long[] {priorityClass, time, i};
        }
        // Expected order: by (class, time), then by arrival.
        Arrays.sort(
                keys,
                Comparator.<long[]>comparingLong(k -> k[0])
                        .thenComparingLong(k -> k[1])
                        .thenComparingLong(k -> k[2]));
        assertThat(line.size()).isEqualTo(n);
        for (int p = 1; p <= n; p++) {
            long id = keys[p - 1][2];
            assertThat(line.requestAt(p)).isEqualTo(id);
            assertThat(line.positionOf(id)).isEqualTo(p);
        }
        assertThat(line.height()).isLessThan(4 * 17);

        // Remove every other entry from the front half; the rest close up.
        for (int p = 1; p <= n / 2; p += 2) {
            assertThat(line.remove(keys[p - 1][2])).isTrue();
        }
        int expectedPosition = 0;
        for (int p = 1; p <= n; p++) {
            long id = keys[p - 1][2];
            if (p <= n / 2 && p % 2 == 1) {
                assertThat(line.contains(id)).isFalse();
            } else {
                expectedPosition++;
                assertThat(line.positionOf(id)).isEqualTo(expectedPosition);
            }
        }
        assertThat(line.size()).isEqualTo(expectedPosition);
    }

    @Test
    void R8_arrivalsInKeyOrderOrReverseOrderStayBalanced() {
        int n = 100_000;
        WaitingLine ascending = new WaitingLine();
        WaitingLine descending = new WaitingLine();
        for (int i = 0; i < n; i++) {
            assertThat(ascending.enqueue(i, 0, i, CHAT)).isEqualTo(i + 1);
            assertThat(descending.enqueue(i, 0, n - i, CHAT)).isEqualTo(1);
        }
        assertThat(ascending.height()).isLessThan(4 * 17);
        assertThat(descending.height()).isLessThan(4 * 17);
        assertThat(ascending.positionOf(n - 1)).isEqualTo(n);
        assertThat(descending.positionOf(n - 1)).isEqualTo(1);
        // Drain from the front: the degenerate order for a plain search tree.
        for (int i = 0; i < n; i++) {
            assertThat(ascending.requestAt(1)).isEqualTo(i);
            assertThat(ascending.remove(i)).isTrue();
        }
        assertThat(ascending.size()).isZero();
        assertThat(ascending.eligibleCount(CHAT)).isZero();
    }

    @Test
    void R8_aMillionEntriesNeedNoDeepStack() {
        int n = 1_000_000;
        WaitingLine line = new WaitingLine();
        for (int i = 0; i < n; i++) {
            line.enqueue(i, 0, i, i % 3 == 0);
        }
        assertThat(line.positionOf(n - 1)).isEqualTo(n);
        assertThat(line.requestAt(n / 2)).isEqualTo(n / 2 - 1);
        assertThat(line.nthEligible(VOICE, 1000)).isEqualTo(3000);
        assertThat(line.height()).isLessThan(4 * 20);
    }

    // ----------------------------------------------------------------------------------------
    // R19: order by priority class, then sort time

    @Test
    void R19_priorityClassGoesAheadOfLowerClasses() {
        WaitingLine line = new WaitingLine();
        line.enqueue(1, 2, 100, CHAT);
        line.enqueue(2, 2, 200, CHAT);
        line.enqueue(3, 1, 900, CHAT);
        assertThat(line.positionOf(3)).isEqualTo(1);
        line.enqueue(4, 0, 999, VOICE);
        assertThat(ids(line)).containsExactly(4L, 3L, 1L, 2L);
        assertThat(line.enqueue(5, 1, 50, CHAT)).isEqualTo(2);
    }

    @Test
    void R19_creditedSortTimeGoesAheadOfLaterEntries() {
        WaitingLine line = new WaitingLine();
        line.enqueue(1, 0, 1_000, CHAT);
        line.enqueue(2, 0, 2_000, CHAT);
        line.enqueue(3, 0, 3_000, CHAT);
        // A request re-entering with credit for the time it already waited keeps an earlier time.
        assertThat(line.enqueue(4, 0, 1_500, CHAT)).isEqualTo(2);
        assertThat(ids(line)).containsExactly(1L, 4L, 2L, 3L);
        assertThat(line.sortTimeOf(4)).isEqualTo(1_500);
    }

    @Test
    void R19_equalKeysKeepArrivalOrder() {
        WaitingLine line = new WaitingLine();
        line.enqueue(7, 1, 500, CHAT);
        line.enqueue(3, 1, 500, VOICE);
        line.enqueue(9, 1, 500, CHAT);
        line.enqueue(1, 0, 500, CHAT);
        assertThat(ids(line)).containsExactly(1L, 7L, 3L, 9L);
        assertThat(line.enqueue(2, 1, 500, CHAT)).isEqualTo(5);
    }

    // ----------------------------------------------------------------------------------------
    // R11: moving back

    @Test
    void R11_moveBackFivePlacesGoesFivePlacesBehind() {
        WaitingLine line = lineOf(10);
        assertThat(line.moveBack(2, 5)).isEqualTo(7);
        assertThat(ids(line)).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 2L, 8L, 9L, 10L);
        assertThat(line.positionOf(2)).isEqualTo(7);
        assertThat(line.positionOf(7)).isEqualTo(6);
        assertThat(line.positionOf(8)).isEqualTo(8);
    }

    @Test
    void R11_moveBackWithFewerBehindGoesToTheBack() {
        WaitingLine line = lineOf(4);
        assertThat(line.moveBack(2, 5)).isEqualTo(4);
        assertThat(ids(line)).containsExactly(1L, 3L, 4L, 2L);
        assertThat(line.moveBack(1, Integer.MAX_VALUE)).isEqualTo(4);
        assertThat(ids(line)).containsExactly(3L, 4L, 2L, 1L);
    }

    @Test
    void R11_movedEntryTakesTheKeyOfTheEntryAheadSoLaterEqualArrivalsGoBehindIt() {
        WaitingLine line = new WaitingLine();
        line.enqueue(1, 0, 100, CHAT);
        line.enqueue(2, 0, 200, CHAT);
        line.enqueue(3, 1, 50, CHAT);
        line.enqueue(4, 1, 60, CHAT);
        assertThat(line.moveBack(1, 2)).isEqualTo(3);
        assertThat(line.priorityClassOf(1)).isEqualTo(1);
        assertThat(line.sortTimeOf(1)).isEqualTo(50);
        // Same key as the moved entry: goes behind it.
        assertThat(line.enqueue(5, 1, 50, CHAT)).isEqualTo(4);
        assertThat(ids(line)).containsExactly(2L, 3L, 1L, 5L, 4L);
    }

    @Test
    void R11_moveBackKeepsTheFlags() {
        WaitingLine line = lineOf(6);
        line.setOffered(2, true);
        line.setAvailable(3, false);
        line.moveBack(2, 3);
        line.moveBack(3, 1);
        assertThat(line.isOffered(2)).isTrue();
        assertThat(line.isAvailable(2)).isTrue();
        assertThat(line.isAvailable(3)).isFalse();
        assertThat(line.isOffered(3)).isFalse();
        assertThat(line.eligibleCount(CHAT)).isEqualTo(4);
    }

    @Test
    void R11_moveBackByZeroOrFromTheBackChangesNothing() {
        WaitingLine line = new WaitingLine();
        line.enqueue(1, 0, 10, CHAT);
        line.enqueue(2, 3, 99, CHAT);
        assertThat(line.moveBack(2, 0)).isEqualTo(2);
        assertThat(line.moveBack(2, 4)).isEqualTo(2);
        assertThat(line.moveBack(1, 0)).isEqualTo(1);
        assertThat(line.priorityClassOf(2)).isEqualTo(3);
        assertThat(line.sortTimeOf(2)).isEqualTo(99);
        assertThat(line.sortTimeOf(1)).isEqualTo(10);
    }

    @Test
    void R11_moveBackRejectsAbsentRequestsAndNegativePlaces() {
        WaitingLine line = lineOf(3);
        assertThatThrownBy(() -> line.moveBack(9, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.moveBack(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ids(line)).containsExactly(1L, 2L, 3L);
    }

    // ----------------------------------------------------------------------------------------
    // R9: availability and eligibility

    @Test
    void R9_unavailableEntryKeepsItsPlaceButIsNotEligible() {
        WaitingLine line = lineOf(3);
        line.setAvailable(1, false);
        assertThat(line.isAvailable(1)).isFalse();
        assertThat(line.positionOf(1)).isEqualTo(1);
        assertThat(line.eligibleCount(CHAT)).isEqualTo(2);
        assertThat(line.nthEligible(CHAT, 0)).isEqualTo(2);
        assertThat(line.positionOfNthEligible(CHAT, 0)).isEqualTo(2);

        line.setAvailable(1, true);
        assertThat(line.nthEligible(CHAT, 0)).isEqualTo(1);
        assertThat(line.eligibleCount(CHAT)).isEqualTo(3);
    }

    @Test
    void R9_offeredEntryKeepsItsPlaceButIsNotEligibleUntilTheOfferEnds() {
        WaitingLine line = lineOf(3);
        line.setOffered(2, true);
        assertThat(line.isOffered(2)).isTrue();
        assertThat(line.positionOf(2)).isEqualTo(2);
        assertThat(line.nthEligible(CHAT, 1)).isEqualTo(3);
        assertThat(line.positionOfNthEligible(CHAT, 1)).isEqualTo(3);
        line.setOffered(2, false);
        assertThat(line.nthEligible(CHAT, 1)).isEqualTo(2);
    }

    @Test
    void R9_newEntriesAreAvailableAndNotOffered() {
        WaitingLine line = new WaitingLine();
        line.enqueue(1, 0, 0, VOICE);
        assertThat(line.isAvailable(1)).isTrue();
        assertThat(line.isOffered(1)).isFalse();
        assertThat(line.isExclusive(1)).isTrue();
        assertThat(line.eligibleCount(VOICE)).isEqualTo(1);
    }

    @Test
    void R9_chatAndVoiceAreCountedSeparately() {
        WaitingLine line = new WaitingLine();
        line.enqueue(1, 0, 1, CHAT);
        line.enqueue(2, 0, 2, VOICE);
        line.enqueue(3, 0, 3, CHAT);
        line.enqueue(4, 0, 4, VOICE);
        line.enqueue(5, 0, 5, VOICE);
        line.setAvailable(4, false);
        assertThat(line.eligibleCount(CHAT)).isEqualTo(2);
        assertThat(line.eligibleCount(VOICE)).isEqualTo(2);
        assertThat(line.nthEligible(CHAT, 1)).isEqualTo(3);
        assertThat(line.nthEligible(VOICE, 1)).isEqualTo(5);
        assertThat(line.positionOfNthEligible(VOICE, 1)).isEqualTo(5);
        assertThat(line.nthEligible(VOICE, 2)).isEqualTo(WaitingLine.NONE);
        assertThat(line.positionOfNthEligible(VOICE, 2)).isZero();
        assertThat(line.nthEligible(CHAT, -1)).isEqualTo(WaitingLine.NONE);
    }

    @Test
    void R9_eligibilityMatchesAScanAtAHundredThousandEntries() {
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(9);
        WaitingLine line = new WaitingLine();
        for (int i = 0; i < n; i++) {
            line.enqueue(i, random.nextInt(3), random.nextLong(1_000), random.nextBoolean());
        }
        for (int i = 0; i < n / 3; i++) {
            long id = random.nextInt(n);
            switch (random.nextInt(3)) {
                case 0 -> line.setAvailable(id, random.nextBoolean());
                case 1 -> line.setOffered(id, random.nextBoolean());
                default -> line.moveBack(id, random.nextInt(10));
            }
        }
        List<Long> chat = new ArrayList<>();
        List<Long> voice = new ArrayList<>();
        line.forEach((id, priorityClass, sortTime, exclusive, available, offered) -> {
            if (available && !offered) {
                (exclusive ? voice : chat).add(id);
            }
        });
        assertThat(line.eligibleCount(CHAT)).isEqualTo(chat.size());
        assertThat(line.eligibleCount(VOICE)).isEqualTo(voice.size());
        for (int k = 0; k < chat.size(); k += 7) {
            assertThat(line.nthEligible(CHAT, k)).isEqualTo(chat.get(k));
            assertThat(line.requestAt(line.positionOfNthEligible(CHAT, k))).isEqualTo(chat.get(k));
        }
        for (int k = 0; k < voice.size(); k += 7) {
            assertThat(line.nthEligible(VOICE, k)).isEqualTo(voice.get(k));
        }
    }

    // ----------------------------------------------------------------------------------------
    // Contract

    @Test
    void contract_enqueueRejectsDuplicateAndNegativeIds() {
        WaitingLine line = lineOf(2);
        assertThatThrownBy(() -> line.enqueue(1, 0, 0, CHAT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.enqueue(-1, 0, 0, CHAT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(line.size()).isEqualTo(2);
    }

    @Test
    void contract_absentRequests() {
        WaitingLine line = lineOf(2);
        assertThat(line.remove(5)).isFalse();
        assertThat(line.remove(-3)).isFalse();
        assertThat(line.positionOf(5)).isZero();
        assertThat(line.positionOf(-1)).isZero();
        assertThat(line.contains(-1)).isFalse();
        assertThatThrownBy(() -> line.setAvailable(5, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.setOffered(5, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.isAvailable(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.isOffered(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.isExclusive(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.priorityClassOf(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.sortTimeOf(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contract_removedIdCanComeBack() {
        WaitingLine line = lineOf(3);
        line.setOffered(2, true);
        line.remove(2);
        assertThat(line.enqueue(2, 0, 99, VOICE)).isEqualTo(3);
        assertThat(line.isOffered(2)).isFalse();
        assertThat(line.isExclusive(2)).isTrue();
        assertThat(line.eligibleCount(VOICE)).isEqualTo(1);
    }

    @Test
    void contract_forEachVisitsFrontToBackWithEveryField() {
        WaitingLine line = new WaitingLine();
        line.enqueue(5, 1, 70, VOICE);
        line.enqueue(6, 0, 80, CHAT);
        line.setOffered(5, true);
        line.setAvailable(6, false);
        List<String> seen = new ArrayList<>();
        line.forEach((id, priorityClass, sortTime, exclusive, available, offered) -> seen.add(
                id + ":" + priorityClass + ":" + sortTime + ":" + exclusive + ":" + available + ":" + offered));
        assertThat(seen).containsExactly("6:0:80:false:false:false", "5:1:70:true:true:true");
        new WaitingLine().forEach((id, c, t, x, a, o) -> seen.add("never"));
        assertThat(seen).hasSize(2);
    }

    @Test
    void contract_copyIsIndependent() {
        WaitingLine line = lineOf(5);
        WaitingLine copy = line.copy();
        line.remove(1);
        line.moveBack(2, 2);
        line.setOffered(3, true);
        copy.enqueue(6, 0, 0, VOICE);
        assertThat(ids(copy)).containsExactly(6L, 1L, 2L, 3L, 4L, 5L);
        assertThat(copy.isOffered(3)).isFalse();
        assertThat(ids(line)).containsExactly(3L, 4L, 2L, 5L);
        assertThat(line.contains(6)).isFalse();
    }

    @Test
    void contract_sameOperationsBuildTheSameTree() {
        WaitingLine first = new WaitingLine();
        WaitingLine second = new WaitingLine();
        for (WaitingLine line : List.of(first, second)) {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 10_000; i++) {
                line.enqueue(i, random.nextInt(3), random.nextLong(100), random.nextBoolean());
                if (i % 3 == 0) {
                    line.remove(random.nextInt(i + 1));
                }
            }
        }
        assertThat(first.height()).isEqualTo(second.height());
        assertThat(ids(first)).isEqualTo(ids(second));
    }
}
