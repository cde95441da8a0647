package dev.fila.simulation.eta;

import java.util.Arrays;

/**
 * Request id to a reusable slot index: open addressing with linear probing and backward-shift
 * deletion, no boxing; freed slots are reused, so a long simulation needs only as many slots as
 * requests wait at once. Keys must be {@code >= 0}. Expected O(1) per operation.
 */
final class RequestSlots {

    static final int MISSING = -1;
    private static final long EMPTY = -1L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;
    private int[] free = new int[16];
    private int freeCount;
    private int issued;

    RequestSlots() {
        allocate(64);
    }

    /** Keys holding a slot now. */
    int size() {
        return size;
    }

    /** The slot of {@code key}, taking a new one if it has none. */
    int acquire(long key) {
        int at = find(key);
        if (keys[at] == key) {
            return values[at];
        }
        int slot = freeCount > 0 ? free[--freeCount] : issued++;
        keys[at] = key;
        values[at] = slot;
        if (++size > keys.length / 2) {
            rehash(keys.length * 2);
        }
        return slot;
    }

    /** Gives back the slot of {@code key}; returns it, or {@link #MISSING} if the key had none. */
    int release(long key) {
        int at = find(key);
        if (keys[at] != key) {
            return MISSING;
        }
        int slot = values[at];
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
        size--;
        // backward-shift deletion: pull later members of the probe run into the gap
        int gap = at;
        int cur = (at + 1) & mask;
        while (keys[cur] != EMPTY) {
            int home = home(keys[cur]);
            if (((cur - home) & mask) >= ((cur - gap) & mask)) {
                keys[gap] = keys[cur];
                values[gap] = values[cur];
                gap = cur;
            }
            cur = (cur + 1) & mask;
        }
        keys[gap] = EMPTY;
        return slot;
    }

    private int find(long key) {
        int at = home(key);
        while (keys[at] != EMPTY && keys[at] != key) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int at = find(oldKeys[i]);
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
            }
        }
    }
}
