package dev.fila.simulation.kernel;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to {@code int} values (any but {@link #MISSING}): linear probing,
 * Fibonacci hashing, backward-shift deletion (no tombstones). It never boxes; it allocates only when
 * it doubles.
 *
 * <p>Cost model: {@link #get}, {@link #put} and {@link #remove} are expected O(1) with the load kept at
 * or below one half; a resize is O(capacity) and happens when the number of keys doubles. Memory is 12
 * bytes per cell, two to four cells per key. Any {@code long} may be a key: emptiness is marked in a
 * separate value array ({@code -1}), not in the keys.
 */
public final class LongIndexMap {

    /** Returned by {@link #get} and {@link #remove} when the key is absent. */
    public static final int MISSING = -1;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;

    public LongIndexMap() {
        this(8);
    }

    /** A map that holds {@code expectedSize} keys without resizing. */
    public LongIndexMap(int expectedSize) {
        int capacity = 16;
        while (capacity / 2 < expectedSize) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, MISSING);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    public int size() {
        return size;
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    public int get(long key) {
        int i = home(key);
        while (true) {
            int v = values[i];
            if (v == MISSING) {
                return MISSING;
            }
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Maps {@code key} to {@code value} (any {@code int} but {@link #MISSING}); returns the previous value
     * or {@link #MISSING}.
     */
    public int put(long key, int value) {
        if (value == MISSING) {
            throw new IllegalArgumentException("the value " + MISSING + " marks an empty cell");
        }
        int i = home(key);
        while (true) {
            int v = values[i];
            if (v == MISSING) {
                keys[i] = key;
                values[i] = value;
                if (++size > (mask + 1) / 2) {
                    grow();
                }
                return MISSING;
            }
            if (keys[i] == key) {
                values[i] = value;
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes {@code key}; returns its value or {@link #MISSING}. */
    public int remove(long key) {
        int i = home(key);
        while (true) {
            int v = values[i];
            if (v == MISSING) {
                return MISSING;
            }
            if (keys[i] == key) {
                shiftBack(i);
                size--;
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** Backward-shift deletion: pulls later entries of the probe run into the hole at {@code hole}. */
    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == MISSING) {
                values[hole] = MISSING;
                return;
            }
            int h = home(keys[i]);
            // The entry at i may move into the hole only if its home is not cyclically in (hole, i].
            boolean stays = hole <= i ? (hole < h && h <= i) : (hole < h || h <= i);
            if (!stays) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != MISSING) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
