package dev.fila.simulation.kernel;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.TimerKind;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentRejection;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueRejection;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.engine.domain.request.Queueing;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.Ticket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The virtual-time kernel: a single-threaded discrete-event loop that hosts the three deciders
 * (requests, agents, queues) and carries out their effects on a virtual clock, the way the actor shell
 * does on a real one.
 *
 * <h2>What it does with a command</h2>
 *
 * It decides the command against the target's state at the current virtual instant; if accepted, it
 * evolves the state with each event (showing each to the {@link KernelListener}s), then carries out the
 * effects in the order they were emitted: a send ({@code ToRequest}, {@code ToAgent}, {@code ToQueue})
 * goes to the back of the lane of the current instant; {@code StartTimer} arms the request's timer and
 * schedules its firing; {@code CancelTimer} disarms it; {@code Notify} goes to the listeners. A command
 * refused when sent between aggregates is counted (see {@link #internalRejections()}) and its effects
 * (there are none) dropped; a command refused when submitted from outside (a driver) is reported to the
 * listeners as external.
 *
 * <h2>Order and determinism</h2>
 *
 * Entries run in increasing (time, sequence), where the sequence is one global counter bumped at each
 * addition: two entries at the same instant run in the order they were added. Nothing depends on hash
 * order, identity or the wall clock, so the same inputs give the same run.
 *
 * <h2>Timers, cancelled at once</h2>
 *
 * Each request has one armed deadline per {@link TimerKind}, kept in a {@code long[]} beside its state
 * with the handle of its entry in the event list. {@code StartTimer} cancels the entry of a timer of
 * the same kind still armed and schedules the new one; {@code CancelTimer} removes the entry from the
 * event list (O(log n)). Either way the dropped entry is counted ({@link #staleTimers()}). A firing that
 * pops is therefore always the armed one, and the event list holds only live entries: a request's
 * expiry (R14), hours ahead and cancelled when it is served, costs no sifting on the pops in between
 * (lazily cancelled entries did: they made up most of the heap and every pop sifted through them).
 *
 * <h2>Finished requests, released</h2>
 *
 * By default the kernel keeps every request's state to the end of the run. A driver that has taken what
 * it needs from a finished request (out of the queue and out of service: closed, surveyed, left,
 * rejected, expired) may {@linkplain #release release} it: the state is dropped and its slot reused, and
 * only a tombstone stays in the id map (its status and queue packed in the map's {@code int}), so a
 * long run holds the requests in flight, not the million that went before (the young collections no
 * longer copy them). The released request is never opened again: a command that still reaches it (an
 * offer that was on its way when the customer left, a customer's late answer) is counted ({@link
 * #commandsToReleased()}) and decided against a stand-in that has only its id, queue and status, which is
 * all the request decider reads of a finished request: a late {@code Invite} still frees the inviting
 * agent's slot (R10, R11) and a late customer command is refused as before, so a run gives the same
 * figures whether it releases or not. A command that would change it (a renewal of an expired request,
 * R14; the survey of a closed one, R16) is the caller's error and throws. Its armed timers are
 * cancelled (a timer firing on a finished request decides nothing).
 *
 * <h2>Cost model</h2>
 *
 * <ul>
 *   <li>Event list: see {@link EventList} — O(log n) to schedule a timer or an external entry, O(1) to
 *       send at the current instant, primitives only while sifting, slots reused.
 *   <li>Request state: a {@link LongIndexMap} from the {@code long} request id to an {@code int} index
 *       into a {@code RequestState[]} and a {@code long[]} of deadlines (3 per request): expected O(1),
 *       no boxing. States of finished requests are kept unless released; a released request's slot is
 *       reused and it costs one tombstone in the id map.
 *   <li>Agents and queues: indexed by {@code int} at setup (their string ids looked up once per send
 *       in a {@link HashMap}, whose string hash is cached), states in plain arrays.
 *   <li>Allocation per step: what the deciders allocate (their decisions, events, new immutable
 *       states) and one {@code TimerFired} record per live timer. The kernel itself allocates nothing
 *       in steady state; arrays double when full. It reads decisions by index ({@code
 *       Decision.Accepted#event(int)}, {@code #effect(int)}), never through their lists.
 *   <li>Timers: O(log n) to arm, to cancel and to fire; the event list holds only live entries.
 *   <li>Measured: about 110 ns and 280 bytes per entry, 9.92 entries and 2.76 KB per served call on
 *       M/M/55+M with the full rules when the driver releases finished requests (GC then under 1% of the
 *       time), 0.9 M calls a second; an entry whose decision does nothing costs 31 ns: {@code
 *       docs/benchmarks.md}, "The kernel beside SSJ" and the second to fourth rounds.
 * </ul>
 *
 * <p>Not thread-safe: one kernel per replication, one thread.
 */
public final class Kernel {

    static final byte TO_REQUEST = 1;
    static final byte TO_AGENT = 2;
    static final byte TO_QUEUE = 3;
    static final byte TIMER = 4;
    static final byte EXTERNAL_REQUEST = 5;
    static final byte EXTERNAL_AGENT = 6;
    static final byte EXTERNAL_QUEUE = 7;
    static final byte ACTION = 8;

    private static final long DISARMED = Long.MIN_VALUE;
    /**
     * Id-map values at or below this mark a released request: {@code RELEASED - ((queue + 1) * STATUSES
     * + status)}, with {@code queue} the queue's index (-1 if unknown) and {@code status} the ordinal of
     * its final status.
     */
    private static final int RELEASED = -2;

    private static final RequestStatus[] STATUSES = RequestStatus.values();
    private static final TimerKind[] TIMER_KINDS = TimerKind.values();
    private static final int TIMERS = TIMER_KINDS.length;

    private final EventList events;
    private final KernelListener[] listeners;

    private final RequestDecider requestDecider;
    /** The decider's initial state, made once (states are immutable values). */
    private final RequestState unopened;

    private final LongIndexMap requestIndex;
    private RequestState[] requestStates;
    private long[] requestIds;
    private long[] timerDue;
    /** The event-list handle of each armed timer (meaningful only while its {@code timerDue} is armed). */
    private long[] timerHandle;
    /** Slots handed out so far (live or free); slots below it are reused once released. */
    private int slotCount;

    private int[] freeSlots = new int[64];
    private int freeCount;
    private int requestCount;
    private long requestsReleased;
    private long commandsToReleased;
    /** The request whose command is being delivered (its release waits for the effects), if any. */
    private boolean delivering;

    private long deliveringId;
    /** Whether a driver's action is running (and nothing is being delivered): {@link #deliverNow} may. */
    private boolean inAction;

    private boolean releaseWhenDelivered;

    private final AgentDecider agentDecider = new AgentDecider();
    private final Map<String, Integer> agentIndex = new HashMap<>();
    private String[] agentIds;
    private AgentState[] agentStates;
    private int agentCount;

    private final Map<String, Integer> queueIndex = new HashMap<>();
    private final String[] queueIds;
    private final QueueDecider[] queueDeciders;
    private final QueueState[] queueStates;

    private long eventsProcessed;
    private long internalRejections;
    private long externalRejections;
    private long staleTimers;
    private long droppedSends;

    private Kernel(Builder builder) {
        this.events = new EventList(builder.startMillis, builder.expectedPending);
        this.listeners = builder.listeners.toArray(new KernelListener[0]);
        Map<String, QueueSettings> settings = new LinkedHashMap<>();
        builder.queues.forEach(q -> settings.put(q.queueId(), q));
        this.requestDecider = new RequestDecider(settings);
        this.unopened = requestDecider.initialState();
        int queues = settings.size();
        this.queueIds = new String[queues];
        this.queueDeciders = new QueueDecider[queues];
        this.queueStates = new QueueState[queues];
        int i = 0;
        for (QueueSettings q : settings.values()) {
            queueIds[i] = q.queueId();
            queueDeciders[i] = new QueueDecider(q);
            queueStates[i] = queueDeciders[i].initialState();
            queueIndex.put(q.queueId(), i);
            i++;
        }
        int requests = Math.max(16, builder.expectedRequests);
        this.requestIndex = new LongIndexMap(requests);
        this.requestStates = new RequestState[requests];
        this.requestIds = new long[requests];
        this.timerDue = new long[requests * TIMERS];
        this.timerHandle = new long[requests * TIMERS];
        this.agentIds = new String[Math.max(4, builder.agentIds.size())];
        this.agentStates = new AgentState[agentIds.length];
        for (String agentId : builder.agentIds) {
            agentSlot(agentId);
        }
    }

    public static Builder builder(long startMillis) {
        return new Builder(startMillis);
    }

    /** Sets up a kernel: its start instant, its queues, its agents (by id) and its listeners. */
    public static final class Builder {
        private final long startMillis;
        private final List<QueueSettings> queues = new ArrayList<>();
        private final List<String> agentIds = new ArrayList<>();
        private final List<KernelListener> listeners = new ArrayList<>();
        private int expectedRequests = 1024;
        private int expectedPending = 1024;

        private Builder(long startMillis) {
            this.startMillis = startMillis;
        }

        public Builder queue(QueueSettings settings) {
            queues.add(settings);
            return this;
        }

        /** Reserves an index for an agent (agents not named here get one on first use). */
        public Builder agent(String agentId) {
            agentIds.add(agentId);
            return this;
        }

        public Builder listener(KernelListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Sizes the request table up front (it grows anyway). */
        public Builder expectedRequests(int n) {
            expectedRequests = n;
            return this;
        }

        /** Sizes the event list up front (it grows anyway). */
        public Builder expectedPending(int n) {
            expectedPending = n;
            return this;
        }

        public Kernel build() {
            return new Kernel(this);
        }
    }

    // ---------------------------------------------------------------- driving from outside

    /** The virtual clock, epoch millis. */
    public long nowMillis() {
        return events.now();
    }

    /** Submits a command to a request at {@code atMillis}, from outside the domain. */
    public void submit(long atMillis, long requestId, RequestCommand command) {
        events.schedule(atMillis, EXTERNAL_REQUEST, requestId, 0, command);
    }

    /**
     * Delivers a command to a request at once, from outside the domain, inside the action that is
     * running: the command is decided and its effects carried out before the action goes on, as if it
     * had been submitted for this instant ahead of everything else pending at it. A driver's arrival
     * opens its request this way in the arrival's own entry instead of a second one (what follows from
     * the opening — the queue's entry, the offers — still goes through the event list, in order).
     *
     * @throws IllegalStateException outside an action (from a listener, a command is being delivered;
     *     submit it instead)
     */
    public void deliverNow(long requestId, RequestCommand command) {
        if (!inAction) {
            throw new IllegalStateException("deliverNow is for the action that is running; submit from listeners");
        }
        inAction = false;
        try {
            deliverToRequest(requestId, command, true);
        } finally {
            inAction = true;
        }
    }

    /** Submits a command to an agent at {@code atMillis}, from outside the domain. */
    public void submitToAgent(long atMillis, String agentId, AgentCommand command) {
        events.schedule(atMillis, EXTERNAL_AGENT, agentSlot(agentId), 0, command);
    }

    /** Submits a command to a queue at {@code atMillis}, from outside the domain. */
    public void submitToQueue(long atMillis, String queueId, QueueCommand command) {
        Integer q = queueIndex.get(queueId);
        if (q == null) {
            throw new IllegalArgumentException("no queue " + queueId);
        }
        events.schedule(atMillis, EXTERNAL_QUEUE, q, 0, command);
    }

    /**
     * Runs {@code action} at {@code atMillis} with {@code arg}; returns a handle that {@link #cancel}
     * takes.
     */
    public long schedule(long atMillis, KernelAction action, long arg) {
        return events.schedule(atMillis, ACTION, arg, 0, action);
    }

    /**
     * Cancels an action {@linkplain #schedule(long, KernelAction, long) scheduled} earlier, if it has not
     * run yet (O(log n)); returns whether it was still pending. Cancelling an action that already ran is
     * harmless.
     */
    public boolean cancel(long actionHandle) {
        return events.cancel(actionHandle);
    }

    /** Time of the next pending entry, or {@link Long#MAX_VALUE}. */
    public long peekTime() {
        return events.peekTime();
    }

    /** Runs the next entry; returns false when nothing is pending. */
    public boolean step() {
        int slot = events.pop();
        if (slot < 0) {
            return false;
        }
        byte kind = events.kind(slot);
        long target = events.target(slot);
        long aux = events.aux(slot);
        Object payload = events.payload(slot);
        events.release(slot);
        eventsProcessed++;
        switch (kind) {
            case TO_REQUEST -> deliverToRequest(target, (RequestCommand) payload, false);
            case EXTERNAL_REQUEST -> deliverToRequest(target, (RequestCommand) payload, true);
            case TO_AGENT -> deliverToAgent((int) target, (AgentCommand) payload, false);
            case EXTERNAL_AGENT -> deliverToAgent((int) target, (AgentCommand) payload, true);
            case TO_QUEUE -> deliverToQueue((int) target, (QueueCommand) payload, false);
            case EXTERNAL_QUEUE -> deliverToQueue((int) target, (QueueCommand) payload, true);
            case TIMER -> fireTimer(target, (TimerKind) payload, aux);
            case ACTION -> runAction((KernelAction) payload, target);
            default -> throw new IllegalStateException("unknown entry kind " + kind);
        }
        return true;
    }

    private void runAction(KernelAction action, long arg) {
        inAction = true;
        try {
            action.run(this, events.now(), arg);
        } finally {
            inAction = false;
        }
    }

    /**
     * Runs every entry due at or before {@code untilMillis}, then moves the clock to {@code
     * untilMillis}. Returns the number of entries run.
     */
    public long runUntil(long untilMillis) {
        long before = eventsProcessed;
        while (events.peekTime() <= untilMillis) {
            step();
        }
        if (untilMillis > events.now()) {
            events.advanceTo(untilMillis);
        }
        return eventsProcessed - before;
    }

    /** Runs until nothing is pending (beware of open-ended arrival processes). */
    public long runAll() {
        long before = eventsProcessed;
        while (step()) {
            // keep going
        }
        return eventsProcessed - before;
    }

    // ---------------------------------------------------------------- reading

    /** The state of a request, or null if it was never opened or was {@linkplain #release released}. */
    public RequestState request(long requestId) {
        int i = requestIndex.get(requestId);
        return i < 0 ? null : requestStates[i];
    }

    /** Whether the request was {@linkplain #release released}. */
    public boolean isReleased(long requestId) {
        return requestIndex.get(requestId) <= RELEASED;
    }

    /** The armed deadline of a request's timer, or {@link Long#MIN_VALUE} when disarmed (or released). */
    public long timerDeadline(long requestId, TimerKind kind) {
        int i = requestIndex.get(requestId);
        return i < 0 ? DISARMED : timerDue[i * TIMERS + kind.ordinal()];
    }

    /** Requests opened so far, released ones included. */
    public int requestCount() {
        return requestCount;
    }

    /** Requests released so far. */
    public long requestsReleased() {
        return requestsReleased;
    }

    /** Commands that reached a request after it was released (decided against its stand-in, see above). */
    public long commandsToReleased() {
        return commandsToReleased;
    }

    /**
     * Visits every request state the kernel holds (opened and not released), in slot order: the order
     * the requests were opened as long as none was released.
     */
    public void forEachRequest(java.util.function.Consumer<RequestState> visitor) {
        for (int i = 0; i < slotCount; i++) {
            RequestState state = requestStates[i];
            if (state != null) {
                visitor.accept(state);
            }
        }
    }

    /**
     * Forgets a finished request (closed, surveyed, left, rejected or expired; see the class comment):
     * its state is dropped, its armed timers cancelled, its slot reused; later commands to it are counted
     * and never reopen it. Called from a listener while one of the request's own events is being shown,
     * the release happens once that decision's effects are carried out.
     *
     * @throws IllegalArgumentException if the request was never opened or is already released
     * @throws IllegalStateException if it is still queued or in service
     */
    public void release(long requestId) {
        int index = requestIndex.get(requestId);
        if (index < 0) {
            throw new IllegalArgumentException(
                    index == LongIndexMap.MISSING
                            ? "no request " + requestId
                            : "request " + requestId + " is already released");
        }
        RequestStatus status = requestStates[index].status();
        if (!isFinished(status)) {
            throw new IllegalStateException("request " + requestId + " is "
                    + status.name().toLowerCase()
                    + ": only a request out of the queue and out of service can be released");
        }
        if (delivering && deliveringId == requestId) {
            releaseWhenDelivered = true;
            return;
        }
        forget(requestId, index);
    }

    private static boolean isFinished(RequestStatus status) {
        return switch (status) {
            case CLOSED, SURVEYED, LEFT, REJECTED, EXPIRED -> true;
            case NEW, WAITING, INVITED, IN_SERVICE -> false;
        };
    }

    private void forget(long requestId, int index) {
        RequestState state = requestStates[index];
        Integer queue = queueIndex.get(state.queueId());
        int code = ((queue == null ? -1 : queue) + 1) * STATUSES.length
                + state.status().ordinal();
        requestIndex.put(requestId, RELEASED - code);
        requestStates[index] = null;
        requestsReleased++;
        for (int k = 0; k < TIMERS; k++) {
            disarm(index * TIMERS + k);
        }
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = index;
    }

    public AgentState agent(String agentId) {
        Integer i = agentIndex.get(agentId);
        return i == null ? null : agentStates[i];
    }

    /** Agent ids, in index order. */
    public List<String> agentIds() {
        return List.of(Arrays.copyOf(agentIds, agentCount));
    }

    /** The queue's state (mutable: read only). */
    public QueueState queue(String queueId) {
        Integer i = queueIndex.get(queueId);
        return i == null ? null : queueStates[i];
    }

    /** Queue ids, in the order they were set up. */
    public List<String> queueIds() {
        return List.of(queueIds);
    }

    /** Entries run so far (commands, timer firings, actions). */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Commands between aggregates that were refused (their effects dropped). */
    public long internalRejections() {
        return internalRejections;
    }

    /** Commands from outside that were refused (reported to listeners). */
    public long externalRejections() {
        return externalRejections;
    }

    /**
     * Timers that never fired: cancelled, re-armed, or dropped with their request when it was released
     * (each took its entry out of the event list at once; see the class comment).
     */
    public long staleTimers() {
        return staleTimers;
    }

    /** Sends to a queue that does not exist (dropped). */
    public long droppedSends() {
        return droppedSends;
    }

    public int pendingEntries() {
        return events.size();
    }

    // ---------------------------------------------------------------- delivery

    private void deliverToRequest(long requestId, RequestCommand command, boolean external) {
        int index = requestIndex.get(requestId);
        if (index <= RELEASED) {
            deliverToReleased(requestId, RELEASED - index, command, external);
            return;
        }
        RequestState state = index == LongIndexMap.MISSING ? unopened : requestStates[index];
        long now = events.now();
        delivering = true;
        deliveringId = requestId;
        Decision<RequestEvent, RequestRejection> decision = requestDecider.decide(state, command, now);
        if (decision instanceof Decision.Accepted<RequestEvent, RequestRejection> accepted) {
            for (int e = 0, n = accepted.eventCount(); e < n; e++) {
                RequestEvent event = accepted.event(e);
                state = requestDecider.evolve(state, event);
                if (index == LongIndexMap.MISSING) {
                    index = addRequest(requestId);
                }
                requestStates[index] = state;
                for (KernelListener listener : listeners) {
                    listener.onRequestEvent(now, requestId, event, state);
                }
            }
            for (int i = 0, n = accepted.effectCount(); i < n; i++) {
                carryOut(accepted.effect(i), requestId, index);
            }
        } else {
            Decision.Rejected<RequestEvent, RequestRejection> rejected =
                    (Decision.Rejected<RequestEvent, RequestRejection>) decision;
            rejected(KernelRejection.Target.REQUEST, Long.toString(requestId), command, rejected.rejection(), external);
        }
        delivering = false;
        if (releaseWhenDelivered) {
            releaseWhenDelivered = false;
            forget(requestId, index);
        }
    }

    /**
     * A command to a released request: decided against a stand-in with the request's id, queue and final
     * status (all a finished request's decisions read), never stored. Only effects may come of it (a late
     * invitation frees the agent's slot); an event would reopen the request, which is the caller's error.
     */
    private void deliverToReleased(long requestId, int code, RequestCommand command, boolean external) {
        commandsToReleased++;
        RequestStatus status = STATUSES[code % STATUSES.length];
        int queue = code / STATUSES.length - 1;
        if (command instanceof RequestCommand.Renew && status == RequestStatus.EXPIRED) {
            throw new IllegalStateException(
                    "request " + requestId + " was released when it expired; it cannot be renewed (R14)");
        }
        RequestState standIn = new RequestState(
                new Ticket(requestId, "", "", queue < 0 ? "" : queueIds[queue], Channel.CHAT, 0, null, 0),
                status,
                new Queueing(0, 0, false, false, 0, 0),
                null,
                null,
                "",
                0,
                null);
        Decision<RequestEvent, RequestRejection> decision = requestDecider.decide(standIn, command, events.now());
        if (decision instanceof Decision.Accepted<RequestEvent, RequestRejection> accepted) {
            if (accepted.eventCount() > 0) {
                throw new IllegalStateException("released request " + requestId + " would change on "
                        + command.getClass().getSimpleName() + ": release a request only when nothing more can"
                        + " happen to it");
            }
            for (int i = 0, n = accepted.effectCount(); i < n; i++) {
                carryOut(accepted.effect(i), requestId, -1);
            }
        } else {
            Decision.Rejected<RequestEvent, RequestRejection> rejected =
                    (Decision.Rejected<RequestEvent, RequestRejection>) decision;
            rejected(KernelRejection.Target.REQUEST, Long.toString(requestId), command, rejected.rejection(), external);
        }
    }

    private void fireTimer(long requestId, TimerKind kind, long dueMillis) {
        // Cancelled and superseded timers left the event list when they were: this one is armed.
        int index = requestIndex.get(requestId);
        timerDue[index * TIMERS + kind.ordinal()] = DISARMED;
        deliverToRequest(requestId, new RequestCommand.TimerFired(kind, dueMillis), false);
    }

    private void deliverToAgent(int agent, AgentCommand command, boolean external) {
        AgentState state = agentStates[agent];
        long now = events.now();
        Decision<AgentEvent, AgentRejection> decision = agentDecider.decide(state, command, now);
        if (decision instanceof Decision.Accepted<AgentEvent, AgentRejection> accepted) {
            String agentId = agentIds[agent];
            for (int e = 0, n = accepted.eventCount(); e < n; e++) {
                AgentEvent event = accepted.event(e);
                state = agentDecider.evolve(state, event);
                agentStates[agent] = state;
                for (KernelListener listener : listeners) {
                    listener.onAgentEvent(now, agentId, event, state);
                }
            }
            for (int i = 0, n = accepted.effectCount(); i < n; i++) {
                carryOut(accepted.effect(i), -1, -1);
            }
        } else {
            Decision.Rejected<AgentEvent, AgentRejection> rejected =
                    (Decision.Rejected<AgentEvent, AgentRejection>) decision;
            rejected(KernelRejection.Target.AGENT, agentIds[agent], command, rejected.rejection(), external);
        }
    }

    private void deliverToQueue(int queue, QueueCommand command, boolean external) {
        QueueDecider decider = queueDeciders[queue];
        QueueState state = queueStates[queue];
        long now = events.now();
        Decision<QueueEvent, QueueRejection> decision = decider.decide(state, command, now);
        if (decision instanceof Decision.Accepted<QueueEvent, QueueRejection> accepted) {
            String queueId = queueIds[queue];
            for (int e = 0, n = accepted.eventCount(); e < n; e++) {
                QueueEvent event = accepted.event(e);
                state = decider.evolve(state, event);
                queueStates[queue] = state;
                for (KernelListener listener : listeners) {
                    listener.onQueueEvent(now, queueId, event, state);
                }
            }
            for (int i = 0, n = accepted.effectCount(); i < n; i++) {
                carryOut(accepted.effect(i), -1, -1);
            }
        } else {
            Decision.Rejected<QueueEvent, QueueRejection> rejected =
                    (Decision.Rejected<QueueEvent, QueueRejection>) decision;
            rejected(KernelRejection.Target.QUEUE, queueIds[queue], command, rejected.rejection(), external);
        }
    }

    private void rejected(
            KernelRejection.Target target, String entityId, Object command, Object rejection, boolean external) {
        if (external) {
            externalRejections++;
        } else {
            internalRejections++;
        }
        if (listeners.length > 0) {
            KernelRejection report = new KernelRejection(events.now(), target, entityId, command, rejection, external);
            for (KernelListener listener : listeners) {
                listener.onRejected(events.now(), report);
            }
        }
    }

    /** Carries out one effect; {@code requestIndex} is the emitting request's index, or -1. */
    private void carryOut(Effect effect, long requestId, int requestSlot) {
        switch (effect) {
            case Effect.ToRequest send -> events.sendNow(TO_REQUEST, send.requestId(), 0, send.command());
            case Effect.ToAgent send -> events.sendNow(TO_AGENT, agentSlot(send.agentId()), 0, send.command());
            case Effect.ToQueue send -> {
                Integer q = queueIndex.get(send.queueId());
                if (q == null) {
                    droppedSends++;
                } else {
                    events.sendNow(TO_QUEUE, q, 0, send.command());
                }
            }
            case Effect.StartTimer start -> {
                if (requestSlot < 0) {
                    throw new IllegalStateException("only a request sets timers: " + effect);
                }
                long due = Math.max(start.dueMillis(), events.now());
                int at = requestSlot * TIMERS + start.kind().ordinal();
                disarm(at);
                timerDue[at] = start.dueMillis();
                timerHandle[at] = events.schedule(due, TIMER, requestId, start.dueMillis(), start.kind());
            }
            case Effect.CancelTimer cancel -> {
                if (requestSlot >= 0) {
                    disarm(requestSlot * TIMERS + cancel.kind().ordinal());
                }
            }
            case Effect.Notify notify -> {
                for (KernelListener listener : listeners) {
                    listener.onNotification(events.now(), notify.notification());
                }
            }
        }
    }

    /** Cancels the timer at {@code at} (request slot × kinds + kind) if it is armed. */
    private void disarm(int at) {
        if (timerDue[at] != DISARMED) {
            timerDue[at] = DISARMED;
            events.cancel(timerHandle[at]);
            staleTimers++;
        }
    }

    private int addRequest(long requestId) {
        requestCount++;
        if (freeCount > 0) {
            int index = freeSlots[--freeCount];
            initialiseSlot(index, requestId);
            return index;
        }
        int index = slotCount++;
        if (index == requestStates.length) {
            int n = requestStates.length * 2;
            requestStates = Arrays.copyOf(requestStates, n);
            requestIds = Arrays.copyOf(requestIds, n);
            timerDue = Arrays.copyOf(timerDue, n * TIMERS);
            timerHandle = Arrays.copyOf(timerHandle, n * TIMERS);
        }
        initialiseSlot(index, requestId);
        return index;
    }

    private void initialiseSlot(int index, long requestId) {
        requestIds[index] = requestId;
        for (int k = 0; k < TIMERS; k++) {
            timerDue[index * TIMERS + k] = DISARMED;
        }
        requestIndex.put(requestId, index);
    }

    private int agentSlot(String agentId) {
        Integer i = agentIndex.get(agentId);
        if (i != null) {
            return i;
        }
        int index = agentCount++;
        if (index == agentIds.length) {
            agentIds = Arrays.copyOf(agentIds, index * 2);
            agentStates = Arrays.copyOf(agentStates, index * 2);
        }
        agentIds[index] = agentId;
        agentStates[index] = agentDecider.initialState();
        agentIndex.put(agentId, index);
        return index;
    }
}
