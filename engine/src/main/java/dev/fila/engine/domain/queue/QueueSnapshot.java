package dev.fila.engine.domain.queue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable picture of a {@link QueueState}, everything {@code decide} and {@code evolve} read but
 * the settings (configuration, not state): {@link QueueState#toSnapshot()} takes it and {@link
 * QueueState#fromSnapshot} rebuilds a state that decides, evolves and reports exactly as the original
 * would, its waiting line's tree shape and future heap priorities included.
 *
 * <p>The line is kept column by column ({@link Places}), in line order: a snapshot of a 100,000-place
 * line is a handful of primitive arrays, not 100,000 objects, both in memory and once serialized.
 *
 * <p>Cost model: taking a snapshot is O(n + a) for n places and a agents (one in-order walk, one hash
 * probe per place); rebuilding is O(n + a log a): the line's treap is rebuilt in O(n) from the places'
 * order and heap priorities (a Cartesian tree, no insertion), the agents go back into their ordered
 * candidate sets.
 *
 * <p>Schema: this is version 1 of the stored form (Pekko's Jackson manifest carries no version until a
 * migration is registered). A change of shape registers a {@code JacksonMigration} for this class under
 * {@code pekko.serialization.jackson.migrations}, as events do, so older snapshots stay readable.
 *
 * @param places the waiting line, front to back, with what the queue remembers of each place
 * @param agents the queue's view of each agent, in the order the state lists them
 * @param chatLimits R2: the chat limit learnt per agent
 * @param figures the running statistics the ETA predictors read (R8)
 */
public record QueueSnapshot(Places places, List<AgentView> agents, Map<String, Integer> chatLimits, Figures figures) {

    public QueueSnapshot {
        Objects.requireNonNull(places, "places");
        Objects.requireNonNull(figures, "figures");
        agents = List.copyOf(agents);
        chatLimits = Map.copyOf(chatLimits);
    }

    /**
     * The line, one array per field, index i holding the place at position i + 1. A record of arrays
     * copies them in and out (so it stays a value) and compares them by content.
     *
     * @param requestIds the request at each place
     * @param priorityClasses each place's priority class (R19)
     * @param sortTimesMillis each place's sort time (R19; after an R11 penalty, its new neighbour's)
     * @param exclusive voice or video (true) or chat (false)
     * @param available R9: the requester is there
     * @param offered the place is being offered to an agent
     * @param heapPriorities the line's tree priorities (they fix the tree's shape)
     * @param nextPriorityState the line's priority counter: the next entry draws from it
     * @param enteredAtMillis when each request entered the line (R8)
     * @param offeredAtMillis when each was last offered, -1 when never
     * @param placesToAdvance each request's entry position grown by its R11 penalties (R8)
     */
    public record Places(
            long[] requestIds,
            int[] priorityClasses,
            long[] sortTimesMillis,
            boolean[] exclusive,
            boolean[] available,
            boolean[] offered,
            long[] heapPriorities,
            long nextPriorityState,
            long[] enteredAtMillis,
            long[] offeredAtMillis,
            int[] placesToAdvance) {

        public Places {
            int n = requestIds.length;
            if (priorityClasses.length != n
                    || sortTimesMillis.length != n
                    || exclusive.length != n
                    || available.length != n
                    || offered.length != n
                    || heapPriorities.length != n
                    || enteredAtMillis.length != n
                    || offeredAtMillis.length != n
                    || placesToAdvance.length != n) {
                throw new IllegalArgumentException("the columns of a line snapshot differ in length");
            }
            requestIds = requestIds.clone();
            priorityClasses = priorityClasses.clone();
            sortTimesMillis = sortTimesMillis.clone();
            exclusive = exclusive.clone();
            available = available.clone();
            offered = offered.clone();
            heapPriorities = heapPriorities.clone();
            enteredAtMillis = enteredAtMillis.clone();
            offeredAtMillis = offeredAtMillis.clone();
            placesToAdvance = placesToAdvance.clone();
        }

        /** Number of places. */
        public int size() {
            return requestIds.length;
        }

        @Override
        public long[] requestIds() {
            return requestIds.clone();
        }

        @Override
        public int[] priorityClasses() {
            return priorityClasses.clone();
        }

        @Override
        public long[] sortTimesMillis() {
            return sortTimesMillis.clone();
        }

        @Override
        public boolean[] exclusive() {
            return exclusive.clone();
        }

        @Override
        public boolean[] available() {
            return available.clone();
        }

        @Override
        public boolean[] offered() {
            return offered.clone();
        }

        @Override
        public long[] heapPriorities() {
            return heapPriorities.clone();
        }

        @Override
        public long[] enteredAtMillis() {
            return enteredAtMillis.clone();
        }

        @Override
        public long[] offeredAtMillis() {
            return offeredAtMillis.clone();
        }

        @Override
        public int[] placesToAdvance() {
            return placesToAdvance.clone();
        }

        /** Rebuilds the line in O(n) (package-private: reads the arrays without copying them). */
        WaitingLine toLine() {
            return WaitingLine.restore(
                    requestIds,
                    priorityClasses,
                    sortTimesMillis,
                    exclusive,
                    available,
                    offered,
                    heapPriorities,
                    nextPriorityState);
        }

        /** Rebuilds what the queue remembers of each place. */
        LineFacts toFacts() {
            LineFacts facts = new LineFacts(requestIds.length);
            for (int i = 0; i < requestIds.length; i++) {
                facts.restore(requestIds[i], enteredAtMillis[i], offeredAtMillis[i], placesToAdvance[i]);
            }
            return facts;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Places p
                    && nextPriorityState == p.nextPriorityState
                    && Arrays.equals(requestIds, p.requestIds)
                    && Arrays.equals(priorityClasses, p.priorityClasses)
                    && Arrays.equals(sortTimesMillis, p.sortTimesMillis)
                    && Arrays.equals(exclusive, p.exclusive)
                    && Arrays.equals(available, p.available)
                    && Arrays.equals(offered, p.offered)
                    && Arrays.equals(heapPriorities, p.heapPriorities)
                    && Arrays.equals(enteredAtMillis, p.enteredAtMillis)
                    && Arrays.equals(offeredAtMillis, p.offeredAtMillis)
                    && Arrays.equals(placesToAdvance, p.placesToAdvance);
        }

        @Override
        public int hashCode() {
            return Objects.hash(
                    nextPriorityState,
                    Arrays.hashCode(requestIds),
                    Arrays.hashCode(priorityClasses),
                    Arrays.hashCode(sortTimesMillis),
                    Arrays.hashCode(exclusive),
                    Arrays.hashCode(available),
                    Arrays.hashCode(offered),
                    Arrays.hashCode(heapPriorities),
                    Arrays.hashCode(enteredAtMillis),
                    Arrays.hashCode(offeredAtMillis),
                    Arrays.hashCode(placesToAdvance));
        }

        @Override
        public String toString() {
            return "Places[size=" + requestIds.length + ", requestIds=" + Arrays.toString(requestIds) + "]";
        }
    }

    /**
     * The queue's running statistics (R8, R11): each as {@link QueueState} keeps it. The agent counts
     * ({@code agentsOnline}, chat slots, idle agents) are not here: they follow from the agents and
     * chat limits.
     */
    public record Figures(
            long servedCount,
            long lastServedAtMillis,
            double meanServiceIntervalMillis,
            long penaltiesApplied,
            int offeredCount,
            long handleObservations,
            double meanHandleMillis,
            long acceptObservations,
            double meanAcceptDelayMillis,
            long offersMade,
            long lastServedWaitMillis,
            int lastServedPlaces,
            long abandonments,
            double waitingExposureMillis,
            long lastChangeMillis) {}
}
