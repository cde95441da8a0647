package dev.fila.simulation;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.engine.domain.agent.Role;
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
import dev.fila.simulation.scenario.Distribution;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs a {@link Scenario} through the {@link Kernel}: customers are behaviour driven by random draws
 * made here, outside the domain, and told to the domain as commands.
 *
 * <ul>
 *   <li>Arrivals are Poisson; each opens a request ({@code SIM-000001}, …) in good standing (fresh
 *       customers, so R16's survey gate never blocks), in a queue and on a channel drawn from the mixes.
 *   <li>R13: with a patience, a customer still queued (waiting or invited) when it runs out leaves.
 *   <li>R9: a share of customers step away once while waiting and come back later.
 *   <li>R10–R12: an invited customer accepts after an acceptance delay, unless they are one of the
 *       share who never answer, so the timeout and its penalty (R11) happen.
 *   <li>R16: the agent closes after the handle time; the customer then answers the survey.
 * </ul>
 *
 * <p>Randomness: one {@link SplittableRandom} seeded from the scenario seed, split in a fixed order
 * into one stream per purpose (arrivals, mix, patience, acceptance, handle, survey, step-away), so a
 * seed is bit-for-bit repeatable and changing one purpose's draws leaves the others' alone.
 */
public final class Simulation implements KernelListener {

    private final Scenario scenario;
    private final Kernel kernel;
    private final long startMillis;
    private final long endMillis;

    private final SplittableRandom arrivals;
    private final SplittableRandom mix;
    private final SplittableRandom patience;
    private final SplittableRandom acceptance;
    private final SplittableRandom handle;
    private final SplittableRandom survey;
    private final SplittableRandom stepAway;

    private final double meanInterarrivalMillis;
    private final String[] queueIds;
    private final double[] queueShares;
    private final Channel[] channels;
    private final double[] channelShares;

    private final KernelAction arrive = this::arrive;
    private final KernelAction leave = this::leave;
    private final KernelAction stepOut = this::stepOut;
    private final KernelAction comeBack = this::comeBack;

    private long arrivalCount;
    private final BitSet neverAnswers = new BitSet();
    private final Map<Long, RequestRecord> refused = new HashMap<>();
    private long invitationsExpired;

    // occupancy, per agent index
    private final Map<String, Integer> agentIndex = new HashMap<>();
    private final int[] units;
    private final int[] capacity;
    private final boolean[] online;
    private final long[] lastChange;
    private double busyUnitMillis;
    private double capacityUnitMillis;

    private Simulation(Scenario scenario, List<KernelListener> observers) {
        this.scenario = scenario;
        this.startMillis = scenario.startMillis();
        this.endMillis = scenario.startMillis() + scenario.horizonMillis();
        SplittableRandom root = new SplittableRandom(scenario.seed());
        this.arrivals = root.split();
        this.mix = root.split();
        this.patience = root.split();
        this.acceptance = root.split();
        this.handle = root.split();
        this.survey = root.split();
        this.stepAway = root.split();
        Scenario.Load load = scenario.load();
        this.meanInterarrivalMillis = 3_600_000.0 / load.arrivalsPerHour();
        this.queueIds = load.queueMix().keySet().toArray(new String[0]);
        this.queueShares = cumulative(load.queueMix().values());
        this.channels = load.channelMix().keySet().toArray(new Channel[0]);
        this.channelShares = cumulative(load.channelMix().values());

        long expected = Math.round(load.arrivalsPerHour() * scenario.horizonMillis() / 3_600_000.0);
        Kernel.Builder builder = Kernel.builder(startMillis)
                .listener(this)
                .expectedRequests((int) Math.min(1 << 24, expected + 16))
                .expectedPending((int) Math.min(1 << 20, expected / 4 + 64));
        scenario.queues().forEach(builder::queue);
        observers.forEach(builder::listener);
        List<Scenario.AgentSpec> agents = scenario.agents();
        units = new int[agents.size()];
        capacity = new int[agents.size()];
        online = new boolean[agents.size()];
        lastChange = new long[agents.size()];
        for (int i = 0; i < agents.size(); i++) {
            builder.agent(agents.get(i).id());
            agentIndex.put(agents.get(i).id(), i);
            capacity[i] = agents.get(i).maxChats();
            lastChange[i] = startMillis;
        }
        this.kernel = builder.build();
    }

    private static double[] cumulative(Iterable<Double> shares) {
        List<Double> list = new ArrayList<>();
        shares.forEach(list::add);
        double total = list.stream().mapToDouble(Double::doubleValue).sum();
        double[] c = new double[list.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += list.get(i);
            c[i] = sum / total;
        }
        c[c.length - 1] = 1.0;
        return c;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Runs the scenario from its start to its horizon. */
    public static SimulationResult run(Scenario scenario) {
        return new Simulation(scenario, List.of()).execute();
    }

    /** Runs the scenario with extra observers, which see every event after the driver does. */
    public static SimulationResult run(Scenario scenario, KernelListener... observers) {
        return new Simulation(scenario, List.of(observers)).execute();
    }

    private SimulationResult execute() {
        for (Scenario.AgentSpec agent : scenario.agents()) {
            kernel.submitToAgent(
                    startMillis,
                    agent.id(),
                    new AgentCommand.Register(
                            agent.id(), agent.id(), agent.skills(), agent.maxChats(), Set.of(Role.AGENT)));
            kernel.submitToAgent(startMillis, agent.id(), new AgentCommand.LogIn());
        }
        long first = startMillis + exponential(arrivals, meanInterarrivalMillis);
        if (first < endMillis) {
            kernel.schedule(first, arrive, 0);
        }
        long began = System.nanoTime();
        kernel.runUntil(endMillis);
        long wallNanos = System.nanoTime() - began;
        for (int i = 0; i < units.length; i++) {
            account(i, endMillis);
        }
        return Results.of(scenario, kernel, records(), invitationsExpired, occupancy(), wallNanos);
    }

    private static long exponential(SplittableRandom random, double meanMillis) {
        return Math.round(-meanMillis * Math.log(1.0 - random.nextDouble()));
    }

    // ---------------------------------------------------------------- customer behaviour

    private void arrive(Kernel k, long now, long ignored) {
        long id = ++arrivalCount;
        Scenario.Load load = scenario.load();
        String queueId = queueIds[pick(queueShares, mix.nextDouble())];
        Channel channel = channels[pick(channelShares, mix.nextDouble())];
        int priority = mix.nextDouble() < load.priorityShare() ? 1 : 0;
        if (acceptance.nextDouble() < load.neverAccepts()) {
            neverAnswers.set((int) id);
        }
        long availableUntil = load.availableFor() == null
                ? endMillis + 86_400_000L
                : now + Math.max(1, load.availableFor().sampleMillis(patience));
        k.submit(
                now,
                id,
                new RequestCommand.Open(
                        id,
                        String.format("SIM-%06d", id),
                        "customer-" + id,
                        queueId,
                        channel,
                        priority,
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
        if (load.patience() != null) {
            k.schedule(now + load.patience().sampleMillis(patience), this.leave, id);
        }
        Scenario.StepAway away = load.stepAway();
        if (away != null && stepAway.nextDouble() < away.share()) {
            k.schedule(now + away.after().sampleMillis(stepAway), this.stepOut, id);
        }
        long next = now + exponential(arrivals, meanInterarrivalMillis);
        if (next < endMillis) {
            k.schedule(next, arrive, 0);
        }
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
            Distribution duration = scenario.load().stepAway().duration();
            k.schedule(now + duration.sampleMillis(stepAway), this.comeBack, id);
        }
    }

    private void comeBack(Kernel k, long now, long id) {
        RequestState state = k.request(id);
        if (state != null && state.status() == RequestStatus.WAITING && !state.available()) {
            k.submit(now, id, new RequestCommand.SetAvailability(true));
        }
    }

    @Override
    public void onRequestEvent(long nowMillis, long requestId, RequestEvent event, RequestState state) {
        switch (event) {
            case RequestEvent.Invited ignored -> {
                if (!neverAnswers.get((int) requestId)) {
                    long delay = scenario.load().acceptDelay().sampleMillis(acceptance);
                    kernel.submit(nowMillis + delay, requestId, new RequestCommand.Accept(VisitorInfo.unknown()));
                }
            }
            case RequestEvent.Accepted ignored ->
                kernel.submit(
                        nowMillis + scenario.load().handleTime().sampleMillis(handle),
                        requestId,
                        new RequestCommand.Close());
            case RequestEvent.Closed ignored ->
                kernel.submit(nowMillis, requestId, new RequestCommand.AnswerSurvey(1 + survey.nextInt(5), ""));
            case RequestEvent.InvitationExpired ignored -> invitationsExpired++;
            default -> {}
        }
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

    @Override
    public void onAgentEvent(long nowMillis, String agentId, AgentEvent event, AgentState state) {
        Integer i = agentIndex.get(agentId);
        if (i == null) {
            return;
        }
        account(i, nowMillis);
        units[i] = state.holdsExclusive() ? state.maxChats() : state.held().size();
        capacity[i] = state.maxChats();
        online[i] = state.presence() == Presence.ONLINE;
    }

    private void account(int i, long nowMillis) {
        long span = nowMillis - lastChange[i];
        if (online[i] || units[i] > 0) {
            capacityUnitMillis += (double) capacity[i] * span;
            busyUnitMillis += (double) Math.min(units[i], capacity[i]) * span;
        }
        lastChange[i] = nowMillis;
    }

    private double occupancy() {
        return capacityUnitMillis == 0 ? 0 : busyUnitMillis / capacityUnitMillis;
    }

    // ---------------------------------------------------------------- records

    private List<RequestRecord> records() {
        List<RequestRecord> records = new ArrayList<>((int) arrivalCount);
        for (long id = 1; id <= arrivalCount; id++) {
            RequestState s = kernel.request(id);
            if (s == null) {
                RequestRecord r = refused.get(id);
                if (r != null) {
                    records.add(r);
                }
                continue;
            }
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
            records.add(new RequestRecord(
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
                    s.reason()));
        }
        return records;
    }

    /** The queue settings by id, for callers that need them. */
    static Map<String, QueueSettings> queuesById(Scenario scenario) {
        Map<String, QueueSettings> byId = new java.util.LinkedHashMap<>();
        scenario.queues().forEach(q -> byId.put(q.queueId(), q));
        return byId;
    }
}
