package dev.fila.simulation.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIndexMapTest {

    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemoves() {
        LongIndexMap map = new LongIndexMap(2);
        Map<Long, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextLong(5_000) - 100;
            if (random.nextInt(3) == 0) {
                Integer expected = reference.remove(key);
                assertThat(map.remove(key)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
            } else {
                int value = random.nextInt(1_000_000);
                Integer expected = reference.put(key, value);
                assertThat(map.put(key, value)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        for (long key = -100; key < 4_900; key++) {
            Integer expected = reference.get(key);
            assertThat(map.get(key)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
        }
    }

    @Test
    void denseAndSparseKeysLiveSideBySide() {
        LongIndexMap map = new LongIndexMap(2);
        Map<Long, Integer> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        long[] bases = {0, 4_095, (1L << 30) - 50, Long.MAX_VALUE - 1_000, Long.MIN_VALUE, -5_000, 1L << 40};
        for (int i = 0; i < 100_000; i++) {
            long key = bases[random.nextInt(bases.length)] + random.nextLong(200);
            if (random.nextInt(4) == 0) {
                Integer expected = reference.remove(key);
                assertThat(map.remove(key)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
            } else {
                int value = random.nextInt(1_000_000);
                Integer expected = reference.put(key, value);
                assertThat(map.put(key, value)).isEqualTo(expected == null ? LongIndexMap.MISSING : expected);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        reference.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
        assertThat(map.get(1L << 29)).isEqualTo(LongIndexMap.MISSING);
    }
}
