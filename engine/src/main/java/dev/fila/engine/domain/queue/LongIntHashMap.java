package dev.fila.engine.domain.queue;

import java.util.Arrays;

/**
 * A small open-addressing map from non-negative {@code long} keys to {@code int} values, with
 * linear probing and backward-shift deletion (no tombstones), so it never boxes and never
 * allocates except when it doubles.
 *
 * <p>Keys must be {@code >= 0}: the value {@code -1} marks an empty cell. The table keeps its load
 * at or below one half; the home cell of a key is the top bits of {@code key * 2^64/phi}
 * (Fibonacci hashing), which spreads consecutive ids over the whole table. {@link #get}, {@link
 * #put} and {@link #remove} are expected O(1); a resize is O(capacity) and happens only when the
 * number of keys doubles.
 */
final class LongIntHashMap {

    /** Returned by {@link #get} and {@link #remove} when the key is absent. */
    static final int MISSING = -1;

    private static final long EMPTY = -1L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private int[] values;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;

    LongIntHashMap() {
        this(MIN_CAPACITY / 2);
    }

    /** Creates a map that holds {@code expectedSize} keys without resizing. */
    LongIntHashMap(int expectedSize) {
        int capacity = MIN_CAPACITY;
        while (capacity / 2 < expectedSize) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private LongIntHashMap(LongIntHashMap other) {
        keys = other.keys.clone();
        values = other.values.clone();
        mask = other.mask;
        shift = other.shift;
        size = other.size;
        resizeAt = other.resizeAt;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = capacity / 2;
        size = 0;
    }

    int size() {
        return size;
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    int get(long key) {
        if (key < 0) {
            return MISSING;
        }
        long[] k = keys;
        int i = home(key);
        while (true) {
            long found = k[i];
            if (found == key) {
                return values[i];
            }
            if (found == EMPTY) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /** Maps {@code key} to {@code value}, replacing any previous value. */
    void put(long key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("key must be >= 0: " + key);
        }
        int i = home(key);
        while (true) {
            long found = keys[i];
            if (found == key) {
                values[i] = value;
                return;
            }
            if (found == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size > resizeAt) {
                    rehash(keys.length << 1);
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes {@code key}; returns its value, or {@link #MISSING} if it was absent. */
    int remove(long key) {
        if (key < 0) {
            return MISSING;
        }
        int i = home(key);
        while (true) {
            long found = keys[i];
            if (found == EMPTY) {
                return MISSING;
            }
            if (found == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        int removed = values[i];
        size--;
        // Backward shift: pull later members of the probe run into the hole when their home cell
        // does not lie cyclically in (hole, j].
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long moving = keys[j];
            if (moving == EMPTY) {
                break;
            }
            int homeOfMoving = home(moving);
            if (((j - homeOfMoving) & mask) >= ((j - hole) & mask)) {
                keys[hole] = moving;
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        return removed;
    }

    private void rehash(int newCapacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(newCapacity);
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != EMPTY) {
                int j = home(key);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = key;
                values[j] = oldValues[i];
                size++;
            }
        }
    }

    /** An independent copy. */
    LongIntHashMap copy() {
        return new LongIntHashMap(this);
    }
}
