package dev.fila.engine.domain.queue;

import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.eta.QueueObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A queue's state: its settings, its waiting line, its view of the agents who serve it, and the
 * figures its ETA predictors read.
 *
 * <p><b>The one mutable state of the domain.</b> The waiting line is an order-statistic tree updated
 * in place: a persistent tree would allocate O(log n) nodes on every operation of the simulation
 * kernel's hottest path. To keep the decider contract anyway, only {@link QueueDecider#evolve}
 * changes a queue state (through the package-private mutators below), {@code decide} only reads it,
 * and {@link #copy()} gives an independent value for tests and working copies. Its immutable,
 * serializable form is {@link QueueSnapshot} ({@link #toSnapshot()}, {@link #fromSnapshot}).
 */
public final class QueueState implements QueueObservation {

    private static final double SERVICE_INTERVAL_WEIGHT = 0.2;

    /**
     * Handle times and acceptance delays are averaged plainly over the first this-many observations,
     * then with this weight 1/n for each new one (an exponentially weighted mean that follows drifts).
     */
    private static final int MEAN_WINDOW = 200;

    private final QueueSettings settings;
    private final WaitingLine line;
    private final Map<String, AgentView> agents;
    private final TreeSet<AgentView> chatCandidates;
    private final TreeSet<AgentView> idleCandidates;
    private int agentsOnline;
    private long servedCount;
    private long lastServedAtMillis;
    private double meanServiceIntervalMillis;
    private long penaltiesApplied;

    // R8: the figures the ETA predictors read, kept up to date by evolve
    private final LineFacts facts;
    private final Map<String, Integer> chatLimits;
    private int chatSlotsOnline;
    private int freeChatSlots;
    private int idleAgentsOnline;
    private int offeredCount;
    private long handleObservations;
    private double meanHandleMillis;
    private long acceptObservations;
    private double meanAcceptDelayMillis;
    private long offersMade;
    private long lastServedWaitMillis = -1;
    private int lastServedPlaces;
    private long abandonments;
    private double waitingExposureMillis;
    private long lastChangeMillis = Long.MIN_VALUE;

    private QueueState(QueueSettings settings, WaitingLine line, LineFacts facts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.line = line;
        this.facts = facts;
        this.agents = new HashMap<>();
        this.chatLimits = new HashMap<>();
        this.chatCandidates = new TreeSet<>(AgentView.CHAT_ORDER);
        this.idleCandidates = new TreeSet<>(AgentView.IDLE_ORDER);
    }

    public static QueueState initial(QueueSettings settings) {
        return new QueueState(settings, new WaitingLine(), new LineFacts());
    }

    /** An independent copy (a batch's working state, and tests that compare states). */
    public QueueState copy() {
        QueueState copy = new QueueState(settings, line.copy(), facts.copy());
        copy.chatLimits.putAll(chatLimits);
        agents.values().forEach(copy::putAgent);
        copy.servedCount = servedCount;
        copy.lastServedAtMillis = lastServedAtMillis;
        copy.meanServiceIntervalMillis = meanServiceIntervalMillis;
        copy.penaltiesApplied = penaltiesApplied;
        copy.offeredCount = offeredCount;
        copy.handleObservations = handleObservations;
        copy.meanHandleMillis = meanHandleMillis;
        copy.acceptObservations = acceptObservations;
        copy.meanAcceptDelayMillis = meanAcceptDelayMillis;
        copy.offersMade = offersMade;
        copy.lastServedWaitMillis = lastServedWaitMillis;
        copy.lastServedPlaces = lastServedPlaces;
        copy.abandonments = abandonments;
        copy.waitingExposureMillis = waitingExposureMillis;
        copy.lastChangeMillis = lastChangeMillis;
        return copy;
    }

    /**
     * An immutable picture of this state, for the live engine's snapshots: O(n + a) for n waiting
     * requests and a agents (see {@link QueueSnapshot}).
     */
    public QueueSnapshot toSnapshot() {
        int n = line.size();
        long[] ids = new long[n];
        int[] classes = new int[n];
        long[] times = new long[n];
        boolean[] exclusive = new boolean[n];
        boolean[] available = new boolean[n];
        boolean[] offered = new boolean[n];
        long[] heapPriorities = new long[n];
        line.export(ids, classes, times, exclusive, available, offered, heapPriorities);
        long[] enteredAt = new long[n];
        long[] offeredAt = new long[n];
        int[] places = new int[n];
        for (int i = 0; i < n; i++) {
            enteredAt[i] = facts.enteredAtMillis(ids[i]);
            offeredAt[i] = facts.offeredAtMillis(ids[i]);
            places[i] = facts.places(ids[i]);
        }
        QueueSnapshot.Places columns = new QueueSnapshot.Places(
                ids,
                classes,
                times,
                exclusive,
                available,
                offered,
                heapPriorities,
                line.priorityState(),
                enteredAt,
                offeredAt,
                places);
        QueueSnapshot.Figures figures = new QueueSnapshot.Figures(
                servedCount,
                lastServedAtMillis,
                meanServiceIntervalMillis,
                penaltiesApplied,
                offeredCount,
                handleObservations,
                meanHandleMillis,
                acceptObservations,
                meanAcceptDelayMillis,
                offersMade,
                lastServedWaitMillis,
                lastServedPlaces,
                abandonments,
                waitingExposureMillis,
                lastChangeMillis);
        return new QueueSnapshot(columns, new ArrayList<>(agents.values()), chatLimits, figures);
    }

    /**
     * The state a snapshot pictures, under these settings (configuration, never in the snapshot):
     * indistinguishable from the state it was taken of. O(n + a log a) (see {@link QueueSnapshot}).
     *
     * @throws IllegalArgumentException if the snapshot's line is not a line (see {@link
     *     WaitingLine}'s order)
     */
    public static QueueState fromSnapshot(QueueSettings settings, QueueSnapshot snapshot) {
        QueueSnapshot.Places places = snapshot.places();
        QueueState state = new QueueState(settings, places.toLine(), places.toFacts());
        state.chatLimits.putAll(snapshot.chatLimits());
        // The agents in their recorded order, one by one, as the state met them: its map iterates
        // them in the same order, and the counts of agents and slots online are summed again.
        snapshot.agents().forEach(state::putAgent);
        QueueSnapshot.Figures f = snapshot.figures();
        state.servedCount = f.servedCount();
        state.lastServedAtMillis = f.lastServedAtMillis();
        state.meanServiceIntervalMillis = f.meanServiceIntervalMillis();
        state.penaltiesApplied = f.penaltiesApplied();
        state.offeredCount = f.offeredCount();
        state.handleObservations = f.handleObservations();
        state.meanHandleMillis = f.meanHandleMillis();
        state.acceptObservations = f.acceptObservations();
        state.meanAcceptDelayMillis = f.meanAcceptDelayMillis();
        state.offersMade = f.offersMade();
        state.lastServedWaitMillis = f.lastServedWaitMillis();
        state.lastServedPlaces = f.lastServedPlaces();
        state.abandonments = f.abandonments();
        state.waitingExposureMillis = f.waitingExposureMillis();
        state.lastChangeMillis = f.lastChangeMillis();
        return state;
    }

    public QueueSettings settings() {
        return settings;
    }

    public String queueId() {
        return settings.queueId();
    }

    /** Read access to the line; callers must not change it (only {@code evolve} does). */
    public WaitingLine line() {
        return line;
    }

    /** R8: the 1-based position of a waiting request, 0 when it is not in the line. */
    public int positionOf(long requestId) {
        return line.positionOf(requestId);
    }

    /**
     * R8: the predicted remaining wait, as of {@code nowMillis}, of a waiting request, or -1 when it is
     * not in the line.
     */
    public long etaMillis(long requestId, EtaPredictor predictor, long nowMillis) {
        int position = line.positionOf(requestId);
        return position == 0 ? -1 : predictor.predictWaitMillis(this, position, nowMillis);
    }

    /** R8: {@link #etaMillis(long, EtaPredictor, long)} as of the queue's last change. */
    public long etaMillis(long requestId, EtaPredictor predictor) {
        return etaMillis(requestId, predictor, Math.max(0, lastChangeMillis));
    }

    public AgentView agent(String agentId) {
        return agents.get(agentId);
    }

    public Iterable<AgentView> agentViews() {
        return agents.values();
    }

    /** Agents who can take one more chat, best first. */
    Iterable<AgentView> chatCandidates() {
        return chatCandidates;
    }

    /** Agents who hold nothing (so can take voice or video), best first. */
    Iterable<AgentView> idleCandidates() {
        return idleCandidates;
    }

    /** Whether some agent in view could take a request of that kind. */
    boolean someAgentCanTake(boolean exclusive) {
        return !(exclusive ? idleCandidates : chatCandidates).isEmpty();
    }

    @Override
    public long penaltiesApplied() {
        return penaltiesApplied;
    }

    @Override
    public int waitingCount() {
        return line.size();
    }

    @Override
    public int agentsOnline() {
        return agentsOnline;
    }

    @Override
    public long servedCount() {
        return servedCount;
    }

    @Override
    public double meanServiceIntervalMillis() {
        return meanServiceIntervalMillis;
    }

    @Override
    public long defaultHandleMillis() {
        return settings.defaultHandleMillis();
    }

    @Override
    public long handleObservations() {
        return handleObservations;
    }

    @Override
    public double meanHandleMillis() {
        return handleObservations == 0 ? settings.defaultHandleMillis() : meanHandleMillis;
    }

    @Override
    public int chatSlotsOnline() {
        return chatSlotsOnline;
    }

    @Override
    public int freeChatSlots() {
        return freeChatSlots;
    }

    @Override
    public int idleAgentsOnline() {
        return idleAgentsOnline;
    }

    @Override
    public int eligibleCount() {
        return line.eligibleCount(false) + line.eligibleCount(true);
    }

    @Override
    public int offeredCount() {
        return offeredCount;
    }

    @Override
    public int eligibleAhead(int position) {
        return eligibleAhead(false, position) + eligibleAhead(true, position);
    }

    /** How many eligible entries of that kind stand ahead of the position: a binary search on ranks. */
    private int eligibleAhead(boolean exclusive, int position) {
        int low = 0;
        int high = line.eligibleCount(exclusive);
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (line.positionOfNthEligible(exclusive, mid) < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public boolean exclusiveAt(int position) {
        long requestId = line.requestAt(position);
        return requestId != WaitingLine.NONE && line.isExclusive(requestId);
    }

    @Override
    public long headEnteredAtMillis() {
        long head = head();
        return head == WaitingLine.NONE ? -1 : facts.enteredAtMillis(head);
    }

    @Override
    public int headPlaces() {
        long head = head();
        return head == WaitingLine.NONE ? 0 : facts.places(head);
    }

    /**
     * The head of the line as the next to be served: the first eligible request (R9: a stepped-away
     * customer keeps position 1 but is passed over; an offered one is already being invited), or the
     * request at position 1 when none is eligible.
     */
    private long head() {
        int chat = line.positionOfNthEligible(false, 0);
        int exclusive = line.positionOfNthEligible(true, 0);
        int position = chat == 0 ? exclusive : exclusive == 0 ? chat : Math.min(chat, exclusive);
        return line.requestAt(position == 0 ? 1 : position);
    }

    @Override
    public long lastServedWaitMillis() {
        return lastServedWaitMillis;
    }

    @Override
    public int lastServedPlaces() {
        return lastServedPlaces;
    }

    @Override
    public long offersMade() {
        return offersMade;
    }

    @Override
    public long acceptTimeoutMillis() {
        return settings.acceptTimeoutMillis();
    }

    @Override
    public double meanAcceptDelayMillis() {
        return meanAcceptDelayMillis;
    }

    @Override
    public long abandonments() {
        return abandonments;
    }

    @Override
    public double waitingExposureMillis() {
        return waitingExposureMillis;
    }

    /** The instant of the last event that changed the line's length (Long.MIN_VALUE before any). */
    public long lastChangeMillis() {
        return lastChangeMillis;
    }

    // ---- mutators, for QueueDecider.evolve only ----

    void putAgent(AgentView view) {
        AgentView previous = agents.put(view.agentId(), view);
        if (previous != null) {
            chatCandidates.remove(previous);
            idleCandidates.remove(previous);
            if (previous.online()) {
                agentsOnline--;
                chatSlotsOnline -= chatLimit(previous.agentId());
                freeChatSlots -= Math.max(0, previous.freeChatSlots());
                if (previous.idle()) {
                    idleAgentsOnline--;
                }
            }
        }
        if (view.idle() && view.freeChatSlots() > 0 && view.freeChatSlots() != chatLimit(view.agentId())) {
            // R2: an agent holding nothing has all its chat slots free: that is its limit.
            chatLimits.put(view.agentId(), view.freeChatSlots());
        }
        if (view.online()) {
            agentsOnline++;
            chatSlotsOnline += chatLimit(view.agentId());
            freeChatSlots += Math.max(0, view.freeChatSlots());
            if (view.idle()) {
                idleAgentsOnline++;
            }
        }
        if (view.canTake(false)) {
            chatCandidates.add(view);
        }
        if (view.canTake(true)) {
            idleCandidates.add(view);
        }
    }

    private int chatLimit(String agentId) {
        Integer limit = chatLimits.get(agentId);
        return limit == null ? 1 : limit;
    }

    /** The line's length is about to change at {@code atMillis}: account the waiting time so far. */
    private void advanceTo(long atMillis) {
        if (lastChangeMillis != Long.MIN_VALUE && atMillis > lastChangeMillis) {
            waitingExposureMillis += (double) line.size() * (atMillis - lastChangeMillis);
        }
        if (atMillis > lastChangeMillis) {
            lastChangeMillis = atMillis;
        }
    }

    /** Call before the line enqueues. */
    void beforeEnqueue(long atMillis) {
        advanceTo(atMillis);
    }

    /** Call after the line enqueued the request at {@code position}. */
    void recordEntered(long requestId, long atMillis, int position) {
        facts.entered(requestId, atMillis, position);
    }

    /** Call before the line removes the request. */
    void recordLeaving(long requestId, LineExit exit, long atMillis) {
        advanceTo(atMillis);
        if (line.isOffered(requestId)) {
            offeredCount--;
        }
        if (exit == LineExit.SERVED) {
            long enteredAt = facts.enteredAtMillis(requestId);
            if (enteredAt != LineFacts.UNKNOWN) {
                lastServedWaitMillis = Math.max(0, atMillis - enteredAt);
                lastServedPlaces = facts.places(requestId);
            }
            long offeredAt = facts.offeredAtMillis(requestId);
            if (offeredAt != LineFacts.UNKNOWN) {
                acceptObservations++;
                meanAcceptDelayMillis += (Math.max(0, atMillis - offeredAt) - meanAcceptDelayMillis)
                        / Math.min(acceptObservations, MEAN_WINDOW);
            }
            recordServed(atMillis);
        } else {
            abandonments++;
        }
        facts.forget(requestId);
    }

    /** Call before the line marks the request offered. */
    void recordOffered(long requestId, long atMillis) {
        if (!line.isOffered(requestId)) {
            offeredCount++;
        }
        offersMade++;
        facts.offered(requestId, atMillis);
    }

    /** Call before the line clears the request's offered mark. */
    void recordOfferEnded(long requestId) {
        if (line.isOffered(requestId)) {
            offeredCount--;
        }
    }

    /** R11: the request went back {@code places} places. */
    void recordMovedBack(long requestId, int places) {
        facts.movedBack(requestId, places);
    }

    /** R8: an interaction of this queue was handled for that long. */
    void recordHandled(long handledMillis) {
        handleObservations++;
        meanHandleMillis += (handledMillis - meanHandleMillis) / Math.min(handleObservations, MEAN_WINDOW);
    }

    private void recordServed(long atMillis) {
        if (servedCount > 0) {
            double interval = atMillis - lastServedAtMillis;
            meanServiceIntervalMillis = servedCount == 1
                    ? interval
                    : meanServiceIntervalMillis + SERVICE_INTERVAL_WEIGHT * (interval - meanServiceIntervalMillis);
        }
        servedCount++;
        lastServedAtMillis = atMillis;
    }

    void recordPenalty() {
        penaltiesApplied++;
    }
}
