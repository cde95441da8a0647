package dev.fila.engine.domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Runs random operation sequences against {@link WaitingLine} and a naive {@link ArrayList} model
 * side by side, and compares every observable after every operation.
 */
class WaitingLineProperties {

    /** Ids are drawn from a small range so that removes, moves and flag changes often hit. */
    private static final long SMALL_ID_RANGE = 40;

    private static final long WIDE_ID_RANGE = 300;

    @Property(tries = 1000)
    void matchesTheListModelWithFewIds(@ForAll("smallIdOperations") List<Op> operations) {
        runAgainstModel(operations, SMALL_ID_RANGE);
    }

    @Property(tries = 1000)
    void matchesTheListModelWithLongerLines(@ForAll("wideIdOperations") List<Op> operations) {
        runAgainstModel(operations, WIDE_ID_RANGE);
    }

    @Property(tries = 1000)
    void copyIsIndependentAndBehavesLikeTheOriginal(
            @ForAll("smallIdOperations") List<Op> operations, @ForAll @IntRange(min = 0, max = 100) int copyPercent) {
        int copyAt = operations.size() * copyPercent / 100;
        WaitingLine line = new WaitingLine();
        Model model = new Model();
        for (int i = 0; i < copyAt; i++) {
            apply(operations.get(i), line, model);
        }
        WaitingLine copy = line.copy();
        Model copyModel = model.copy();
        for (int i = copyAt; i < operations.size(); i++) {
            apply(operations.get(i), line, model);
        }
        assertMatches(copy, copyModel, SMALL_ID_RANGE);
        for (int i = 0; i < copyAt; i++) {
            apply(operations.get(i), copy, copyModel);
            assertMatches(copy, copyModel, SMALL_ID_RANGE);
        }
        assertMatches(line, model, SMALL_ID_RANGE);
    }

    private static void runAgainstModel(List<Op> operations, long idRange) {
        WaitingLine line = new WaitingLine();
        Model model = new Model();
        for (Op op : operations) {
            apply(op, line, model);
            assertMatches(line, model, idRange);
        }
    }

    // ----------------------------------------------------------------------------------------
    // Operations

    sealed interface Op permits Enqueue, Remove, MoveBack, SetAvailable, SetOffered {}

    record Enqueue(long id, int priorityClass, long sortTime, boolean exclusive) implements Op {}

    record Remove(long id) implements Op {}

    record MoveBack(long id, int places) implements Op {}

    record SetAvailable(long id, boolean available) implements Op {}

    record SetOffered(long id, boolean offered) implements Op {}

    @Provide
    Arbitrary<List<Op>> smallIdOperations() {
        return operations(SMALL_ID_RANGE, 5);
    }

    @Provide
    Arbitrary<List<Op>> wideIdOperations() {
        return operations(WIDE_ID_RANGE, 10);
    }

    private static Arbitrary<List<Op>> operations(long idRange, int enqueueWeight) {
        Arbitrary<Long> ids = Arbitraries.longs().between(0, idRange - 1);
        Arbitrary<Boolean> booleans = Arbitraries.of(true, false);
        Arbitrary<Op> enqueue = Combinators.combine(
                        ids,
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.longs().between(0, 12),
                        booleans)
                .as(Enqueue::new);
        Arbitrary<Op> remove = ids.map(Remove::new);
        Arbitrary<Op> moveBack = Combinators.combine(
                        ids,
                        Arbitraries.frequencyOf(
                                Tuple.of(8, Arbitraries.integers().between(0, 8)),
                                Tuple.of(1, Arbitraries.integers().between(9, Integer.MAX_VALUE))))
                .as(MoveBack::new);
        Arbitrary<Op> setAvailable = Combinators.combine(ids, booleans).as(SetAvailable::new);
        Arbitrary<Op> setOffered = Combinators.combine(ids, booleans).as(SetOffered::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(enqueueWeight, enqueue),
                        Tuple.of(2, remove),
                        Tuple.of(3, moveBack),
                        Tuple.of(2, setAvailable),
                        Tuple.of(2, setOffered))
                .list()
                .ofMinSize(200)
                .ofMaxSize(500)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    /** Applies one operation to both, checking return values and exceptions against the model. */
    private static void apply(Op op, WaitingLine line, Model model) {
        switch (op) {
            case Enqueue e -> {
                if (model.indexOf(e.id()) >= 0) {
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> line.enqueue(e.id(), e.priorityClass(), e.sortTime(), e.exclusive()));
                } else {
                    int expected = model.enqueue(e.id(), e.priorityClass(), e.sortTime(), e.exclusive());
                    assertEquals(
                            expected,
                            line.enqueue(e.id(), e.priorityClass(), e.sortTime(), e.exclusive()),
                            op::toString);
                }
            }
            case Remove r -> assertEquals(model.remove(r.id()), line.remove(r.id()), op::toString);
            case MoveBack m -> {
                if (model.indexOf(m.id()) < 0) {
                    assertThrows(IllegalArgumentException.class, () -> line.moveBack(m.id(), m.places()));
                } else {
                    assertEquals(model.moveBack(m.id(), m.places()), line.moveBack(m.id(), m.places()), op::toString);
                }
            }
            case SetAvailable s -> {
                Entry entry = model.find(s.id());
                if (entry == null) {
                    assertThrows(IllegalArgumentException.class, () -> line.setAvailable(s.id(), s.available()));
                } else {
                    entry.available = s.available();
                    line.setAvailable(s.id(), s.available());
                }
            }
            case SetOffered s -> {
                Entry entry = model.find(s.id());
                if (entry == null) {
                    assertThrows(IllegalArgumentException.class, () -> line.setOffered(s.id(), s.offered()));
                } else {
                    entry.offered = s.offered();
                    line.setOffered(s.id(), s.offered());
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // Comparison

    private static void assertMatches(WaitingLine line, Model model, long idRange) {
        List<Entry> entries = model.entries;
        int n = entries.size();
        assertEquals(n, line.size(), "size");

        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < n; i++) {
            positions.put(entries.get(i).id, i + 1);
        }
        for (long id = -1; id <= idRange; id++) {
            int expected = positions.getOrDefault(id, 0);
            if (line.positionOf(id) != expected) {
                fail("positionOf(" + id + ") = " + line.positionOf(id) + ", expected " + expected);
            }
            if (line.contains(id) != (expected != 0)) {
                fail("contains(" + id + ")");
            }
        }
        assertEquals(WaitingLine.NONE, line.requestAt(0));
        assertEquals(WaitingLine.NONE, line.requestAt(n + 1));
        for (int p = 1; p <= n; p++) {
            Entry expected = entries.get(p - 1);
            if (line.requestAt(p) != expected.id) {
                fail("requestAt(" + p + ") = " + line.requestAt(p) + ", expected " + expected.id);
            }
            assertEquals(expected.priorityClass, line.priorityClassOf(expected.id));
            assertEquals(expected.sortTime, line.sortTimeOf(expected.id));
            assertEquals(expected.exclusive, line.isExclusive(expected.id));
            assertEquals(expected.available, line.isAvailable(expected.id));
            assertEquals(expected.offered, line.isOffered(expected.id));
        }

        for (boolean exclusive : new boolean[] {false, true}) {
            List<Integer> eligiblePositions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Entry e = entries.get(i);
                if (e.exclusive == exclusive && e.available && !e.offered) {
                    eligiblePositions.add(i + 1);
                }
            }
            assertEquals(eligiblePositions.size(), line.eligibleCount(exclusive), "eligibleCount");
            assertEquals(WaitingLine.NONE, line.nthEligible(exclusive, -1));
            assertEquals(0, line.positionOfNthEligible(exclusive, -1));
            for (int k = 0; k <= eligiblePositions.size(); k++) {
                long expectedId =
                        k < eligiblePositions.size() ? entries.get(eligiblePositions.get(k) - 1).id : WaitingLine.NONE;
                int expectedPosition = k < eligiblePositions.size() ? eligiblePositions.get(k) : 0;
                if (line.nthEligible(exclusive, k) != expectedId) {
                    fail("nthEligible(" + exclusive + ", " + k + ")");
                }
                if (line.positionOfNthEligible(exclusive, k) != expectedPosition) {
                    fail("positionOfNthEligible(" + exclusive + ", " + k + ")");
                }
            }
        }

        // Invariants read from the line alone: positions 1..n, sorted by key, no id twice.
        List<Entry> walked = snapshot(line);
        assertEquals(n, walked.size(), "forEach count");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < walked.size(); i++) {
            Entry e = walked.get(i);
            assertTrue(seen.add(e.id), () -> "id twice: " + e.id);
            assertEquals(i + 1, line.positionOf(e.id), "positions are 1..n");
            if (i > 0) {
                Entry ahead = walked.get(i - 1);
                assertTrue(Model.compareKeys(ahead, e) <= 0, () -> "not sorted at position " + e.id);
            }
        }
        assertEquals(entries, walked, "forEach");
    }

    private static List<Entry> snapshot(WaitingLine line) {
        List<Entry> walked = new ArrayList<>();
        line.forEach((id, priorityClass, sortTime, exclusive, available, offered) -> {
            Entry e = new Entry(id, priorityClass, sortTime, exclusive);
            e.available = available;
            e.offered = offered;
            walked.add(e);
        });
        return walked;
    }

    // ----------------------------------------------------------------------------------------
    // Naive model

    static final class Entry {
        final long id;
        int priorityClass;
        long sortTime;
        final boolean exclusive;
        boolean available = true;
        boolean offered;

        Entry(long id, int priorityClass, long sortTime, boolean exclusive) {
            this.id = id;
            this.priorityClass = priorityClass;
            this.sortTime = sortTime;
            this.exclusive = exclusive;
        }

        Entry copy() {
            Entry e = new Entry(id, priorityClass, sortTime, exclusive);
            e.available = available;
            e.offered = offered;
            return e;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e
                    && e.id == id
                    && e.priorityClass == priorityClass
                    && e.sortTime == sortTime
                    && e.exclusive == exclusive
                    && e.available == available
                    && e.offered == offered;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }

        @Override
        public String toString() {
            return id + "(" + priorityClass + "," + sortTime + (exclusive ? ",x" : ",c") + (available ? ",a" : ",-")
                    + (offered ? ",o" : ",-") + ")";
        }
    }

    static final class Model {
        final List<Entry> entries = new ArrayList<>();

        static int compareKeys(Entry a, Entry b) {
            int byClass = Integer.compare(a.priorityClass, b.priorityClass);
            return byClass != 0 ? byClass : Long.compare(a.sortTime, b.sortTime);
        }

        int indexOf(long id) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).id == id) {
                    return i;
                }
            }
            return -1;
        }

        Entry find(long id) {
            int i = indexOf(id);
            return i < 0 ? null : entries.get(i);
        }

        int enqueue(long id, int priorityClass, long sortTime, boolean exclusive) {
            Entry e = new Entry(id, priorityClass, sortTime, exclusive);
            int i = 0;
            while (i < entries.size() && compareKeys(entries.get(i), e) <= 0) {
                i++;
            }
            entries.add(i, e);
            return i + 1;
        }

        boolean remove(long id) {
            int i = indexOf(id);
            if (i < 0) {
                return false;
            }
            entries.remove(i);
            return true;
        }

        int moveBack(long id, int places) {
            int from = indexOf(id);
            int to = (int) Math.min((long) from + places, entries.size() - 1L);
            if (to == from) {
                return from + 1;
            }
            Entry e = entries.remove(from);
            Entry ahead = entries.get(to - 1);
            e.priorityClass = ahead.priorityClass;
            e.sortTime = ahead.sortTime;
            entries.add(to, e);
            return to + 1;
        }

        Model copy() {
            Model m = new Model();
            for (Entry e : entries) {
                m.entries.add(e.copy());
            }
            return m;
        }
    }
}
