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
 * <p><b>Cancellation.</b> {@link #schedule} and {@link #sendNow} return a <em>handle</em>: the slot and
 * the slot's generation (bumped each time the slot is released), so a handle outlives its entry safely.
 * {@link #cancel} removes a pending entry at once: from the heap (each slot knows its heap position) or,
 * in the lane, by marking it so that {@link #pop} skips it. A handle whose entry already ran or was
 * cancelled cancels nothing. The heap therefore holds only live entries: a timer cancelled long before
 * its deadline costs no sifting on later pops.
 *
 * <p><b>Cost model.</b> {@link #schedule}: O(log n) sift-up (O(1) through the lane when the time is
 * the current instant), no allocation unless the arrays double.
 * {@link #sendNow}: O(1). {@link #pop}: O(1) from the lane, O(log n) sift-down from the heap.
 * {@link #cancel}: O(log n) from the heap, O(1) in the lane. All arrays double when full (amortised O(1)
 * per entry); nothing shrinks. No boxing, no per-entry objects beyond the payload the caller passes.
 *
 * <p>Not thread-safe.
 */
public final class EventList {

    /** A slot's position when it waits in the lane. */
    private static final int IN_LANE = -1;
    /** A slot's position when it is free, running, or cancelled in the lane. */
    private static final int NOT_PENDING = -2;

    private long now;
    private long nextSequence;

    // slots
    private byte[] slotKind;
    private long[] slotTarget;
    private long[] slotAux;
    private Object[] slotPayload;
    /** Where a pending slot waits: its heap index, {@link #IN_LANE}, or {@link #NOT_PENDING}. */
    private int[] slotPosition;
    /** Bumped each time a slot is released, so stale handles cancel nothing. */
    private int[] slotGeneration;

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
    /** Entries cancelled while they wait in the lane (still in the ring until they reach its head). */
    private int cancelledInLane;

    public EventList(long startMillis, int initialCapacity) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity - 1)) << 1);
        this.now = startMillis;
        slotKind = new byte[capacity];
        slotTarget = new long[capacity];
        slotAux = new long[capacity];
        slotPayload = new Object[capacity];
        slotPosition = new int[capacity];
        slotGeneration = new int[capacity];
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

    /** Live entries pending (cancelled ones are not counted). */
    public int size() {
        return heapSize + laneCount - cancelledInLane;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Time of the next entry, or {@link Long#MAX_VALUE} when none is pending. */
    public long peekTime() {
        dropCancelledLaneHead();
        if (laneCount > 0) {
            return now;
        }
        return heapSize > 0 ? heapTime[0] : Long.MAX_VALUE;
    }

    /**
     * Adds an entry at {@code atMillis} ({@code >= now}); returns its handle (see {@link #cancel}). An
     * entry at the current instant goes to the lane (O(1)): it runs in the same (time, sequence) order as
     * from the heap.
     */
    public long schedule(long atMillis, byte kind, long target, long aux, Object payload) {
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
        return handle(slot);
    }

    /**
     * Adds an entry at the current instant, behind everything already added for this instant; returns
     * its handle.
     */
    public long sendNow(byte kind, long target, long aux, Object payload) {
        int slot = allocateSlot(kind, target, aux, payload);
        slotPosition[slot] = IN_LANE;
        if (laneCount == laneSlot.length) {
            growLane();
        }
        int tail = (laneHead + laneCount) & (laneSlot.length - 1);
        laneSlot[tail] = slot;
        laneSequence[tail] = nextSequence++;
        laneCount++;
        return handle(slot);
    }

    /** Frees the lane's leading entries that were cancelled while they waited. */
    private void dropCancelledLaneHead() {
        while (laneCount > 0) {
            int slot = laneSlot[laneHead];
            if (slotPosition[slot] == IN_LANE) {
                return;
            }
            laneHead = (laneHead + 1) & (laneSlot.length - 1);
            laneCount--;
            cancelledInLane--;
            release(slot);
        }
    }

    private long handle(int slot) {
        return ((long) slotGeneration[slot] << 32) | slot;
    }

    /**
     * Cancels the entry of {@code handle} if it is still pending (it will not pop) and returns true;
     * returns false if it already ran or was cancelled. O(log n) in the heap, O(1) in the lane.
     */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || slotGeneration[slot] != (int) (handle >>> 32)) {
            return false;
        }
        int position = slotPosition[slot];
        if (position == NOT_PENDING) {
            return false;
        }
        if (position == IN_LANE) {
            // The lane is a ring in sequence order: the slot stays in it, marked, and pop skips it.
            slotPosition[slot] = NOT_PENDING;
            slotPayload[slot] = null;
            cancelledInLane++;
            return true;
        }
        int last = --heapSize;
        if (position != last) {
            long time = heapTime[last];
            long sequence = heapSequence[last];
            int moved = heapSlot[last];
            siftDown(position, time, sequence, moved);
            if (heapSlot[position] == moved) {
                siftUp(position, time, sequence, moved);
            }
        }
        release(slot);
        return true;
    }

    /**
     * Removes the next entry in (time, sequence) order, advances the clock to its time and returns its
     * slot, or -1 when nothing is pending. Read the slot, then {@link #release} it.
     */
    public int pop() {
        dropCancelledLaneHead();
        if (laneCount > 0) {
            if (heapSize > 0 && heapTime[0] == now && heapSequence[0] < laneSequence[laneHead]) {
                return popHeap();
            }
            int slot = laneSlot[laneHead];
            laneHead = (laneHead + 1) & (laneSlot.length - 1);
            laneCount--;
            slotPosition[slot] = NOT_PENDING;
            return slot;
        }
        if (heapSize == 0) {
            return -1;
        }
        now = heapTime[0];
        return popHeap();
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
        slotPosition[slot] = NOT_PENDING;
        slotGeneration[slot]++;
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
        slotPosition[top] = NOT_PENDING;
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
            int moved = heapSlot[parent];
            heapSlot[i] = moved;
            slotPosition[moved] = i;
            i = parent;
        }
        heapTime[i] = time;
        heapSequence[i] = sequence;
        heapSlot[i] = slot;
        slotPosition[slot] = i;
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
            int moved = heapSlot[child];
            heapSlot[i] = moved;
            slotPosition[moved] = i;
            i = child;
        }
        heapTime[i] = time;
        heapSequence[i] = sequence;
        heapSlot[i] = slot;
        slotPosition[slot] = i;
    }

    private void growSlots() {
        int n = slotKind.length * 2;
        slotKind = java.util.Arrays.copyOf(slotKind, n);
        slotTarget = java.util.Arrays.copyOf(slotTarget, n);
        slotAux = java.util.Arrays.copyOf(slotAux, n);
        slotPayload = java.util.Arrays.copyOf(slotPayload, n);
        slotPosition = java.util.Arrays.copyOf(slotPosition, n);
        slotGeneration = java.util.Arrays.copyOf(slotGeneration, n);
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
