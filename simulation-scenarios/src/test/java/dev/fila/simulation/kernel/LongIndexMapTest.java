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
}
