package dev.fila.engine.domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link LongIntHashMap} against {@link HashMap}, with removals that exercise the backward shift. */
class LongIntHashMapProperties {

    /** An operation: key, and a value to put, or -1 to remove. */
    record Op(long key, int value) {}

    @Provide
    Arbitrary<List<Op>> operations() {
        // Few distinct keys (so probe runs collide and removals hit), some of them far apart.
        Arbitrary<Long> keys = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 50),
                Arbitraries.longs().between(0, 20).map(k -> k << 40),
                Arbitraries.longs().between(Long.MAX_VALUE - 10, Long.MAX_VALUE));
        Arbitrary<Integer> values = Arbitraries.integers().between(-1, 1000);
        return keys.flatMap(k -> values.map(v -> new Op(k, v)))
                .list()
                .ofMinSize(50)
                .ofMaxSize(300);
    }

    @Property(tries = 1000)
    void behavesLikeAHashMap(@ForAll("operations") List<Op> operations) {
        LongIntHashMap map = new LongIntHashMap();
        Map<Long, Integer> model = new HashMap<>();
        for (Op op : operations) {
            if (op.value() < 0) {
                assertEquals(model.getOrDefault(op.key(), LongIntHashMap.MISSING), map.remove(op.key()));
                model.remove(op.key());
            } else {
                map.put(op.key(), op.value());
                model.put(op.key(), op.value());
            }
            assertEquals(model.size(), map.size());
            for (Map.Entry<Long, Integer> e : model.entrySet()) {
                assertEquals(e.getValue(), map.get(e.getKey()), () -> "key " + e.getKey());
            }
        }
        LongIntHashMap copy = map.copy();
        for (long key : model.keySet()) {
            map.remove(key);
            assertEquals(LongIntHashMap.MISSING, map.get(key));
            assertEquals(model.get(key), copy.get(key));
        }
        assertEquals(0, map.size());
        assertEquals(LongIntHashMap.MISSING, map.get(-1L));
    }
}
