package dev.fila.benchmarks.mmcm;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.VisitorInfo;
import dev.fila.simulation.kernel.Kernel;
import dev.fila.simulation.kernel.KernelAction;
import dev.fila.simulation.kernel.KernelListener;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The M/M/c+M model run on Fila's kernel with the full rules: every call is a request that the
 * request, queue and agent deciders carry through {@code Open → Enqueue (routed in the same decision
 * when an agent is free) → Offer → Invite → Accept → Remove / InteractionStarted → Close → Release →
 * AgentCapacity (routed in the same decision when someone waits)}, with its expiry
 * timer armed and cancelled as in the live engine. The queue is always open (R7 does not bite), takes
 * chat, and each agent takes one chat at a time (R2 with {@code maxChats = 1}).
 *
 * <p>The customer side is a minimal driver: a Poisson arrival process opens requests; each customer's
 * patience is a scheduled action that submits {@code Leave} if the request is still queued (R13), and
 * is cancelled when the customer is served (as SSJ's model cancels its abandonment event);
 * an invited customer accepts at once (R12); the agent closes after the handle time (R16). The survey
 * is not answered (nothing in this model depends on it). A call's request is released from the kernel
 * when it leaves or is closed (its figures are counted on the way), so the kernel holds only the calls in
 * flight. Draws come from one {@link SplittableRandom}
 * split into three streams (arrivals, handle times, patience); times are epoch millis, draws rounded
 * to the millisecond.
 *
 * <p>An <em>event</em> here is one entry the kernel runs ({@link Kernel#eventsProcessed()}): a command
 * delivered to an aggregate, a timer firing, or a driver action. A served call takes about a dozen.
 */
public final class FilaMmcm implements KernelListener {

    private static final String QUEUE = "mmcm";
    private static final long START_MILLIS = 1_800_000_000_000L;

    private final MmcmModel model;
    private final Kernel kernel;
    private final SplittableRandom arrivalStream;
    private final SplittableRandom handleStream;
    private final SplittableRandom patienceStream;
    private final double meanInterarrivalMillis;
    private final double meanHandleMillis;
    private final double meanPatienceMillis;
    private final long endMillis;
    private final long answerWithinMillis;
    private final boolean releaseFinished;
    private final RequestDetails details;
    private final CustomerStanding standing = CustomerStanding.inGoodStanding();
    private final RequestCommand.Accept accept = new RequestCommand.Accept(VisitorInfo.unknown());
    private final RequestCommand.Close close = new RequestCommand.Close();
    private final RequestCommand.Leave leaveCommand = new RequestCommand.Leave();
    private final KernelAction arrive = this::arrive;
    private final KernelAction leave = this::leave;

    /** Handles of the pending patience actions, by request id modulo the ring's size (ids checked). */
    private static final int PATIENCE_RING = 1 << 16;

    private final long[] patienceId = new long[PATIENCE_RING];
    private final long[] patienceHandle = new long[PATIENCE_RING];

    private long arrivals;
    private long answered;
    private long abandoned;
    private long answeredWithinT;
    private long totalWaitMillis;

    /** A replication drawing from {@code random} (split here into its three streams). */
    public FilaMmcm(MmcmModel model, SplittableRandom random) {
        this(model, random, true);
    }

    /**
     * A replication drawing from {@code random}; {@code releaseFinished} says whether each call's request
     * is released from the kernel once it left or was closed ({@link Kernel#release}), or kept to the end
     * (the kernel's default, as before the third round on speed).
     */
    public FilaMmcm(MmcmModel model, SplittableRandom random, boolean releaseFinished) {
        this.model = model;
        this.releaseFinished = releaseFinished;
        this.arrivalStream = random.split();
        this.handleStream = random.split();
        this.patienceStream = random.split();
        this.meanInterarrivalMillis = 3_600_000.0 / model.arrivalsPerHour();
        this.meanHandleMillis = model.meanHandleSeconds() * 1000.0;
        this.meanPatienceMillis = model.meanPatienceSeconds() * 1000.0;
        this.endMillis = START_MILLIS + Math.round(model.horizonHours() * 3_600_000.0);
        this.answerWithinMillis = Math.round(model.answerWithinSeconds() * 1000.0);
        this.details = new RequestDetails(
                "benchmark", "benchmark", "benchmark", "benchmark", "M/M/c+M call", false, endMillis + 86_400_000L);
        QueueSettings queue =
                QueueSettings.defaults(QUEUE, ZoneOffset.UTC).withCalendar(BusinessCalendar.alwaysOpen(ZoneOffset.UTC));
        queue = new QueueSettings(
                queue.queueId(),
                queue.calendar(),
                EnumSet.of(Channel.CHAT),
                queue.acceptTimeoutMillis(),
                queue.penaltyPositions(),
                queue.returnGraceMillis(),
                false,
                queue.priority(),
                queue.defaultHandleMillis());
        long expectedCalls = Math.round(model.arrivalsPerHour() * model.horizonHours());
        Kernel.Builder builder = Kernel.builder(START_MILLIS)
                .queue(queue)
                .listener(this)
                .expectedRequests((int) Math.min(1 << 24, expectedCalls + 16))
                .expectedPending(4 * model.agents() + 64);
        for (int a = 0; a < model.agents(); a++) {
            builder.agent(agentId(a));
        }
        this.kernel = builder.build();
    }

    private static String agentId(int a) {
        return "agent-" + a;
    }

    /** Runs one replication to the horizon. */
    public MmcmFigures run() {
        for (int a = 0; a < model.agents(); a++) {
            String id = agentId(a);
            kernel.submitToAgent(
                    START_MILLIS, id, new AgentCommand.Register(id, id, Map.of(QUEUE, 1), 1, Set.of(Role.AGENT)));
            kernel.submitToAgent(START_MILLIS, id, new AgentCommand.LogIn());
        }
        scheduleNextArrival(START_MILLIS);
        kernel.runUntil(endMillis);
        return new MmcmFigures(
                arrivals, answered, abandoned, answeredWithinT, totalWaitMillis / 1000.0, kernel.eventsProcessed());
    }

    /** The kernel, for tests and inspection after {@link #run()}. */
    public Kernel kernel() {
        return kernel;
    }

    private static long exponential(SplittableRandom random, double meanMillis) {
        return Math.round(-meanMillis * Math.log(1.0 - random.nextDouble()));
    }

    private void scheduleNextArrival(long nowMillis) {
        long next = nowMillis + exponential(arrivalStream, meanInterarrivalMillis);
        if (next < endMillis) {
            kernel.schedule(next, arrive, 0);
        }
    }

    private void arrive(Kernel k, long nowMillis, long ignored) {
        long id = ++arrivals;
        String protocol = Long.toString(id);
        k.deliverNow(
                id, new RequestCommand.Open(id, protocol, protocol, QUEUE, Channel.CHAT, 0, details, standing, true));
        int ring = (int) (id & (PATIENCE_RING - 1));
        patienceId[ring] = id;
        patienceHandle[ring] = k.schedule(nowMillis + exponential(patienceStream, meanPatienceMillis), leave, id);
        scheduleNextArrival(nowMillis);
    }

    private void leave(Kernel k, long nowMillis, long id) {
        RequestState state = k.request(id);
        if (state != null && state.status().isQueued()) {
            k.submit(nowMillis, id, leaveCommand);
        }
    }

    /** Lets the kernel forget a call that nothing more will happen to (its figures are counted already). */
    private void release(long requestId) {
        if (releaseFinished) {
            kernel.release(requestId);
        }
    }

    @Override
    public void onRequestEvent(long nowMillis, long requestId, RequestEvent event, RequestState state) {
        switch (event) {
            case RequestEvent.Invited ignored -> kernel.submit(nowMillis, requestId, accept);
            case RequestEvent.Accepted accepted -> {
                int ring = (int) (requestId & (PATIENCE_RING - 1));
                if (patienceId[ring] == requestId) {
                    kernel.cancel(patienceHandle[ring]); // served: the customer's patience no longer runs
                }
                answered++;
                totalWaitMillis += accepted.waitedMillis();
                if (accepted.waitedMillis() <= answerWithinMillis) {
                    answeredWithinT++;
                }
                kernel.submit(nowMillis + exponential(handleStream, meanHandleMillis), requestId, close);
            }
            case RequestEvent.Left ignored -> {
                abandoned++;
                release(requestId);
            }
            case RequestEvent.Closed ignored -> release(requestId);
            default -> {}
        }
    }
}
