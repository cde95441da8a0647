package dev.fila.engine.domain.queue;

import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.eta.QueueObservation;
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
 * and {@link #copy()} gives an independent value for snapshots and tests.
 */
public final class QueueState implements QueueObservation {

    private static final double SERVICE_INTERVAL_WEIGHT = 0.2;

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

    private QueueState(QueueSettings settings, WaitingLine line) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.line = line;
        this.agents = new HashMap<>();
        this.chatCandidates = new TreeSet<>(AgentView.CHAT_ORDER);
        this.idleCandidates = new TreeSet<>(AgentView.IDLE_ORDER);
    }

    public static QueueState initial(QueueSettings settings) {
        return new QueueState(settings, new WaitingLine());
    }

    /** An independent copy (for snapshots, and for tests that compare states). */
    public QueueState copy() {
        QueueState copy = new QueueState(settings, line.copy());
        agents.values().forEach(copy::putAgent);
        copy.servedCount = servedCount;
        copy.lastServedAtMillis = lastServedAtMillis;
        copy.meanServiceIntervalMillis = meanServiceIntervalMillis;
        copy.penaltiesApplied = penaltiesApplied;
        return copy;
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

    /** R8: the predicted remaining wait of a waiting request, or -1 when it is not in the line. */
    public long etaMillis(long requestId, EtaPredictor predictor) {
        int position = line.positionOf(requestId);
        return position == 0 ? -1 : predictor.predictWaitMillis(this, position);
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

    // ---- mutators, for QueueDecider.evolve only ----

    void putAgent(AgentView view) {
        AgentView previous = agents.put(view.agentId(), view);
        if (previous != null) {
            chatCandidates.remove(previous);
            idleCandidates.remove(previous);
            if (previous.online()) {
                agentsOnline--;
            }
        }
        if (view.online()) {
            agentsOnline++;
        }
        if (view.canTake(false)) {
            chatCandidates.add(view);
        }
        if (view.canTake(true)) {
            idleCandidates.add(view);
        }
    }

    void recordServed(long atMillis) {
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
