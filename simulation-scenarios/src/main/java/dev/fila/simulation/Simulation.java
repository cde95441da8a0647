package dev.fila.simulation;

import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import dev.fila.simulation.kernel.Kernel;
import dev.fila.simulation.kernel.KernelAction;
import dev.fila.simulation.kernel.KernelListener;
import dev.fila.simulation.kernel.KernelRejection;
import dev.fila.simulation.load.LoadRecord;
import dev.fila.simulation.load.LoadSource;
import dev.fila.simulation.load.LoadSources;
import dev.fila.simulation.scenario.Distribution;
import dev.fila.simulation.scenario.Scenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a {@link Scenario} through the {@link Kernel}: arrivals come from a {@link LoadSource} (the
 * scenario's generated non-homogeneous Poisson load, or a recorded trace: the same path), agents go
 * online and offline as the staffing plan says, and customers are behaviour driven by random draws
 * made here, outside the domain, and told to the domain as commands.
 *
 * <ul>
 *   <li>Each arrival opens a request ({@code SIM-000001}, …) in good standing (fresh customers, so R16's
 *       survey gate never blocks), with the queue, channel, priority, handle time and patience of its
 *       load record.
 *   <li>R13: a customer still queued (waiting or invited) when their patience runs out leaves. A record
 *       with unknown patience never leaves. A <em>censored</em> patience (a recorded customer who was
 *       served after waiting that long) is a lower bound: the customer waits at least that long, and
 *       longer by a draw from the scenario's patience distribution conditioned on exceeding it (by
 *       rejection, up to 64 draws, else the bound plus a fresh draw); with no patience distribution they
 *       never leave.
 *   <li>R9: a share of customers step away once while waiting and come back later.
 *   <li>R10–R12: an invited customer accepts after an acceptance delay, unless they are one of the
 *       share who never answer, so the timeout and its penalty (R11) happen. The first delay is drawn at
 *       arrival; a later invitation (after a penalty) draws afresh.
 *   <li>R14: a share ({@code renewShare}) of customers whose request expired renew it when the queue
 *       next opens on a later business day.
 *   <li>R16: the agent closes after the handle time (a record without one draws from the scenario's);
 *       the customer then answers the survey.
 *   <li>R4: an agent with online windows is registered at the start, set online at each window's start
 *       and offline at its end (what they hold they finish, R3); others log in at the start.
 * </ul>
 *
 * <p>Randomness: one {@link SplittableRandom} (from the seed, or given by the replication runner)
 * split in a fixed order into one stream per purpose (arrivals, mix, patience, acceptance, handle,
 * survey, step-away, available-until, renewal, re-invitation), so a seed is bit-for-bit repeatable and
 * changing one purpose's draws leaves the others alone. Per-customer draws are made at arrival, in
 * arrival order (including R9's step-away duration), so runs that differ only in staffing see the
 * same customers (common random numbers). Only draws for what a run's own course brings about come
 * later, each on its own stream: a later invitation's acceptance delay, a renewal, a survey score.
 *
 * <p>Records: a request's {@link RequestRecord} is taken when it finishes for good (surveyed, left,
 * rejected, or expired with no renewal to come, R14) and the kernel is told to {@linkplain
 * Kernel#release release} it, so a long run holds only the requests in flight; those still open at the
 * horizon (and an expired one whose renewal was refused) are read from the kernel at the end. Either way
 * the record is made from the request's final state by the same code, so the figures are the same.
 */
public final class Simulation implements KernelListener {

    private final Scenario scenario;
    private final Kernel kernel;
    private final long startMillis;
    private final long endMillis;
    private final LoadSource load;
    private final IntervalCollector collector;

    private final SplittableRandom patience;
    private final SplittableRandom acceptance;
    private final SplittableRandom handle;
    private final SplittableRandom survey;
    private final SplittableRandom stepAway;
    private final SplittableRandom available;
    private final SplittableRandom renew;
    private final SplittableRandom reinvite;

    private final Map<String, QueueSettings> queues;

    private static final long NO_HANDLE = -1;
    private static final RequestCommand CLOSE = new RequestCommand.Close();

    private final KernelAction arrive = this::arrive;
    private final KernelAction leave = this::leave;
    private final KernelAction stepOut = this::stepOut;
    private final KernelAction comeBack = this::comeBack;
    private final KernelAction renewRequest = this::renewRequest;

    private LoadRecord pending;
    private long arrivalCount;
    private long[] handleMillis = new long[1024];
    private long[] firstAcceptDelayMillis = new long[1024];
    private long[] stepAwayMillis = new long[1024];
    /** The handle of each request's pending patience (its {@code leave} action), cancelled once served. */
    private long[] patienceHandle = new long[1024];

    private final BitSet neverAnswers = new BitSet();
    private final BitSet invitedBefore = new BitSet();
    private final Map<Long, RequestRecord> refused = new HashMap<>();
    /** Records of finished, released requests, by id (index 0 unused). */
    private RequestRecord[] finished = new RequestRecord[1024];

    private long invitationsExpired;

    private Simulation(Scenario scenario, LoadSource source, SplittableRandom root, List<KernelListener> observers) {
        this.scenario = scenario;
        this.startMillis = scenario.startMillis();
        this.endMillis = scenario.startMillis() + scenario.horizonMillis();
        SplittableRandom arrivals = root.split();
        SplittableRandom mix = root.split();
        this.patience = root.split();
        this.acceptance = root.split();
        this.handle = root.split();
        this.survey = root.split();
        this.stepAway = root.split();
        this.available = root.split();
        this.renew = root.split();
        this.reinvite = root.split();
        this.load = source != null
                ? source
                : LoadSources.forReplication(scenario, new SplittableRandom[] {arrivals, mix, handle, patience});
        this.queues = queuesById(scenario);
        this.collector = new IntervalCollector(scenario);

        Scenario.Load l = scenario.load();
        long expected = Math.round(l.arrivalsPerHour() * scenario.horizonMillis() / 3_600_000.0);
        Kernel.Builder builder = Kernel.builder(startMillis)
                .listener(this)
                .listener(collector)
                .expectedRequests((int) Math.min(1 << 24, expected + 16))
                .expectedPending((int) Math.min(1 << 20, expected / 4 + 64));
        scenario.queues().forEach(builder::queue);
        observers.forEach(builder::listener);
        for (Scenario.AgentSpec agent : scenario.agents()) {
            builder.agent(agent.id());
        }
        this.kernel = builder.build();
    }

    /** Runs the scenario's generated load from its start to its horizon, streams from its seed. */
    public static SimulationResult run(Scenario scenario) {
        return run(scenario, new SplittableRandom(scenario.seed()));
    }

    /** Runs the scenario with extra observers, which see every event after the driver does. */
    public static SimulationResult run(Scenario scenario, KernelListener... observers) {
        return run(scenario, new SplittableRandom(scenario.seed()), observers);
    }

    /** Runs the scenario's generated load with the given root stream (one replication). */
    public static SimulationResult run(Scenario scenario, SplittableRandom streams, KernelListener... observers) {
        return new Simulation(scenario, null, streams, List.of(observers)).execute();
    }

    /**
     * Runs {@code load} (a recorded trace, or any generator) against the scenario's queues and
     * staffing; behaviour draws come from {@code streams}. Closes the load.
     */
    public static SimulationResult run(
            Scenario scenario, LoadSource load, SplittableRandom streams, KernelListener... observers) {
        return new Simulation(scenario, load, streams, List.of(observers)).execute();
    }

    private SimulationResult execute() {
        try {
            for (Scenario.AgentSpec agent : scenario.agents()) {
                kernel.submitToAgent(
                        startMillis,
                        agent.id(),
                        new AgentCommand.Register(
                                agent.id(), agent.id(), agent.skills(), agent.maxChats(), Set.of(Role.AGENT)));
                if (agent.alwaysOnline()) {
                    kernel.submitToAgent(startMillis, agent.id(), new AgentCommand.LogIn());
                    continue;
                }
                for (Scenario.OnlineWindow w : agent.online()) {
                    if (w.fromMillis() < endMillis) {
                        kernel.submitToAgent(
                                Math.max(startMillis, w.fromMillis()),
                                agent.id(),
                                new AgentCommand.SetPresence(Presence.ONLINE, ""));
                    }
                    if (w.toMillis() < endMillis) {
                        kernel.submitToAgent(
                                w.toMillis(), agent.id(), new AgentCommand.SetPresence(Presence.OFFLINE, ""));
                    }
                }
            }
            scheduleNextArrival();
            long began = System.nanoTime();
            kernel.runUntil(endMillis);
            long wallNanos = System.nanoTime() - began;
            List<RequestRecord> records = records();
            return Results.of(scenario, kernel, records, invitationsExpired, collector.figures(records), wallNanos);
        } finally {
            load.close();
        }
    }

    private void scheduleNextArrival() {
        while (load.hasNext()) {
            LoadRecord r = load.next();
            if (r.arrivalMillis() < startMillis) {
                continue;
            }
            if (r.arrivalMillis() >= endMillis) {
                return;
            }
            pending = r;
            kernel.schedule(r.arrivalMillis(), arrive, 0);
            return;
        }
    }

    // ---------------------------------------------------------------- customer behaviour

    private void arrive(Kernel k, long now, long ignored) {
        LoadRecord r = pending;
        long id = ++arrivalCount;
        Scenario.Load l = scenario.load();
        if (id >= handleMillis.length) {
            handleMillis = Arrays.copyOf(handleMillis, handleMillis.length * 2);
            firstAcceptDelayMillis = Arrays.copyOf(firstAcceptDelayMillis, firstAcceptDelayMillis.length * 2);
            stepAwayMillis = Arrays.copyOf(stepAwayMillis, stepAwayMillis.length * 2);
            patienceHandle = Arrays.copyOf(patienceHandle, patienceHandle.length * 2);
        }
        handleMillis[(int) id] = r.hasHandleTime()
                ? r.handleMillis()
                : Math.max(0, l.handleTime().sampleMillis(handle));
        if (acceptance.nextDouble() < l.neverAccepts()) {
            neverAnswers.set((int) id);
        }
        firstAcceptDelayMillis[(int) id] = Math.max(0, l.acceptDelay().sampleMillis(acceptance));
        long availableUntil = l.availableFor() == null
                ? endMillis + 86_400_000L
                : now + Math.max(1, l.availableFor().sampleMillis(available));
        // Opened in the arrival's own entry: what follows (the queue's entry, offers) is sent as usual.
        k.deliverNow(
                id,
                new RequestCommand.Open(
                        id,
                        String.format("SIM-%06d", id),
                        r.customerId(),
                        r.queueId(),
                        r.channel(),
                        r.priority(),
                        new RequestDetails(
                                "simulated",
                                "simulated",
                                "simulated",
                                "simulated",
                                "simulated request",
                                false,
                                availableUntil),
                        CustomerStanding.inGoodStanding(),
                        true));
        long patienceMillis = patienceOf(r);
        patienceHandle[(int) id] = patienceMillis != LoadRecord.UNKNOWN && now + patienceMillis < endMillis
                ? k.schedule(now + patienceMillis, this.leave, id)
                : NO_HANDLE;
        Scenario.StepAway away = l.stepAway();
        if (away != null && stepAway.nextDouble() < away.share()) {
            long after = away.after().sampleMillis(stepAway);
            // Drawn now, not when they step out, so the stream's draws do not depend on the staffing.
            stepAwayMillis[(int) id] = away.duration().sampleMillis(stepAway);
            k.schedule(now + after, this.stepOut, id);
        }
        scheduleNextArrival();
    }

    private long patienceOf(LoadRecord r) {
        if (!r.hasPatience()) {
            return LoadRecord.UNKNOWN;
        }
        if (!r.patienceCensored()) {
            return r.patienceMillis();
        }
        Distribution d = scenario.load().patience();
        if (d == null) {
            return LoadRecord.UNKNOWN;
        }
        for (int tries = 0; tries < 64; tries++) {
            long draw = d.sampleMillis(patience);
            if (draw > r.patienceMillis()) {
                return draw;
            }
        }
        return r.patienceMillis() + d.sampleMillis(patience);
    }

    private void leave(Kernel k, long now, long id) {
        RequestState state = k.request(id);
        if (state != null && state.status().isQueued()) {
            k.submit(now, id, new RequestCommand.Leave());
        }
    }

    private void stepOut(Kernel k, long now, long id) {
        RequestState state = k.request(id);
        if (state != null && state.status() == RequestStatus.WAITING && state.available()) {
            k.submit(now, id, new RequestCommand.SetAvailability(false));
            k.schedule(now + stepAwayMillis[(int) id], this.comeBack, id);
        }
    }

    private void comeBack(Kernel k, long now, long id) {
        RequestState state = k.request(id);
        if (state != null && state.status() == RequestStatus.WAITING && !state.available()) {
            k.submit(now, id, new RequestCommand.SetAvailability(true));
        }
    }

    /**
     * R14: the customer renews their expired request when the queue next opens on a later business day.
     * Returns whether a renewal was scheduled.
     */
    private boolean scheduleRenewal(long now, long id, RequestState state) {
        QueueSettings q = queues.get(state.queueId());
        if (q == null) {
            return false;
        }
        BusinessCalendar calendar = q.calendar();
        LocalDate day = calendar.nextBusinessDay(calendar.dateOf(now));
        if (day == BusinessCalendar.NO_BUSINESS_DAY) {
            return false;
        }
        long dayStart = day.atStartOfDay(calendar.zone()).toInstant().toEpochMilli();
        long opens = calendar.nextOpening(dayStart);
        if (opens != BusinessCalendar.NEVER && opens < endMillis) {
            kernel.schedule(opens, renewRequest, id);
            return true;
        }
        return false;
    }

    private void renewRequest(Kernel k, long now, long id) {
        RequestState state = k.request(id);
        if (state == null || state.status() != RequestStatus.EXPIRED) {
            return;
        }
        Scenario.Load l = scenario.load();
        long until = l.availableFor() == null
                ? endMillis + 86_400_000L
                : now + Math.max(1, l.availableFor().sampleMillis(renew));
        k.submit(now, id, new RequestCommand.Renew(until));
    }

    @Override
    public void onRequestEvent(long nowMillis, long requestId, RequestEvent event, RequestState state) {
        switch (event) {
            case RequestEvent.Invited ignored -> {
                int i = (int) requestId;
                if (!neverAnswers.get(i)) {
                    long delay = invitedBefore.get(i)
                            ? Math.max(0, scenario.load().acceptDelay().sampleMillis(reinvite))
                            : firstAcceptDelayMillis[i];
                    kernel.submit(nowMillis + delay, requestId, new RequestCommand.Accept(VisitorInfo.unknown()));
                }
                invitedBefore.set(i);
            }
            case RequestEvent.Accepted ignored -> {
                // Served: the customer's patience no longer runs (a served request never queues again).
                if (patienceHandle[(int) requestId] != NO_HANDLE) {
                    kernel.cancel(patienceHandle[(int) requestId]);
                }
                kernel.submit(nowMillis + handleMillis[(int) requestId], requestId, CLOSE);
            }
            case RequestEvent.Closed ignored ->
                kernel.submit(nowMillis, requestId, new RequestCommand.AnswerSurvey(1 + survey.nextInt(5), ""));
            case RequestEvent.InvitationExpired ignored -> invitationsExpired++;
            case RequestEvent.Expired ignored -> {
                double share = scenario.load().renewShare();
                if (!(share > 0 && renew.nextDouble() < share && scheduleRenewal(nowMillis, requestId, state))) {
                    finish(requestId, state);
                }
            }
            case RequestEvent.SurveyAnswered ignored -> finish(requestId, state);
            case RequestEvent.Left ignored -> finish(requestId, state);
            case RequestEvent.Rejected ignored -> finish(requestId, state);
            case RequestEvent.InvitationRefused ignored -> finish(requestId, state);
            default -> {}
        }
    }

    /** Takes the record of a request that nothing more will happen to, and lets the kernel forget it. */
    private void finish(long requestId, RequestState state) {
        int i = (int) requestId;
        if (i >= finished.length) {
            finished = Arrays.copyOf(finished, Math.max(finished.length * 2, i + 1));
        }
        finished[i] = recordOf(requestId, state);
        kernel.release(requestId);
    }

    @Override
    public void onRejected(long nowMillis, KernelRejection rejection) {
        if (rejection.external() && rejection.command() instanceof RequestCommand.Open open) {
            refused.put(
                    open.requestId(),
                    new RequestRecord(
                            open.requestId(),
                            open.protocol(),
                            open.queueId(),
                            open.channel(),
                            open.priority(),
                            nowMillis - startMillis,
                            RequestRecord.Outcome.REJECTED,
                            0,
                            -1,
                            -1,
                            0,
                            "",
                            ((RequestRejection) rejection.rejection()).code().name()));
        }
    }

    // ---------------------------------------------------------------- records

    private List<RequestRecord> records() {
        List<RequestRecord> records = new ArrayList<>((int) arrivalCount);
        for (long id = 1; id <= arrivalCount; id++) {
            if (id < finished.length && finished[(int) id] != null) {
                records.add(finished[(int) id]);
                continue;
            }
            RequestState s = kernel.request(id);
            if (s == null) {
                RequestRecord r = refused.get(id);
                if (r != null) {
                    records.add(r);
                }
                continue;
            }
            records.add(recordOf(id, s));
        }
        return records;
    }

    /** The record of request {@code id} as its state {@code s} stands (final, or at the horizon). */
    private RequestRecord recordOf(long id, RequestState s) {
        long arrival = s.openedAtMillis() - startMillis;
        RequestRecord.Outcome outcome;
        long wait;
        long serviceStart = -1;
        long serviceEnd = -1;
        String agent = "";
        if (s.interaction() != null) {
            outcome = RequestRecord.Outcome.SERVED;
            wait = s.interaction().waitedMillis();
            serviceStart = s.interaction().startedAtMillis() - startMillis;
            agent = s.interaction().agentId();
            if (s.status() == RequestStatus.CLOSED || s.status() == RequestStatus.SURVEYED) {
                serviceEnd = s.endedAtMillis() - startMillis;
            }
        } else {
            outcome = switch (s.status()) {
                case LEFT -> RequestRecord.Outcome.ABANDONED;
                case EXPIRED -> RequestRecord.Outcome.EXPIRED;
                case REJECTED -> RequestRecord.Outcome.REJECTED;
                default -> RequestRecord.Outcome.WAITING;
            };
            long until = outcome == RequestRecord.Outcome.WAITING ? endMillis : s.endedAtMillis();
            wait = until - s.enteredAtMillis();
        }
        return new RequestRecord(
                id,
                s.protocol(),
                s.queueId(),
                s.channel(),
                s.priority(),
                arrival,
                outcome,
                wait,
                serviceStart,
                serviceEnd,
                s.penalties(),
                agent,
                s.reason());
    }

    /** The queue settings by id, for callers that need them. */
    static Map<String, QueueSettings> queuesById(Scenario scenario) {
        Map<String, QueueSettings> byId = new java.util.LinkedHashMap<>();
        scenario.queues().forEach(q -> byId.put(q.queueId(), q));
        return byId;
    }
}
