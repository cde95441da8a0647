package dev.fila.engine.domain.queue;

import java.util.Arrays;

/**
 * The waiting line of one support queue: requests in the order they will be served, with
 * 1-based positions, per-entry flags, and fast access to the n-th entry a given kind of agent may
 * be offered.
 *
 * <h2>Order</h2>
 *
 * Every entry carries a sort key {@code (priorityClass, sortTimeMillis)}. The line is always sorted
 * by that key, lexicographically, lower class first and then lower time first; among equal keys
 * the entry that got its key first stands ahead. {@link #enqueue} puts a new entry behind every
 * entry whose key is {@code <=} its own. {@link #moveBack} moves an entry back by a number of
 * places and gives it the key of the entry that ends up directly ahead of it, which keeps the line
 * sorted and puts later arrivals with that same key behind it.
 *
 * <h2>Flags and eligibility</h2>
 *
 * Each entry is either <em>exclusive</em> (voice or video: it occupies an agent alone) or not
 * (chat); that never changes. It is also <em>available</em> (the requester is still there; a
 * new entry is) and possibly <em>offered</em> (currently offered to an agent; a new entry is
 * not). An entry is <em>eligible</em> when it is available and not offered. Entries that are not
 * eligible keep their place in the line.
 *
 * <h2>Representation</h2>
 *
 * A treap kept in primitive arrays indexed by node slot, ordered by position (its in-order
 * sequence is the line), with parent links. Slot 0 is the empty tree: all its fields stay zero, so
 * the code reads children without null checks. Per slot, an {@code int[]} with a stride of eight
 * holds left, right, parent, subtree size, subtree count of eligible chat entries, subtree count of
 * eligible exclusive entries, priority class and flag bits (so a step down the tree touches one or
 * two cache lines, not eight); {@code long[]} arrays hold the sort time, the request id and the
 * heap priority. Freed slots go on a free list threaded through the left field and are reused
 * before fresh ones; the arrays double when full. A {@link LongIntHashMap} maps a request id to its
 * slot.
 *
 * <p>The heap priorities are not random: the k-th priority drawn is the SplitMix64 hash of k, so
 * the same sequence of operations always builds the same tree (the domain draws no random numbers
 * and reads no clock), while the priorities still look independent of the order of the line, which
 * is what keeps the treap's expected depth logarithmic. Nothing here recurses.
 *
 * <h2>Cost model</h2>
 *
 * With n entries, the expected depth of a node is at most about {@code 2 ln n} (about 28 at
 * n = 10^6; the height of the whole tree, its deepest node, measured 50 on a line of 10^6 random
 * entries), whatever the sequence of operations, as long as it does not depend on the priorities.
 *
 * <ul>
 *   <li>{@link #size}, {@link #eligibleCount}: O(1), read at the root.
 *   <li>{@link #contains}, {@link #isAvailable}, {@link #isOffered}, {@link #isExclusive}, {@link
 *       #priorityClassOf}, {@link #sortTimeOf}: expected O(1), one hash-map probe.
 *   <li>{@link #enqueue}: expected O(log n): one descent on the keys (counting the entries with a
 *       key {@code <=} the new one and bumping the sizes and counts on the way), then an expected
 *       O(1) number of rotations up.
 *   <li>{@link #remove}: expected O(log n): expected O(1) rotations down to a leaf, then one walk
 *       to the root lowering sizes and counts.
 *   <li>{@link #positionOf}: expected O(log n): a walk up the parent links summing left sizes.
 *   <li>{@link #requestAt}: expected O(log n): a descent by subtree sizes.
 *   <li>{@link #moveBack}: expected O(log n): a position walk, a removal, and an insertion by
 *       rank whose descent also finds the entry now ahead (whose key it takes).
 *   <li>{@link #setAvailable}, {@link #setOffered}: expected O(1) when eligibility does not change,
 *       otherwise expected O(log n) to adjust the counts on the path to the root.
 *   <li>{@link #nthEligible}, {@link #positionOfNthEligible}: expected O(log n): a descent by the
 *       eligible counts of that kind.
 *   <li>{@link #forEach}: O(n), an in-order walk on parent links with no stack.
 *   <li>{@link #copy}: O(capacity), array copies.
 * </ul>
 *
 * Memory is 32 + 24 bytes per slot plus 24 to 48 bytes per entry in the id map. Steady-state
 * operations allocate nothing: only growth (array doubling) allocates, and the arrays never
 * shrink, so a line keeps the memory of its longest length. The constant factor rises once the
 * line outgrows the CPU caches (around 10^5 entries on a 32 MiB L3).
 *
 * <p>Not thread-safe. Request ids are {@code long}s {@code >= 0}.
 */
public final class WaitingLine {

    /** Returned when there is no such request. */
    public static final long NONE = -1L;

    private static final int NIL = 0;

    private static final int STRIDE_SHIFT = 3;
    private static final int LEFT = 0;
    private static final int RIGHT = 1;
    private static final int PARENT = 2;
    private static final int SIZE = 3;
    /** Subtree count of eligible chat entries; the exclusive count follows at {@code +1}. */
    private static final int ELIGIBLE = 4;

    private static final int CLASS = 6;
    private static final int FLAGS = 7;

    private static final int F_EXCLUSIVE = 1;
    private static final int F_AVAILABLE = 2;
    private static final int F_OFFERED = 4;

    private static final int INITIAL_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 27;

    /** Per slot: left, right, parent, size, eligible chat, eligible exclusive, class, flags. */
    private int[] nodes;

    private long[] sortTimes;
    private long[] requestIds;
    private long[] priorities;
    private int capacity;

    private int root;
    private int freeHead;
    private int highWater;
    private int count;
    private long priorityState;
    private final LongIntHashMap slotOf;

    /** An empty line. */
    public WaitingLine() {
        this(INITIAL_CAPACITY, new LongIntHashMap());
    }

    /** An empty line with room for {@code capacity - 1} entries, mapping ids through {@code slotOf}. */
    private WaitingLine(int capacity, LongIntHashMap slotOf) {
        this.capacity = capacity;
        nodes = new int[capacity << STRIDE_SHIFT];
        sortTimes = new long[capacity];
        requestIds = new long[capacity];
        priorities = new long[capacity];
        root = NIL;
        freeHead = NIL;
        highWater = 1;
        this.slotOf = slotOf;
    }

    private WaitingLine(WaitingLine other) {
        capacity = other.capacity;
        nodes = other.nodes.clone();
        sortTimes = other.sortTimes.clone();
        requestIds = other.requestIds.clone();
        priorities = other.priorities.clone();
        root = other.root;
        freeHead = other.freeHead;
        highWater = other.highWater;
        count = other.count;
        priorityState = other.priorityState;
        slotOf = other.slotOf.copy();
    }

    /** Number of entries. */
    public int size() {
        return count;
    }

    /** Whether the request stands in the line. */
    public boolean contains(long requestId) {
        return slotOf.get(requestId) != LongIntHashMap.MISSING;
    }

    /**
     * Inserts behind every entry whose key (priorityClass, sortTimeMillis) is {@code <=} the new key
     * (lexicographic; lower class first, then lower time first; ties keep insertion order). {@code
     * exclusive} says whether the request's channel is voice/video (true) or chat (false). New
     * entries are available and not offered.
     *
     * @return the new 1-based position
     * @throws IllegalArgumentException if the id is already present or negative
     */
    public int enqueue(long requestId, int priorityClass, long sortTimeMillis, boolean exclusive) {
        if (requestId < 0) {
            throw new IllegalArgumentException("request id must be >= 0: " + requestId);
        }
        if (slotOf.get(requestId) != LongIntHashMap.MISSING) {
            throw new IllegalArgumentException("request already in line: " + requestId);
        }
        int x = allocate();
        int bx = x << STRIDE_SHIFT;
        int flags = F_AVAILABLE | (exclusive ? F_EXCLUSIVE : 0);
        nodes[bx + CLASS] = priorityClass;
        nodes[bx + FLAGS] = flags;
        sortTimes[x] = sortTimeMillis;
        requestIds[x] = requestId;
        priorities[x] = nextPriority();
        resetAsLeaf(x);

        int kindField = ELIGIBLE + (exclusive ? 1 : 0);
        int[] n = nodes;
        int parent = NIL;
        int cur = root;
        boolean asRight = false;
        // Entries ahead of the new one: on a right turn at cur, everything in cur's subtree but its
        // right subtree, that is size(cur) - size(right); the right child's size is read when the
        // descent gets there, so no step reads a left child only to count it.
        int ahead = 0;
        while (cur != NIL) {
            int b = cur << STRIDE_SHIFT;
            int sizeBefore = n[b + SIZE];
            if (asRight) {
                ahead -= sizeBefore;
            }
            n[b + SIZE] = sizeBefore + 1;
            n[b + kindField]++;
            parent = cur;
            int curClass = n[b + CLASS];
            if (curClass < priorityClass || (curClass == priorityClass && sortTimes[cur] <= sortTimeMillis)) {
                ahead += sizeBefore;
                cur = n[b + RIGHT];
                asRight = true;
            } else {
                cur = n[b + LEFT];
                asRight = false;
            }
        }
        attach(x, parent, asRight);
        siftUp(x);
        slotOf.put(requestId, x);
        count++;
        return ahead + 1;
    }

    /** Removes the request; returns false if it was absent. */
    public boolean remove(long requestId) {
        int x = slotOf.remove(requestId);
        if (x == LongIntHashMap.MISSING) {
            return false;
        }
        unlink(x);
        release(x);
        count--;
        return true;
    }

    /** 1-based position of the request, 0 if absent. */
    public int positionOf(long requestId) {
        int x = slotOf.get(requestId);
        return x == LongIntHashMap.MISSING ? 0 : positionOfSlot(x);
    }

    /** The request at the 1-based position, {@link #NONE} if out of range. */
    public long requestAt(int position) {
        if (position < 1 || position > count) {
            return NONE;
        }
        return requestIds[slotAt(position - 1)];
    }

    /**
     * Moves the entry back {@code places} positions from where it stands (to the back when fewer
     * than {@code places} stand behind it) and returns the new position. The moved entry takes the
     * sort key (class, time) of the entry now directly ahead of it, so the line stays sorted by key
     * and a later enqueue with an equal key goes behind it. Flags (available/offered) are kept. When
     * the entry does not move (zero places, or already at the back) nothing changes, its key
     * included.
     *
     * @throws IllegalArgumentException if absent or {@code places < 0}
     */
    public int moveBack(long requestId, int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must be >= 0: " + places);
        }
        int x = slotOrThrow(requestId);
        int from = positionOfSlot(x);
        int to = places >= count - from ? count : from + places;
        if (to == from) {
            return from;
        }
        unlink(x);
        priorities[x] = nextPriority();
        resetAsLeaf(x);
        // to > from >= 1, so someone stands ahead: insertAtRank returns that entry.
        int ahead = insertAtRank(x, to - 1);
        nodes[(x << STRIDE_SHIFT) + CLASS] = nodes[(ahead << STRIDE_SHIFT) + CLASS];
        sortTimes[x] = sortTimes[ahead];
        return to;
    }

    /**
     * Marks the requester as there (true) or not (false).
     *
     * @throws IllegalArgumentException if absent
     */
    public void setAvailable(long requestId, boolean available) {
        int x = slotOrThrow(requestId);
        int flags = nodes[(x << STRIDE_SHIFT) + FLAGS];
        updateFlags(x, available ? flags | F_AVAILABLE : flags & ~F_AVAILABLE);
    }

    /**
     * Whether the requester is there.
     *
     * @throws IllegalArgumentException if absent
     */
    public boolean isAvailable(long requestId) {
        return (flagsOf(requestId) & F_AVAILABLE) != 0;
    }

    /**
     * Marks the entry as currently offered to an agent (true) or not (false).
     *
     * @throws IllegalArgumentException if absent
     */
    public void setOffered(long requestId, boolean offered) {
        int x = slotOrThrow(requestId);
        int flags = nodes[(x << STRIDE_SHIFT) + FLAGS];
        updateFlags(x, offered ? flags | F_OFFERED : flags & ~F_OFFERED);
    }

    /**
     * Whether the entry is currently offered.
     *
     * @throws IllegalArgumentException if absent
     */
    public boolean isOffered(long requestId) {
        return (flagsOf(requestId) & F_OFFERED) != 0;
    }

    /**
     * Whether the channel is voice/video.
     *
     * @throws IllegalArgumentException if absent
     */
    public boolean isExclusive(long requestId) {
        return (flagsOf(requestId) & F_EXCLUSIVE) != 0;
    }

    /**
     * The entry's priority class.
     *
     * @throws IllegalArgumentException if absent
     */
    public int priorityClassOf(long requestId) {
        return nodes[(slotOrThrow(requestId) << STRIDE_SHIFT) + CLASS];
    }

    /**
     * The entry's sort time.
     *
     * @throws IllegalArgumentException if absent
     */
    public long sortTimeOf(long requestId) {
        return sortTimes[slotOrThrow(requestId)];
    }

    /** Number of eligible (available and not offered) entries of that channel kind. */
    public int eligibleCount(boolean exclusive) {
        return nodes[(root << STRIDE_SHIFT) + ELIGIBLE + (exclusive ? 1 : 0)];
    }

    /**
     * The n-th (0-based) eligible entry of that channel kind in line order, {@link #NONE} if there
     * are fewer (or n is negative).
     */
    public long nthEligible(boolean exclusive, int n) {
        int x = nthEligibleSlot(exclusive, n);
        return x == NIL ? NONE : requestIds[x];
    }

    /** 1-based position of the n-th (0-based) eligible entry of that kind, 0 if there is none. */
    public int positionOfNthEligible(boolean exclusive, int n) {
        int kindField = ELIGIBLE + (exclusive ? 1 : 0);
        int[] nd = nodes;
        if (n < 0 || n >= nd[(root << STRIDE_SHIFT) + kindField]) {
            return 0;
        }
        int exclusiveBit = exclusive ? F_EXCLUSIVE : 0;
        int cur = root;
        int before = 0;
        while (true) {
            int b = cur << STRIDE_SHIFT;
            int lb = nd[b + LEFT] << STRIDE_SHIFT;
            int inLeft = nd[lb + kindField];
            if (n < inLeft) {
                cur = nd[b + LEFT];
                continue;
            }
            n -= inLeft;
            if (eligibleOfKind(nd[b + FLAGS], exclusiveBit)) {
                if (n == 0) {
                    return before + nd[lb + SIZE] + 1;
                }
                n--;
            }
            before += nd[lb + SIZE] + 1;
            cur = nd[b + RIGHT];
        }
    }

    /** The first node, in line order, of the subtree under {@code node}. */
    private int leftmost(int node) {
        int[] n = nodes;
        while (n[(node << STRIDE_SHIFT) + LEFT] != NIL) {
            node = n[(node << STRIDE_SHIFT) + LEFT];
        }
        return node;
    }

    /** The node after {@code node} in line order, or NIL after the last (amortised O(1) over a walk). */
    private int successor(int node) {
        int[] n = nodes;
        int right = n[(node << STRIDE_SHIFT) + RIGHT];
        if (right != NIL) {
            return leftmost(right);
        }
        int parent = n[(node << STRIDE_SHIFT) + PARENT];
        while (parent != NIL && n[(parent << STRIDE_SHIFT) + RIGHT] == node) {
            node = parent;
            parent = n[(parent << STRIDE_SHIFT) + PARENT];
        }
        return parent;
    }

    /** Visits the entries front to back, in O(n). The visitor must not modify this line. */
    public void forEach(EntryVisitor visitor) {
        int[] n = nodes;
        int cur = root;
        if (cur == NIL) {
            return;
        }
        cur = leftmost(cur);
        while (cur != NIL) {
            int b = cur << STRIDE_SHIFT;
            int flags = n[b + FLAGS];
            visitor.visit(
                    requestIds[cur],
                    n[b + CLASS],
                    sortTimes[cur],
                    (flags & F_EXCLUSIVE) != 0,
                    (flags & F_AVAILABLE) != 0,
                    (flags & F_OFFERED) != 0);
            cur = successor(cur);
        }
    }

    /** Receives one entry of the line. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(
                long requestId,
                int priorityClass,
                long sortTimeMillis,
                boolean exclusive,
                boolean available,
                boolean offered);
    }

    /** A deep, independent copy (which will also draw the same heap priorities as this line). */
    public WaitingLine copy() {
        return new WaitingLine(this);
    }

    // ----------------------------------------------------------------------------------------
    // Snapshots (QueueSnapshot.Places): the line in order with each entry's heap priority, and back

    /** The counter the next heap priority is drawn from. */
    long priorityState() {
        return priorityState;
    }

    /**
     * Writes the entries front to back into the arrays (each at least {@link #size} long), with each
     * entry's heap priority. O(n), the walk of {@link #forEach}.
     */
    void export(
            long[] ids,
            int[] classes,
            long[] times,
            boolean[] exclusive,
            boolean[] available,
            boolean[] offered,
            long[] heapPriorities) {
        int[] n = nodes;
        int cur = root;
        if (cur == NIL) {
            return;
        }
        cur = leftmost(cur);
        int i = 0;
        while (cur != NIL) {
            int b = cur << STRIDE_SHIFT;
            int flags = n[b + FLAGS];
            ids[i] = requestIds[cur];
            classes[i] = n[b + CLASS];
            times[i] = sortTimes[cur];
            exclusive[i] = (flags & F_EXCLUSIVE) != 0;
            available[i] = (flags & F_AVAILABLE) != 0;
            offered[i] = (flags & F_OFFERED) != 0;
            heapPriorities[i] = priorities[cur];
            i++;
            cur = successor(cur);
        }
    }

    /**
     * The line whose entries are the arrays' (front to back) with those heap priorities, drawing its
     * next priority from {@code priorityState}: the same tree as the exported one (a treap's shape is
     * fixed by its order and its priorities), slots aside. O(n), no insertion: the tree is built as a
     * Cartesian tree in one pass with a stack along its right spine, then its sizes and eligible
     * counts are summed bottom-up (children before parents: reverse breadth-first order).
     *
     * @throws IllegalArgumentException if the arrays are not a line: an id negative or repeated, or
     *     the keys (class, sort time) not in order
     */
    static WaitingLine restore(
            long[] ids,
            int[] classes,
            long[] times,
            boolean[] exclusive,
            boolean[] available,
            boolean[] offered,
            long[] heapPriorities,
            long priorityState) {
        int size = ids.length;
        int capacity = INITIAL_CAPACITY;
        while (capacity <= size) {
            if (capacity >= MAX_CAPACITY) {
                throw new IllegalArgumentException("too many entries for a line: " + size);
            }
            capacity <<= 1;
        }
        LongIntHashMap slotOf = new LongIntHashMap(size);
        WaitingLine line = new WaitingLine(capacity, slotOf);
        int[] n = line.nodes;
        int[] spine = new int[size + 1];
        int depth = 0;
        for (int i = 0; i < size; i++) {
            int x = i + 1;
            if (ids[i] < 0) {
                throw new IllegalArgumentException("request id must be >= 0: " + ids[i]);
            }
            if (i > 0 && (classes[i] < classes[i - 1] || (classes[i] == classes[i - 1] && times[i] < times[i - 1]))) {
                throw new IllegalArgumentException("the line is not in key order at place " + (i + 1));
            }
            if (slotOf.get(ids[i]) != LongIntHashMap.MISSING) {
                throw new IllegalArgumentException("request twice in a line: " + ids[i]);
            }
            slotOf.put(ids[i], x);
            int bx = x << STRIDE_SHIFT;
            n[bx + CLASS] = classes[i];
            n[bx + FLAGS] =
                    (exclusive[i] ? F_EXCLUSIVE : 0) | (available[i] ? F_AVAILABLE : 0) | (offered[i] ? F_OFFERED : 0);
            line.sortTimes[x] = times[i];
            line.requestIds[x] = ids[i];
            long priority = heapPriorities[i];
            line.priorities[x] = priority;
            // Pop the spine's lower priorities: they become x's left subtree (x follows them in order).
            int last = NIL;
            while (depth > 0 && line.priorities[spine[depth - 1]] < priority) {
                last = spine[--depth];
            }
            n[bx + LEFT] = last;
            if (last != NIL) {
                n[(last << STRIDE_SHIFT) + PARENT] = x;
            }
            if (depth > 0) {
                int top = spine[depth - 1];
                n[(top << STRIDE_SHIFT) + RIGHT] = x;
                n[bx + PARENT] = top;
            }
            spine[depth++] = x;
        }
        line.root = depth == 0 ? NIL : spine[0];
        // Breadth-first order from the root, then aggregates in reverse: children before parents.
        int[] order = spine; // the spine is no longer needed
        int head = 0;
        int tail = 0;
        if (line.root != NIL) {
            order[tail++] = line.root;
        }
        while (head < tail) {
            int b = order[head++] << STRIDE_SHIFT;
            if (n[b + LEFT] != NIL) {
                order[tail++] = n[b + LEFT];
            }
            if (n[b + RIGHT] != NIL) {
                order[tail++] = n[b + RIGHT];
            }
        }
        for (int i = tail - 1; i >= 0; i--) {
            line.pull(order[i]);
        }
        line.highWater = size + 1;
        line.count = size;
        line.priorityState = priorityState;
        return line;
    }

    /**
     * Height of the tree (0 when empty), for tests of balance and determinism. O(n log n) expected;
     * not for the hot path.
     */
    int height() {
        int[] n = nodes;
        int max = 0;
        int cur = root;
        if (cur == NIL) {
            return 0;
        }
        // Walk every node in order, measuring the depth of each leaf-ish node by its parent chain.
        cur = leftmost(cur);
        while (cur != NIL) {
            int b = cur << STRIDE_SHIFT;
            if (n[b + LEFT] == NIL || n[b + RIGHT] == NIL) {
                int depth = 1;
                for (int a = n[b + PARENT]; a != NIL; a = n[(a << STRIDE_SHIFT) + PARENT]) {
                    depth++;
                }
                max = Math.max(max, depth);
            }
            cur = successor(cur);
        }
        return max;
    }

    // ----------------------------------------------------------------------------------------
    // Tree internals

    private static boolean eligibleOfKind(int flags, int exclusiveBit) {
        return (flags & (F_AVAILABLE | F_OFFERED | F_EXCLUSIVE)) == (F_AVAILABLE | exclusiveBit);
    }

    private int flagsOf(long requestId) {
        return nodes[(slotOrThrow(requestId) << STRIDE_SHIFT) + FLAGS];
    }

    private int slotOrThrow(long requestId) {
        int x = slotOf.get(requestId);
        if (x == LongIntHashMap.MISSING) {
            throw new IllegalArgumentException("request not in line: " + requestId);
        }
        return x;
    }

    /** SplitMix64 over a counter: deterministic, well spread heap priorities. */
    private long nextPriority() {
        long z = (priorityState += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int allocate() {
        if (freeHead != NIL) {
            int x = freeHead;
            freeHead = nodes[(x << STRIDE_SHIFT) + LEFT];
            return x;
        }
        if (highWater == capacity) {
            grow();
        }
        return highWater++;
    }

    private void release(int x) {
        int bx = x << STRIDE_SHIFT;
        nodes[bx + LEFT] = freeHead;
        nodes[bx + RIGHT] = NIL;
        nodes[bx + PARENT] = NIL;
        freeHead = x;
    }

    private void grow() {
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("waiting line is full: " + (capacity - 1) + " entries");
        }
        capacity <<= 1;
        nodes = Arrays.copyOf(nodes, capacity << STRIDE_SHIFT);
        sortTimes = Arrays.copyOf(sortTimes, capacity);
        requestIds = Arrays.copyOf(requestIds, capacity);
        priorities = Arrays.copyOf(priorities, capacity);
    }

    /** Makes x a detached single node whose counts reflect its own flags. */
    private void resetAsLeaf(int x) {
        int bx = x << STRIDE_SHIFT;
        int flags = nodes[bx + FLAGS];
        nodes[bx + LEFT] = NIL;
        nodes[bx + RIGHT] = NIL;
        nodes[bx + PARENT] = NIL;
        nodes[bx + SIZE] = 1;
        nodes[bx + ELIGIBLE] = eligibleOfKind(flags, 0) ? 1 : 0;
        nodes[bx + ELIGIBLE + 1] = eligibleOfKind(flags, F_EXCLUSIVE) ? 1 : 0;
    }

    private void attach(int x, int parent, boolean asRight) {
        nodes[(x << STRIDE_SHIFT) + PARENT] = parent;
        if (parent == NIL) {
            root = x;
        } else {
            nodes[(parent << STRIDE_SHIFT) + (asRight ? RIGHT : LEFT)] = x;
        }
    }

    /**
     * Inserts the detached leaf x so that {@code rank} entries stand ahead of it, then restores the
     * heap order. Returns the entry now directly ahead of x ({@link #NIL} if none): the in-order
     * predecessor of a new leaf is the last node where the descent turned right.
     */
    private int insertAtRank(int x, int rank) {
        int[] n = nodes;
        int bx = x << STRIDE_SHIFT;
        int addChat = n[bx + ELIGIBLE];
        int addExclusive = n[bx + ELIGIBLE + 1];
        int parent = NIL;
        int cur = root;
        int lastRightTurn = NIL;
        boolean asRight = false;
        while (cur != NIL) {
            int b = cur << STRIDE_SHIFT;
            n[b + SIZE]++;
            n[b + ELIGIBLE] += addChat;
            n[b + ELIGIBLE + 1] += addExclusive;
            parent = cur;
            int inLeft = n[(n[b + LEFT] << STRIDE_SHIFT) + SIZE];
            if (rank <= inLeft) {
                cur = n[b + LEFT];
                asRight = false;
            } else {
                rank -= inLeft + 1;
                lastRightTurn = cur;
                cur = n[b + RIGHT];
                asRight = true;
            }
        }
        attach(x, parent, asRight);
        siftUp(x);
        return lastRightTurn;
    }

    private void siftUp(int x) {
        long px = priorities[x];
        while (true) {
            int parent = nodes[(x << STRIDE_SHIFT) + PARENT];
            if (parent == NIL || priorities[parent] >= px) {
                return;
            }
            rotateUp(x);
        }
    }

    /** Rotates x above its parent, keeping the in-order sequence; fixes both nodes' aggregates. */
    private void rotateUp(int x) {
        int[] n = nodes;
        int bx = x << STRIDE_SHIFT;
        int p = n[bx + PARENT];
        int bp = p << STRIDE_SHIFT;
        int g = n[bp + PARENT];
        if (n[bp + LEFT] == x) {
            int middle = n[bx + RIGHT];
            n[bp + LEFT] = middle;
            if (middle != NIL) {
                n[(middle << STRIDE_SHIFT) + PARENT] = p;
            }
            n[bx + RIGHT] = p;
        } else {
            int middle = n[bx + LEFT];
            n[bp + RIGHT] = middle;
            if (middle != NIL) {
                n[(middle << STRIDE_SHIFT) + PARENT] = p;
            }
            n[bx + LEFT] = p;
        }
        n[bp + PARENT] = x;
        n[bx + PARENT] = g;
        if (g == NIL) {
            root = x;
        } else {
            int bg = g << STRIDE_SHIFT;
            if (n[bg + LEFT] == p) {
                n[bg + LEFT] = x;
            } else {
                n[bg + RIGHT] = x;
            }
        }
        pull(p);
        pull(x);
    }

    /** Recomputes x's subtree size and eligible counts from its children and itself. */
    private void pull(int x) {
        int[] n = nodes;
        int bx = x << STRIDE_SHIFT;
        int bl = n[bx + LEFT] << STRIDE_SHIFT;
        int br = n[bx + RIGHT] << STRIDE_SHIFT;
        int flags = n[bx + FLAGS];
        n[bx + SIZE] = n[bl + SIZE] + n[br + SIZE] + 1;
        n[bx + ELIGIBLE] = n[bl + ELIGIBLE] + n[br + ELIGIBLE] + (eligibleOfKind(flags, 0) ? 1 : 0);
        n[bx + ELIGIBLE + 1] =
                n[bl + ELIGIBLE + 1] + n[br + ELIGIBLE + 1] + (eligibleOfKind(flags, F_EXCLUSIVE) ? 1 : 0);
    }

    /**
     * Takes x out of the tree (its slot and fields stay as they are): rotates it down until it has
     * at most one child, splices it out, and lowers the aggregates of its former ancestors.
     */
    private void unlink(int x) {
        int[] n = nodes;
        int bx = x << STRIDE_SHIFT;
        int left = n[bx + LEFT];
        int right = n[bx + RIGHT];
        while (left != NIL && right != NIL) {
            rotateUp(priorities[left] >= priorities[right] ? left : right);
            left = n[bx + LEFT];
            right = n[bx + RIGHT];
        }
        int child = left != NIL ? left : right;
        int parent = n[bx + PARENT];
        if (child != NIL) {
            n[(child << STRIDE_SHIFT) + PARENT] = parent;
        }
        if (parent == NIL) {
            root = child;
        } else {
            int bp = parent << STRIDE_SHIFT;
            if (n[bp + LEFT] == x) {
                n[bp + LEFT] = child;
            } else {
                n[bp + RIGHT] = child;
            }
        }
        int flags = n[bx + FLAGS];
        int lessChat = eligibleOfKind(flags, 0) ? 1 : 0;
        int lessExclusive = eligibleOfKind(flags, F_EXCLUSIVE) ? 1 : 0;
        for (int a = parent; a != NIL; a = n[(a << STRIDE_SHIFT) + PARENT]) {
            int b = a << STRIDE_SHIFT;
            n[b + SIZE]--;
            n[b + ELIGIBLE] -= lessChat;
            n[b + ELIGIBLE + 1] -= lessExclusive;
        }
    }

    private void updateFlags(int x, int newFlags) {
        int[] n = nodes;
        int bx = x << STRIDE_SHIFT;
        int oldFlags = n[bx + FLAGS];
        if (oldFlags == newFlags) {
            return;
        }
        n[bx + FLAGS] = newFlags;
        int exclusiveBit = oldFlags & F_EXCLUSIVE;
        boolean wasEligible = eligibleOfKind(oldFlags, exclusiveBit);
        boolean isEligible = eligibleOfKind(newFlags, exclusiveBit);
        if (wasEligible == isEligible) {
            return;
        }
        int delta = isEligible ? 1 : -1;
        int field = ELIGIBLE + (exclusiveBit != 0 ? 1 : 0);
        for (int a = x; a != NIL; a = n[(a << STRIDE_SHIFT) + PARENT]) {
            n[(a << STRIDE_SHIFT) + field] += delta;
        }
    }

    private int positionOfSlot(int x) {
        int[] n = nodes;
        int position = n[(n[(x << STRIDE_SHIFT) + LEFT] << STRIDE_SHIFT) + SIZE] + 1;
        // Coming up from a right child c of p, p and its left subtree stand ahead: that is
        // size(p) - size(c), read from two nodes the walk touches anyway.
        int cur = x;
        int curSize = n[(x << STRIDE_SHIFT) + SIZE];
        int parent = n[(x << STRIDE_SHIFT) + PARENT];
        while (parent != NIL) {
            int bp = parent << STRIDE_SHIFT;
            int parentSize = n[bp + SIZE];
            if (n[bp + RIGHT] == cur) {
                position += parentSize - curSize;
            }
            cur = parent;
            curSize = parentSize;
            parent = n[bp + PARENT];
        }
        return position;
    }

    /** The slot with exactly {@code rank} entries ahead of it; rank must be in [0, count). */
    private int slotAt(int rank) {
        int[] n = nodes;
        int cur = root;
        while (true) {
            int b = cur << STRIDE_SHIFT;
            int inLeft = n[(n[b + LEFT] << STRIDE_SHIFT) + SIZE];
            if (rank < inLeft) {
                cur = n[b + LEFT];
            } else if (rank == inLeft) {
                return cur;
            } else {
                rank -= inLeft + 1;
                cur = n[b + RIGHT];
            }
        }
    }

    private int nthEligibleSlot(boolean exclusive, int n) {
        int kindField = ELIGIBLE + (exclusive ? 1 : 0);
        int[] nd = nodes;
        if (n < 0 || n >= nd[(root << STRIDE_SHIFT) + kindField]) {
            return NIL;
        }
        int exclusiveBit = exclusive ? F_EXCLUSIVE : 0;
        int cur = root;
        while (true) {
            int b = cur << STRIDE_SHIFT;
            int left = nd[b + LEFT];
            int inLeft = nd[(left << STRIDE_SHIFT) + kindField];
            if (n < inLeft) {
                cur = left;
                continue;
            }
            n -= inLeft;
            if (eligibleOfKind(nd[b + FLAGS], exclusiveBit)) {
                if (n == 0) {
                    return cur;
                }
                n--;
            }
            cur = nd[b + RIGHT];
        }
    }

    /**
     * R8: the position an entry with this key would take if it were enqueued now, behind every entry
     * whose key is lower or equal. Expected O(log n); changes nothing.
     */
    public int positionFor(int priorityClass, long sortTimeMillis) {
        int[] n = nodes;
        int cur = root;
        int ahead = 0;
        while (cur != NIL) {
            int b = cur << STRIDE_SHIFT;
            int curClass = n[b + CLASS];
            if (curClass < priorityClass || (curClass == priorityClass && sortTimes[cur] <= sortTimeMillis)) {
                ahead += n[(n[b + LEFT] << STRIDE_SHIFT) + SIZE] + 1;
                cur = n[b + RIGHT];
            } else {
                cur = n[b + LEFT];
            }
        }
        return ahead + 1;
    }
}
