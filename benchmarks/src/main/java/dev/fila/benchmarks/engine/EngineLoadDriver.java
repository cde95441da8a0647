package dev.fila.benchmarks.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.actors.EngineChange;
import dev.fila.engine.actors.FilaEngine;
import dev.fila.engine.actors.RequestReply;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.VisitorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The live engine's load driver: an in-process {@link FilaEngine} on a fresh journal, driven through
 * its facade, bounded in count and time. Four phases, each optional:
 *
 * <ol>
 *   <li><b>throughput</b> — an open-loop schedule of commands at {@code rate} per second for {@code
 *       seconds} (customers opening requests in several queues, and waiting customers stepping away
 *       and back, R9). Each command's latency runs from its <em>intended</em> start on the schedule to
 *       its acknowledgement (the decision persisted), so a stalled engine is charged for every
 *       command it delayed (no coordinated omission). Reports acknowledged commands per second and
 *       p50/p99/p99.9/max.
 *   <li><b>free-to-invite</b> — agents of one chat each (R2) cycle through a backlog: close the
 *       interaction in service, and time from the agent's recorded {@code SlotReleased} to the next
 *       customer's recorded {@code Invited} for that agent (R10), both as the engine's change hub
 *       sees them; the invited customer accepts (R12) and the agent goes round again.
 *   <li><b>desk</b> — whole request lives at {@code arrivals} per second: agents (4 chats) serve,
 *       customers accept, close after {@code handleMillis} and answer the survey; four commands per
 *       request, each timed from when it was due to its acknowledgement (see {@link #desk}).
 *   <li><b>recovery</b> — {@code recover} requests opened (closed-loop, {@code inflight} at a time)
 *       on their own journal, some invited; the engine stops and starts again on the same files, and
 *       the time to answer every queue's line and every request's state is measured, with the number
 *       of journal rows it read.
 * </ol>
 *
 * <p>Arguments are {@code key=value}: {@code journal=h2} (or {@code postgres}: the engine's own block, its server
 * from {@code FILA_PG_URL}, {@code FILA_PG_USER}, {@code FILA_PG_PASSWORD}), {@code dir=PATH} (default:
 * a fresh temporary directory, deleted when the run ends), {@code rate=2000}, {@code seconds=20}, {@code warmup=10} (seconds of the same
 * load before the measured ones), {@code queues=4}, {@code
 * agents=8}, {@code cycles=200} (free-to-invite rounds per agent, measured), {@code freeWarmup=100} (rounds
 * per agent before them, not measured), {@code freeHold=0} (milliseconds an agent holds each interaction
 * before closing it; 0 drives the node flat out), {@code recover=100000}, {@code
 * inflight=256}, {@code arrivals=1250}, {@code deskAgents=200}, {@code handleMillis=2000}, {@code
 * phases=throughput,free,recovery} (desk only when named). Loopback only: nothing leaves the JVM.
 */
public final class EngineLoadDriver {

    private static final long START_MILLIS = System.currentTimeMillis();

    private final Map<String, String> options;
    private final Path root;
    private final int queues;

    private EngineLoadDriver(Map<String, String> options) throws IOException {
        this.options = options;
        this.root = options.containsKey("dir") ? Path.of(options.get("dir")) : Files.createTempDirectory("fila-load-");
        this.queues = integer("queues", 4);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value, not " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        EngineLoadDriver driver = new EngineLoadDriver(options);
        String phases = options.getOrDefault("phases", "throughput,free,recovery");
        System.out.printf(
                "fila engine load driver: journal=%s dir=%s cores=%d %s%n",
                driver.journal(), driver.root, Runtime.getRuntime().availableProcessors(), options);
        try {
            if (phases.contains("throughput")) {
                driver.throughput();
            }
            if (phases.contains("free")) {
                driver.freeToInvite();
            }
            if (phases.contains("desk")) {
                driver.desk();
            }
            if (phases.contains("recovery")) {
                driver.recovery();
            }
        } finally {
            if (!options.containsKey("dir")) {
                // Each run writes up to a few GB of journal: a temporary directory does not outlive it.
                deleteTree(driver.root);
            }
        }
        System.exit(0);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void throughput() {
        int rate = integer("rate", 2000);
        int seconds = integer("seconds", 20);
        int warmupSeconds = integer("warmup", 10);
        long count = (long) rate * seconds;
        long warmupCount = (long) rate * warmupSeconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        Histogram latencyMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Random random = new Random(42);
        try (FilaEngine engine = FilaEngine.start(config(root.resolve("throughput")), Clock.systemUTC())) {
            warmUp(engine, 1_000_000_000L);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            List<Long> opened = new ArrayList<>();
            boolean[] away = new boolean[(int) (warmupCount + count) + 1];
            long nextId = 1;
            long warmupStartNanos = System.nanoTime();
            long startNanos = warmupStartNanos + warmupCount * intervalNanos;
            long lastAckNanos = startNanos;
            AtomicLong lastAck = new AtomicLong(startNanos);
            // The same schedule runs for warmup seconds first, unmeasured: the JIT compiles the
            // engine's paths and the journal's pools fill at the measured load, not before it.
            for (long i = -warmupCount; i < count; i++) {
                long intendedNanos = startNanos + i * intervalNanos;
                boolean measured = i >= 0;
                long wait;
                while ((wait = intendedNanos - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                CompletionStage<Boolean> reply;
                if (opened.size() > 100 && random.nextInt(4) == 0) {
                    // R9: a waiting customer steps away or comes back.
                    int index = random.nextInt(opened.size());
                    long requestId = opened.get(index);
                    away[index] = !away[index];
                    reply = engine.request(requestId, new RequestCommand.SetAvailability(!away[index]))
                            .thenApply(RequestReply::accepted);
                } else {
                    long requestId = nextId++;
                    opened.add(requestId);
                    reply = engine.request(requestId, open(requestId, "q" + (requestId % queues), Channel.CHAT))
                            .thenApply(RequestReply::accepted);
                }
                if (!measured) {
                    continue;
                }
                pending.add(reply.toCompletableFuture().whenComplete((ok, error) -> {
                    long now = System.nanoTime();
                    latencyMicros.recordValue(Math.max(0, (now - intendedNanos) / 1000));
                    lastAck.accumulateAndGet(now, Math::max);
                    if (error != null) {
                        failed.incrementAndGet();
                    } else if (ok) {
                        accepted.incrementAndGet();
                    } else {
                        rejected.incrementAndGet();
                    }
                }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .join();
            lastAckNanos = lastAck.get();
            double elapsedSeconds = (lastAckNanos - startNanos) / 1e9;
            System.out.printf(
                    "throughput: offered %d commands at %d/s for %d s (after %d s of warm-up at that rate);"
                            + " %d accepted, %d rejected, %d failed; all acknowledged after %.2f s = %.0f commands/s%n",
                    count,
                    rate,
                    seconds,
                    warmupSeconds,
                    accepted.get(),
                    rejected.get(),
                    failed.get(),
                    elapsedSeconds,
                    count / elapsedSeconds);
            printLatency("throughput latency (intended start to ack)", latencyMicros);
            long queueLagStart = System.nanoTime();
            long expectedInLines = opened.size();
            long inLines = -1;
            while (System.nanoTime() - queueLagStart < TimeUnit.SECONDS.toNanos(120)) {
                try {
                    inLines = linesTotal(engine);
                } catch (RuntimeException e) {
                    System.out.println("throughput: a queue did not answer its line: " + e.getMessage());
                }
                if (inLines >= expectedInLines) {
                    break;
                }
                sleep(50);
            }
            if (inLines < expectedInLines) {
                System.out.printf(
                        "throughput: after 120 s the lines hold %d of %d requests%n", inLines, expectedInLines);
            }
            System.out.printf(
                    "throughput: every queue line held its %d requests %.2f s after the last ack%n",
                    expectedInLines, (System.nanoTime() - lastAckNanos) / 1e9);
        }
    }

    private void freeToInvite() {
        int agents = integer("agents", 8);
        int cycles = integer("cycles", 200);
        // Rounds per agent run before the measured ones, so the JIT has compiled this path (the backlog's
        // openings warm only the opening path).
        int warmupCycles = integer("freeWarmup", 100);
        // How long each agent holds an interaction before closing it (0: closes at once, so the agents
        // drive the node flat out and the figure includes queueing for a saturated CPU).
        long holdMillis = integer("freeHold", 0);
        AtomicLong invitations = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        Histogram releasedToInvitedMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram closeToInvitedMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        // The path's stages, each timed between two recorded (persisted) events: the agent's release, the
        // queue's offer to that agent, the agent's reservation, the request's invitation.
        Histogram releasedToOfferedMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram offeredToReservedMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram reservedToInvitedMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        Map<String, Long> releasedAtNanos = new ConcurrentHashMap<>();
        Map<String, Long> offeredAtNanos = new ConcurrentHashMap<>();
        Map<String, Long> reservedAtNanos = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Long>> nextInvitation = new ConcurrentHashMap<>();
        try (FilaEngine engine = FilaEngine.start(config(root.resolve("free")), Clock.systemUTC())) {
            engine.subscribe(change -> {
                if (change instanceof EngineChange.AgentChanged a && a.event() instanceof AgentEvent.SlotReleased) {
                    releasedAtNanos.put(a.agentId(), System.nanoTime());
                } else if (change instanceof EngineChange.QueueChanged q
                        && q.event() instanceof QueueEvent.Offered offered) {
                    long now = System.nanoTime();
                    offeredAtNanos.put(offered.agentId(), now);
                    Long released = releasedAtNanos.get(offered.agentId());
                    if (released != null && measuring.get()) {
                        releasedToOfferedMicros.recordValue((now - released) / 1000);
                    }
                } else if (change instanceof EngineChange.AgentChanged a
                        && a.event() instanceof AgentEvent.SlotReserved) {
                    long now = System.nanoTime();
                    reservedAtNanos.put(a.agentId(), now);
                    Long offered = offeredAtNanos.remove(a.agentId());
                    if (offered != null && releasedAtNanos.containsKey(a.agentId()) && measuring.get()) {
                        offeredToReservedMicros.recordValue((now - offered) / 1000);
                    }
                } else if (change instanceof EngineChange.RequestChanged r
                        && r.event() instanceof RequestEvent.Invited invited) {
                    long now = System.nanoTime();
                    Long released = releasedAtNanos.remove(invited.agentId());
                    Long reserved = reservedAtNanos.remove(invited.agentId());
                    if (invitations.incrementAndGet() > (long) agents * warmupCycles) {
                        measuring.set(true);
                    }
                    if (released != null && measuring.get()) {
                        releasedToInvitedMicros.recordValue((now - released) / 1000);
                        if (reserved != null) {
                            reservedToInvitedMicros.recordValue((now - reserved) / 1000);
                        }
                    }
                    CompletableFuture<Long> waiting = nextInvitation.remove(invited.agentId());
                    if (waiting != null) {
                        waiting.complete(r.requestId());
                    }
                }
            });
            long backlog = (long) agents * (warmupCycles + cycles + 2);
            List<CompletableFuture<?>> opens = new ArrayList<>();
            Semaphore inflight = new Semaphore(integer("inflight", 256));
            for (long id = 1; id <= backlog; id++) {
                inflight.acquireUninterruptibly();
                opens.add(engine.request(id, open(id, "q0", Channel.CHAT))
                        .toCompletableFuture()
                        .whenComplete((r, e) -> inflight.release()));
            }
            CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new)).join();
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                String agentId = "agent-" + a;
                join(engine.agent(
                        agentId, new AgentCommand.Register(agentId, agentId, Map.of("q0", 1), 1, Set.of(Role.AGENT))));
                CompletableFuture<Long> first = new CompletableFuture<>();
                nextInvitation.put(agentId, first);
                join(engine.agent(agentId, new AgentCommand.LogIn()));
                loops.add(first.thenCompose(requestId -> cycle(
                        engine,
                        agentId,
                        requestId,
                        warmupCycles + cycles,
                        nextInvitation,
                        closeToInvitedMicros,
                        measuring,
                        holdMillis)));
            }
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new))
                    .orTimeout(10, TimeUnit.MINUTES)
                    .join();
            printLatency("free-to-invite (SlotReleased recorded to Invited recorded)", releasedToInvitedMicros);
            printLatency("  stage: SlotReleased recorded to the queue's Offered recorded", releasedToOfferedMicros);
            printLatency("  stage: Offered recorded to the agent's SlotReserved recorded", offeredToReservedMicros);
            printLatency("  stage: SlotReserved recorded to the request's Invited recorded", reservedToInvitedMicros);
            printLatency("free-to-invite (Close sent to Invited recorded)", closeToInvitedMicros);
        }
    }

    /**
     * A desk's traffic: customers arrive open-loop at {@code arrivals} per second over the queues,
     * {@code deskAgents} agents per queue with 4 chats each (R2) serve them, and every request lives
     * its whole life — invited (R10), accepted at once (R12), closed after {@code handleMillis} (R16),
     * its survey answered (R16). Four customer commands per request (Open, Accept, Close,
     * AnswerSurvey), each timed from the moment it was due (its arrival on the schedule, or the event
     * that made it due) to its acknowledgement. Finished requests passivate {@code
     * fila.passivate-finished-after} (2 min) after their last event: after a run of this length.
     */
    private void desk() {
        int arrivals = integer("arrivals", 1250);
        int seconds = integer("seconds", 20);
        int warmupSeconds = integer("warmup", 10);
        int agentsPerQueue = integer("deskAgents", 200);
        long handleMillis = integer("handleMillis", 2000);
        Histogram latencyMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        AtomicLong measuredAcks = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.ScheduledExecutorService closer = java.util.concurrent.Executors.newScheduledThreadPool(1);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / arrivals;
        long warmupCount = (long) arrivals * warmupSeconds;
        long count = (long) arrivals * seconds;
        try (FilaEngine engine = FilaEngine.start(config(root.resolve("desk")), Clock.systemUTC())) {
            long[] measureFrom = {Long.MAX_VALUE};
            long[] measureTo = {Long.MAX_VALUE};
            // Sends a command that was due at dueNanos; its latency counts when it was due in the window.
            interface Due {
                void send(long requestId, RequestCommand command, long dueNanos);
            }
            Due due = (requestId, command, dueNanos) -> engine.request(requestId, command)
                    .whenComplete((reply, error) -> {
                        long now = System.nanoTime();
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                        if (dueNanos >= measureFrom[0] && dueNanos < measureTo[0]) {
                            latencyMicros.recordValue(Math.max(0, (now - dueNanos) / 1000));
                            measuredAcks.incrementAndGet();
                        }
                    });
            java.util.function.BiConsumer<Long, RequestCommand> send =
                    (requestId, command) -> due.send(requestId, command, System.nanoTime());
            engine.subscribe(change -> {
                if (change instanceof EngineChange.RequestChanged r) {
                    switch (r.event()) {
                        case RequestEvent.Invited invited ->
                            send.accept(r.requestId(), new RequestCommand.Accept(VisitorInfo.unknown()));
                        case RequestEvent.Accepted accepted ->
                            closer.schedule(
                                    () -> send.accept(r.requestId(), new RequestCommand.Close()),
                                    handleMillis,
                                    TimeUnit.MILLISECONDS);
                        case RequestEvent.Closed closed ->
                            send.accept(r.requestId(), new RequestCommand.AnswerSurvey(5, "ok"));
                        default -> {}
                    }
                }
            });
            for (int q = 0; q < queues; q++) {
                for (int a = 0; a < agentsPerQueue; a++) {
                    String agentId = "q" + q + "-agent-" + a;
                    join(engine.agent(
                            agentId,
                            new AgentCommand.Register(agentId, agentId, Map.of("q" + q, 1), 4, Set.of(Role.AGENT))));
                    join(engine.agent(agentId, new AgentCommand.LogIn()));
                }
            }
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            measureFrom[0] = start + warmupCount * intervalNanos;
            measureTo[0] = measureFrom[0] + count * intervalNanos;
            for (long i = 0; i < warmupCount + count; i++) {
                long intended = start + i * intervalNanos;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                long requestId = i + 1;
                due.send(requestId, open(requestId, "q" + (requestId % queues), Channel.CHAT), intended);
            }
            sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureTo[0] - System.nanoTime())) + 5_000);
            long windowSeconds = seconds;
            System.out.printf(
                    "desk: %d arrivals/s for %d s after %d s of warm-up, %d agents x 4 chats per queue, handle %d ms;"
                            + " %d commands due in the measured window acknowledged (%.0f commands/s), %d failed%n",
                    arrivals,
                    seconds,
                    warmupSeconds,
                    agentsPerQueue,
                    handleMillis,
                    measuredAcks.get(),
                    measuredAcks.get() / (double) windowSeconds,
                    failed.get());
            printLatency("desk latency (due to ack, all four commands)", latencyMicros);
        } finally {
            closer.shutdownNow();
        }
    }

    /** One agent's rounds: accept the invitation (R12), close it (R16), wait for the next invitation. */
    private static CompletableFuture<Void> cycle(
            FilaEngine engine,
            String agentId,
            long requestId,
            int remaining,
            Map<String, CompletableFuture<Long>> nextInvitation,
            Histogram closeToInvitedMicros,
            java.util.concurrent.atomic.AtomicBoolean measuring,
            long holdMillis) {
        if (remaining == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return engine.request(requestId, new RequestCommand.Accept(VisitorInfo.unknown()))
                .toCompletableFuture()
                .thenComposeAsync(
                        accepted -> CompletableFuture.completedFuture(accepted),
                        CompletableFuture.delayedExecutor(holdMillis, TimeUnit.MILLISECONDS))
                .thenCompose(accepted -> {
                    CompletableFuture<Long> next = new CompletableFuture<>();
                    nextInvitation.put(agentId, next);
                    long closeNanos = System.nanoTime();
                    return engine.request(requestId, new RequestCommand.Close())
                            .toCompletableFuture()
                            .thenCompose(closed -> next)
                            .thenCompose(nextRequest -> {
                                if (measuring.get()) {
                                    closeToInvitedMicros.recordValue((System.nanoTime() - closeNanos) / 1000);
                                }
                                return cycle(
                                        engine,
                                        agentId,
                                        nextRequest,
                                        remaining - 1,
                                        nextInvitation,
                                        closeToInvitedMicros,
                                        measuring,
                                        holdMillis);
                            });
                });
    }

    private void recovery() throws Exception {
        int size = integer("recover", 100_000);
        int agents = 50;
        Path dir = root.resolve("recovery");
        Semaphore inflight = new Semaphore(integer("inflight", 256));
        long writeStart = System.nanoTime();
        try (FilaEngine engine = FilaEngine.start(config(dir), Clock.systemUTC())) {
            for (int a = 0; a < agents; a++) {
                String agentId = "agent-" + a;
                join(engine.agent(
                        agentId,
                        new AgentCommand.Register(
                                agentId, agentId, Map.of("q" + (a % queues), 1), 2, Set.of(Role.AGENT))));
                join(engine.agent(agentId, new AgentCommand.LogIn()));
            }
            List<CompletableFuture<?>> opens = new ArrayList<>(size);
            for (long id = 1; id <= size; id++) {
                inflight.acquireUninterruptibly();
                opens.add(engine.request(id, open(id, "q" + (id % queues), Channel.CHAT))
                        .toCompletableFuture()
                        .whenComplete((r, e) -> inflight.release()));
            }
            CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new)).join();
            long expected = size;
            while (linesTotal(engine) < expected) {
                sleep(100);
            }
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long rows = journalRows(dir);
        System.out.printf(
                "recovery: wrote %d requests (+%d agents) in %.1f s (%.0f requests/s, closed loop); journal holds %d events%n",
                size, agents, writeSeconds, size / writeSeconds, rows);

        long startNanos = System.nanoTime();
        try (FilaEngine engine = FilaEngine.start(config(dir), Clock.systemUTC())) {
            long started = System.nanoTime();
            long inLines = linesTotal(engine);
            long linesNanos = System.nanoTime();
            List<CompletableFuture<?>> states = new ArrayList<>(size);
            for (long id = 1; id <= size; id++) {
                inflight.acquireUninterruptibly();
                states.add(engine.requestState(id).toCompletableFuture().whenComplete((r, e) -> inflight.release()));
            }
            CompletableFuture.allOf(states.toArray(CompletableFuture[]::new)).join();
            long allNanos = System.nanoTime();
            double totalSeconds = (allNanos - startNanos) / 1e9;
            System.out.printf(
                    "recovery: engine started in %.2f s; %d queue lines (%d places) answered after %.2f s;"
                            + " all %d request states after %.2f s; = %.2f s per 100,000 events (%d events)%n",
                    (started - startNanos) / 1e9,
                    queues,
                    inLines,
                    (linesNanos - startNanos) / 1e9,
                    size,
                    totalSeconds,
                    totalSeconds * 100_000 / rows,
                    rows);
        }
    }

    private long journalRows(Path dir) throws Exception {
        Config db = config(dir)
                .getConfig("fila.journals." + journal() + ".pekko-persistence-jdbc.shared-databases.fila.db");
        try (Connection connection = DriverManager.getConnection(
                        db.getString("url"), db.getString("user"), db.getString("password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from \"event_journal\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long linesTotal(FilaEngine engine) {
        long total = 0;
        for (int q = 0; q < queues; q++) {
            total += join(engine.line("q" + q)).places().size();
        }
        return total;
    }

    private void warmUp(FilaEngine engine, long idBase) {
        List<CompletableFuture<?>> replies = new ArrayList<>();
        for (long id = idBase; id < idBase + 2_000; id++) {
            replies.add(engine.request(id, new RequestCommand.Leave()).toCompletableFuture());
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
        for (int q = 0; q < queues; q++) {
            join(engine.line("q" + q));
        }
    }

    private Config config(Path dir) {
        StringBuilder queueBlocks = new StringBuilder();
        for (int q = 0; q < queues; q++) {
            queueBlocks.append("{ id = q").append(q).append(", zone = UTC, hours { mon-sun = \"00:00-24:00\" } }\n");
        }
        String journalOverride = ""; // PostgreSQL: fila.postgres, from FILA_PG_URL, FILA_PG_USER, FILA_PG_PASSWORD
        return ConfigFactory.load(ConfigFactory.parseString(
                """
                fila.journal = %s
                fila.data-dir = "%s"
                fila.ask-timeout = 30s
                fila.queues = [ %s ]
                %s
                """.formatted(journal(), dir.toString().replace("\\", "/"), queueBlocks, journalOverride)));
    }

    private String journal() {
        return options.getOrDefault("journal", "h2");
    }

    private int integer(String key, int otherwise) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key)) : otherwise;
    }

    private static RequestCommand.Open open(long requestId, String queueId, Channel channel) {
        return new RequestCommand.Open(
                requestId,
                "P-" + requestId,
                "customer-" + requestId,
                queueId,
                channel,
                0,
                new RequestDetails(
                        "technical",
                        "ERP",
                        "billing",
                        "invoices",
                        "the invoice screen freezes",
                        false,
                        START_MILLIS + Duration.ofHours(12).toMillis()),
                CustomerStanding.inGoodStanding(),
                true);
    }

    private static void printLatency(String what, Histogram micros) {
        System.out.printf(
                "%s: n=%d p50=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms%n",
                what,
                micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
