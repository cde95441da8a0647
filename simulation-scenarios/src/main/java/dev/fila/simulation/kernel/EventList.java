package dev.fila.simulation.kernel;

/**
 * The kernel's pending entries, ordered by (time, sequence): a binary min-heap for the future and a
 * first-in-first-out lane for sends at the current instant, merged on pop.
 *
 * <p><b>Representation.</b> An entry's payload lives in a <em>slot</em>: parallel arrays of a kind
 * byte, a {@code long} target, a {@code long} auxiliary value and one object reference. Freed slots go
 * on a free list and are reused. The heap is three parallel primitive arrays ({@code long} time,
 * {@code long} sequence, {@code int} slot): sifting moves primitives only, never an object reference.
 * The lane is a ring of slot indexes and sequences; its entries are all at the current instant.
 *
 * <p><b>Order.</b> Every entry gets the next number of one global sequence when added. Entries pop in
 * increasing (time, sequence), so entries at the same instant pop in the order they were added
 * (deterministic FIFO tie-break). The lane holds only entries at the current instant {@code now}, and
 * every heap entry is at {@code now} or later, so the merge compares the lane head with the heap top
 * only when the heap top is at {@code now}.
 *
 * <p><b>Cost model.</b> {@link #schedule}: O(log n) sift-up (O(1) through the lane when the time is
 * the current instant), no allocation unless the arrays double.
 * {@link #sendNow}: O(1). {@link #pop}: O(1) from the lane, O(log n) sift-down from the heap. All
 * arrays double when full (amortised O(1) per entry); nothing shrinks. No boxing, no per-entry objects
 * beyond the payload the caller passes.
 *
 * <p>Not thread-safe.
 */
public final class EventList {

    private long now;
    private long nextSequence;

    // slots
    private byte[] slotKind;
    private long[] slotTarget;
    private long[] slotAux;
    private Object[] slotPayload;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    // heap
    private long[] heapTime;
    private long[] heapSequence;
    private int[] heapSlot;
    private int heapSize;

    // lane (ring)
    private int[] laneSlot;
    private long[] laneSequence;
    private int laneHead;
    private int laneCount;

    public EventList(long startMillis, int initialCapacity) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity - 1)) << 1);
        this.now = startMillis;
        slotKind = new byte[capacity];
        slotTarget = new long[capacity];
        slotAux = new long[capacity];
        slotPayload = new Object[capacity];
        freeSlots = new int[capacity];
        heapTime = new long[capacity];
        heapSequence = new long[capacity];
        heapSlot = new int[capacity];
        laneSlot = new int[capacity];
        laneSequence = new long[capacity];
    }

    /** The current instant: the time of the entry popped last (or the start). */
    public long now() {
        return now;
    }

    /** Moves the clock forward to {@code atMillis} when nothing is pending before it. */
    public void advanceTo(long atMillis) {
        if (atMillis < now) {
            throw new IllegalArgumentException("time runs forward: " + atMillis + " < " + now);
        }
        if (laneCount > 0 || (heapSize > 0 && heapTime[0] < atMillis)) {
            throw new IllegalStateException("entries are pending before " + atMillis);
        }
        now = atMillis;
    }

    public int size() {
        return heapSize + laneCount;
    }

    public boolean isEmpty() {
        return heapSize + laneCount == 0;
    }

    /** Time of the next entry, or {@link Long#MAX_VALUE} when none is pending. */
    public long peekTime() {
        if (laneCount > 0) {
            return now;
        }
        return heapSize > 0 ? heapTime[0] : Long.MAX_VALUE;
    }

    /**
     * Adds an entry at {@code atMillis} ({@code >= now}); returns its slot. An entry at the current
     * instant goes to the lane (O(1)): it runs in the same (time, sequence) order as from the heap.
     */
    public int schedule(long atMillis, byte kind, long target, long aux, Object payload) {
        if (atMillis <= now) {
            if (atMillis < now) {
                throw new IllegalArgumentException("cannot schedule in the past: " + atMillis + " < " + now);
            }
            return sendNow(kind, target, aux, payload);
        }
        int slot = allocateSlot(kind, target, aux, payload);
        if (heapSize == heapTime.length) {
            growHeap();
        }
        siftUp(heapSize++, atMillis, nextSequence++, slot);
        return slot;
    }

    /** Adds an entry at the current instant, behind everything already added for this instant. */
    public int sendNow(byte kind, long target, long aux, Object payload) {
        int slot = allocateSlot(kind, target, aux, payload);
        if (laneCount == laneSlot.length) {
            growLane();
        }
        int tail = (laneHead + laneCount) & (laneSlot.length - 1);
        laneSlot[tail] = slot;
        laneSequence[tail] = nextSequence++;
        laneCount++;
        return slot;
    }

    /**
     * Removes the next entry in (time, sequence) order, advances the clock to its time and returns its
     * slot, or -1 when nothing is pending. Read the slot, then {@link #release} it.
     */
    public int pop() {
        if (laneCount > 0) {
            if (heapSize > 0 && heapTime[0] == now && heapSequence[0] < laneSequence[laneHead]) {
                return popHeap();
            }
            int slot = laneSlot[laneHead];
            laneHead = (laneHead + 1) & (laneSlot.length - 1);
            laneCount--;
            return slot;
        }
        if (heapSize == 0) {
            return -1;
        }
        now = heapTime[0];
        return popHeap();
    }

    /** Tells which pending heap entries {@link #removeIf} drops. */
    @FunctionalInterface
    public interface EntryFilter {
        boolean test(byte kind, long target, long aux, Object payload);
    }

    /**
     * Drops every entry waiting in the heap (not the lane) that {@code dead} accepts, frees its slot,
     * and rebuilds the heap; returns the number dropped. The others keep their (time, sequence), so the
     * order in which they run is unchanged. O(n): meant for rare compaction of entries known to be
     * dead (lazily cancelled timers), never per step.
     */
    public int removeIf(EntryFilter dead) {
        int kept = 0;
        for (int i = 0; i < heapSize; i++) {
            int slot = heapSlot[i];
            if (dead.test(slotKind[slot], slotTarget[slot], slotAux[slot], slotPayload[slot])) {
                release(slot);
            } else {
                heapTime[kept] = heapTime[i];
                heapSequence[kept] = heapSequence[i];
                heapSlot[kept] = slot;
                kept++;
            }
        }
        int removed = heapSize - kept;
        heapSize = kept;
        for (int i = (kept >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heapTime[i], heapSequence[i], heapSlot[i]);
        }
        return removed;
    }

    public byte kind(int slot) {
        return slotKind[slot];
    }

    public long target(int slot) {
        return slotTarget[slot];
    }

    public long aux(int slot) {
        return slotAux[slot];
    }

    public Object payload(int slot) {
        return slotPayload[slot];
    }

    /** Gives the slot back for reuse. */
    public void release(int slot) {
        slotPayload[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = java.util.Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    /** Slots ever allocated (the high-water mark of pending entries). */
    public int slotsAllocated() {
        return slotsUsed;
    }

    private int allocateSlot(byte kind, long target, long aux, Object payload) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotsUsed == slotKind.length) {
                growSlots();
            }
            slot = slotsUsed++;
        }
        slotKind[slot] = kind;
        slotTarget[slot] = target;
        slotAux[slot] = aux;
        slotPayload[slot] = payload;
        return slot;
    }

    private int popHeap() {
        int top = heapSlot[0];
        int last = --heapSize;
        if (last > 0) {
            siftDown(0, heapTime[last], heapSequence[last], heapSlot[last]);
        }
        return top;
    }

    private void siftUp(int index, long time, long sequence, int slot) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = heapTime[parent];
            if (pt < time || (pt == time && heapSequence[parent] < sequence)) {
                break;
            }
            heapTime[i] = pt;
            heapSequence[i] = heapSequence[parent];
            heapSlot[i] = heapSlot[parent];
            i = parent;
        }
        heapTime[i] = time;
        heapSequence[i] = sequence;
        heapSlot[i] = slot;
    }

    private void siftDown(int index, long time, long sequence, int slot) {
        int i = index;
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < heapSize
                    && (heapTime[right] < heapTime[child]
                            || (heapTime[right] == heapTime[child] && heapSequence[right] < heapSequence[child]))) {
                child = right;
            }
            long ct = heapTime[child];
            if (time < ct || (time == ct && sequence < heapSequence[child])) {
                break;
            }
            heapTime[i] = ct;
            heapSequence[i] = heapSequence[child];
            heapSlot[i] = heapSlot[child];
            i = child;
        }
        heapTime[i] = time;
        heapSequence[i] = sequence;
        heapSlot[i] = slot;
    }

    private void growSlots() {
        int n = slotKind.length * 2;
        slotKind = java.util.Arrays.copyOf(slotKind, n);
        slotTarget = java.util.Arrays.copyOf(slotTarget, n);
        slotAux = java.util.Arrays.copyOf(slotAux, n);
        slotPayload = java.util.Arrays.copyOf(slotPayload, n);
    }

    private void growHeap() {
        int n = heapTime.length * 2;
        heapTime = java.util.Arrays.copyOf(heapTime, n);
        heapSequence = java.util.Arrays.copyOf(heapSequence, n);
        heapSlot = java.util.Arrays.copyOf(heapSlot, n);
    }

    private void growLane() {
        int n = laneSlot.length;
        int[] slots = new int[n * 2];
        long[] sequences = new long[n * 2];
        for (int i = 0; i < laneCount; i++) {
            int from = (laneHead + i) & (n - 1);
            slots[i] = laneSlot[from];
            sequences[i] = laneSequence[from];
        }
        laneSlot = slots;
        laneSequence = sequences;
        laneHead = 0;
    }
}
