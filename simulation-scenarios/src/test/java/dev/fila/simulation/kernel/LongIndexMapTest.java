package dev.fila.simulation.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIndexMapTest {

    /**
     * Applies {@code operations} random puts and removes (one in {@code removeOneIn} a remove) of keys
     * drawn by {@code key} to the map and to a {@link HashMap}, checking each answer and the sizes.
     */
    private static Map<Long, Integer> mirror(
            LongIndexMap map,
            SplittableRandom random,
            java.util.function.ToLongFunction<SplittableRandom> key,
            int operations,
            int removeOneIn) {
        Map<Long, Integer> reference = new HashMap<>();
        for (int i = 0; i < operations; i++) {
            long k = key.applyAsLong(random);
            if (random.nextInt(removeOneIn) == 0) {
                Integer expected = reference.remove(k);
                assertThat(map.remove(k)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
            } else {
                int value = random.nextInt(1_000_000);
                Integer expected = reference.put(k, value);
                assertThat(map.put(k, value)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        return reference;
    }

    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemoves() {
        LongIndexMap map = new LongIndexMap(2);
        Map<Long, Integer> reference = mirror(map, new SplittableRandom(11), r -> r.nextLong(5_000) - 100, 200_000, 3);
        for (long key = -100; key < 4_900; key++) {
            Integer expected = reference.get(key);
            assertThat(map.get(key)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
        }
    }

    @Test
    void denseAndSparseKeysLiveSideBySide() {
        LongIndexMap map = new LongIndexMap(2);
        long[] bases = {0, 4_095, (1L << 30) - 50, Long.MAX_VALUE - 1_000, Long.MIN_VALUE, -5_000, 1L << 40};
        Map<Long, Integer> reference =
                mirror(map, new SplittableRandom(3), r -> bases[r.nextInt(bases.length)] + r.nextLong(200), 100_000, 4);
        reference.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        assertThat(map.get(1L << 29)).isEqualTo(LongIndexMap.MISSING);
    }
}
