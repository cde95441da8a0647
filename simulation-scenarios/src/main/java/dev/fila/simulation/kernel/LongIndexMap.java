package dev.fila.simulation.kernel;

import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code int} values (any but {@link #MISSING}), in two parts:
 *
 * <ul>
 *   <li><b>Dense keys</b>, {@code 0 <= key < 2^30}, are held directly: pages of 4,096 values indexed by
 *       the key's high bits, each page allocated on first use. Keys handed out in sequence (request ids
 *       1, 2, 3, … as drivers number them) sit side by side, so the requests in flight share a few cache
 *       lines whatever the number that went before, where hashing spread a million of them over a table
 *       of 24 MB and each new one missed the cache.
 *   <li><b>Other keys</b> go to an open-addressing table: linear probing, Fibonacci hashing,
 *       backward-shift deletion (no tombstones).
 * </ul>
 *
 * <p>It never boxes; it allocates a page on a dense key's first use and a table when the sparse part
 * doubles.
 *
 * <p>Cost model: {@link #get}, {@link #put} and {@link #remove} are O(1) for dense keys (two array
 * reads), expected O(1) for the others with the load kept at or below one half (a resize is
 * O(capacity), when their number doubles). Memory: 16 KB per page of dense keys touched (4 bytes per key
 * when keys are consecutive); 12 bytes per cell, two to four cells per key, for the others. Any {@code
 * long} may be a key: emptiness is marked in the values ({@code -1}), not in the keys.
 */
public final class LongIndexMap {

    /** Returned by {@link #get} and {@link #remove} when the key is absent. */
    public static final int MISSING = -1;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Keys below {@code 2^DENSE_BITS} (and not negative) are dense. */
    private static final int DENSE_BITS = 30;

    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    /** Dense pages by {@code key >>> PAGE_BITS}; null until a key of the page is put. */
    private int[][] pages = new int[16][];

    private int denseSize;

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
        return size + denseSize;
    }

    private static boolean isDense(long key) {
        return (key >>> DENSE_BITS) == 0;
    }

    private int[] page(long key) {
        int p = (int) (key >>> PAGE_BITS);
        return p < pages.length ? pages[p] : null;
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    public int get(long key) {
        if (isDense(key)) {
            int[] page = page(key);
            return page == null ? MISSING : page[(int) key & PAGE_MASK];
        }
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
        if (isDense(key)) {
            return putDense(key, value);
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

    private int putDense(long key, int value) {
        int p = (int) (key >>> PAGE_BITS);
        if (p >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
        }
        int[] page = pages[p];
        if (page == null) {
            page = new int[PAGE_SIZE];
            Arrays.fill(page, MISSING);
            pages[p] = page;
        }
        int i = (int) key & PAGE_MASK;
        int previous = page[i];
        page[i] = value;
        if (previous == MISSING) {
            denseSize++;
        }
        return previous;
    }

    /** Removes {@code key}; returns its value or {@link #MISSING}. */
    public int remove(long key) {
        if (isDense(key)) {
            int[] page = page(key);
            if (page == null) {
                return MISSING;
            }
            int i = (int) key & PAGE_MASK;
            int previous = page[i];
            if (previous != MISSING) {
                page[i] = MISSING;
                denseSize--;
            }
            return previous;
        }
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
