package dev.fila.engine.domain.queue;

import java.util.Arrays;

/**
 * What the queue remembers of each request in its line for the ETA figures (R8): when it entered,
 * how many places it had to advance (its entry position, grown by R11 penalties), and when it was last
 * offered to an agent.
 *
 * <p>Cost model: one {@link LongIntHashMap} probe per operation (expected O(1)) and parallel primitive
 * arrays indexed by a slot; freed slots are reused through a free list, so steady-state use allocates
 * nothing (the arrays double when full and never shrink). Not thread-safe.
 */
final class LineFacts {

    static final long UNKNOWN = -1L;

    private final LongIntHashMap slots;
    private long[] enteredAtMillis;
    private long[] offeredAtMillis;
    private int[] places;
    private int[] free;
    private int freeCount;
    private int used;

    LineFacts() {
        this(0);
    }

    /** Empty facts with room for {@code expected} requests before any growth (a snapshot's rebuild). */
    LineFacts(int expected) {
        int capacity = Math.max(16, expected);
        this.slots = expected > 0 ? new LongIntHashMap(expected) : new LongIntHashMap();
        this.enteredAtMillis = new long[capacity];
        this.offeredAtMillis = new long[capacity];
        this.places = new int[capacity];
        this.free = new int[16];
    }

    private LineFacts(LineFacts other) {
        this.slots = other.slots.copy();
        this.enteredAtMillis = other.enteredAtMillis.clone();
        this.offeredAtMillis = other.offeredAtMillis.clone();
        this.places = other.places.clone();
        this.free = other.free.clone();
        this.freeCount = other.freeCount;
        this.used = other.used;
    }

    LineFacts copy() {
        return new LineFacts(this);
    }

    /** The request entered the line at {@code position}. */
    void entered(long requestId, long atMillis, int position) {
        int slot = slots.get(requestId);
        if (slot == LongIntHashMap.MISSING) {
            slot = allocate();
            slots.put(requestId, slot);
        }
        enteredAtMillis[slot] = atMillis;
        offeredAtMillis[slot] = UNKNOWN;
        places[slot] = position;
    }

    /** A snapshot's facts of one request, as they were (entry time, last offer, places to advance). */
    void restore(long requestId, long enteredAt, long offeredAt, int placesToAdvance) {
        entered(requestId, enteredAt, placesToAdvance);
        offeredAtMillis[slots.get(requestId)] = offeredAt;
    }

    void offered(long requestId, long atMillis) {
        int slot = slots.get(requestId);
        if (slot != LongIntHashMap.MISSING) {
            offeredAtMillis[slot] = atMillis;
        }
    }

    /** R11: the request was moved back {@code extraPlaces}: it has that much further to go. */
    void movedBack(long requestId, int extraPlaces) {
        int slot = slots.get(requestId);
        if (slot != LongIntHashMap.MISSING) {
            places[slot] += extraPlaces;
        }
    }

    long enteredAtMillis(long requestId) {
        int slot = slots.get(requestId);
        return slot == LongIntHashMap.MISSING ? UNKNOWN : enteredAtMillis[slot];
    }

    long offeredAtMillis(long requestId) {
        int slot = slots.get(requestId);
        return slot == LongIntHashMap.MISSING ? UNKNOWN : offeredAtMillis[slot];
    }

    /** The places the request had to advance to reach the head: its entry position plus penalties. */
    int places(long requestId) {
        int slot = slots.get(requestId);
        return slot == LongIntHashMap.MISSING ? 0 : places[slot];
    }

    void forget(long requestId) {
        int slot = slots.remove(requestId);
        if (slot != LongIntHashMap.MISSING) {
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, free.length * 2);
            }
            free[freeCount++] = slot;
        }
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (used == enteredAtMillis.length) {
            int n = used * 2;
            enteredAtMillis = Arrays.copyOf(enteredAtMillis, n);
            offeredAtMillis = Arrays.copyOf(offeredAtMillis, n);
            places = Arrays.copyOf(places, n);
        }
        return used++;
    }
}
