package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery at scale: many requests in four queues' lines, agents holding some of them (invited or in
 * service), pending invitation (R11) and expiry (R14) timers; the engine stops and starts again on
 * the same H2 file, and the lines, the agents' capacity and the timers are what they were.
 *
 * <p>The size is the issue's: 100,000 requests (≈ 70 s on the 2-core build machine, most of it writing
 * them; {@code -Dfila.recovery.size=N} runs another size). The read models are off here: they have
 * their own rebuild test, and their load is not what this test is about.
 */
class RecoveryAtScaleTest {

    private static final int SIZE = Integer.getInteger("fila.recovery.size", 100_000);
    private static final int QUEUES = 4;
    private static final int AGENTS_PER_QUEUE = 10;
    private static final int CHATS_PER_AGENT = 2;
    /** R14: these requests' customers are available only for 30 minutes (far from the head of the line). */
    private static final long SHORT_EVERY = 997;

    private static final Duration SHORT_AVAILABILITY = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void R2_R11_R14_linesAgentCapacityAndPendingTimersAreWhatTheyWereAfterARestart() {
        ManualClock clock = new ManualClock(START);
        Map<String, List<Long>> linesBefore = new LinkedHashMap<>();
        Map<String, AgentState> agentsBefore = new LinkedHashMap<>();
        Map<Long, RequestState> sampleBefore = new LinkedHashMap<>();
        List<Long> invitedPending = new ArrayList<>();
        List<Long> shortAvailability = new ArrayList<>();
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            List<String> agentIds = new ArrayList<>();
            for (int q = 0; q < QUEUES; q++) {
                for (int a = 0; a < AGENTS_PER_QUEUE; a++) {
                    String agentId = "q" + q + "-agent-" + a;
                    agentIds.add(agentId);
                    await(engine.agent(
                            agentId,
                            new AgentCommand.Register(
                                    agentId, agentId, Map.of("q" + q, 1), CHATS_PER_AGENT, Set.of(Role.AGENT))));
                    await(engine.agent(agentId, new AgentCommand.LogIn()));
                }
            }
            Semaphore inflight = new Semaphore(256);
            List<CompletableFuture<RequestReply>> opens = new ArrayList<>(SIZE);
            for (long id = 1; id <= SIZE; id++) {
                boolean shortOne = id > 1000 && id % SHORT_EVERY == 0;
                if (shortOne) {
                    shortAvailability.add(id);
                }
                inflight.acquireUninterruptibly();
                opens.add(engine.request(id, open(id, shortOne))
                        .toCompletableFuture()
                        .whenComplete((reply, error) -> inflight.release()));
            }
            CompletableFuture.allOf(opens.toArray(CompletableFuture[]::new)).join();
            assertThat(opens).allMatch(reply -> reply.join().accepted());

            int slots = QUEUES * AGENTS_PER_QUEUE * CHATS_PER_AGENT;
            eventually("every agent slot holds an invitation (R10)", () -> heldInAll(engine, agentIds) == slots);
            // One invitation per agent is accepted (R12); the other stays pending with its R11 timer.
            for (String agentId : agentIds) {
                AgentState agent = await(engine.agentState(agentId));
                long first = agent.held().get(0).requestId();
                assertThat(await(engine.request(first, new RequestCommand.Accept(VisitorInfo.unknown())))
                                .accepted())
                        .isTrue();
                invitedPending.add(agent.held().get(1).requestId());
            }
            long inService = agentIds.size();
            eventually("the lines hold every queued request", () -> linesTotal(engine) == SIZE - inService);
            clock.advance(Duration.ofMinutes(2)); // the invitations are two minutes old at the restart

            for (int q = 0; q < QUEUES; q++) {
                linesBefore.put("q" + q, ids(await(engine.line("q" + q))));
            }
            for (String agentId : agentIds) {
                agentsBefore.put(agentId, await(engine.agentState(agentId)));
            }
            List<Long> sample = new ArrayList<>(invitedPending);
            sample.addAll(shortAvailability);
            for (long id = 1; id <= SIZE; id += 101) {
                sample.add(id);
            }
            for (long id : sample) {
                sampleBefore.put(id, await(engine.requestState(id)));
            }
        }
        assertThat(sampleBefore.values()).anyMatch(r -> r.status() == RequestStatus.IN_SERVICE);
        assertThat(linesBefore.values().stream().mapToInt(List::size).sum())
                .isEqualTo(SIZE - QUEUES * AGENTS_PER_QUEUE);

        List<EngineChange> changes = new CopyOnWriteArrayList<>();
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            engine.subscribe(changes::add);
            // Positions: every line in the same order (R8, R11).
            for (var line : linesBefore.entrySet()) {
                assertThat(ids(await(engine.line(line.getKey()))))
                        .as("line of %s", line.getKey())
                        .isEqualTo(line.getValue());
            }
            // Capacity: every agent holds what it held, reserved or active (R2).
            for (var agent : agentsBefore.entrySet()) {
                assertThat(await(engine.agentState(agent.getKey()))).isEqualTo(agent.getValue());
            }
            for (var request : sampleBefore.entrySet()) {
                assertThat(await(engine.requestState(request.getKey()))).isEqualTo(request.getValue());
            }

            // Timers: nobody asks the invited requests anything; their R11 deadlines were re-armed.
            clock.advance(Duration.ofSeconds(179));
            sleep(300);
            assertThat(changes)
                    .noneMatch(c -> c instanceof EngineChange.RequestChanged r
                            && r.event() instanceof RequestEvent.InvitationExpired);
            clock.advance(Duration.ofSeconds(1)); // exactly acceptTimeout (5 min) after the invitations
            long fiveMinutes = START.plus(Duration.ofMinutes(5)).toEpochMilli();
            eventually("every pending invitation ran out at 5 min, with its penalty", () -> invitedPending.stream()
                    .allMatch(id -> changes.stream()
                            .anyMatch(c -> c instanceof EngineChange.RequestChanged r
                                    && r.requestId() == id
                                    && r.event() instanceof RequestEvent.InvitationExpired e
                                    && e.atMillis() == fiveMinutes
                                    && e.penaltyPositions() == 5)));
            for (long id : invitedPending) {
                assertThat(await(engine.requestState(id)).penalties()).isEqualTo(1);
            }
            // R14: the customers available for 30 minutes expire then, and only then.
            long expiry = START.plus(SHORT_AVAILABILITY).toEpochMilli();
            clock.advance(Duration.ofMillis(expiry - clock.millis() - 1000));
            sleep(300);
            assertThat(shortAvailability)
                    .allMatch(id -> await(engine.requestState(id)).status() == RequestStatus.WAITING);
            clock.advance(Duration.ofSeconds(1));
            eventually("the short-availability requests expired (R14)", () -> shortAvailability.stream()
                    .allMatch(id -> await(engine.requestState(id)).status() == RequestStatus.EXPIRED));
            for (long id : shortAvailability) {
                assertThat(await(engine.requestState(id)).endedAtMillis()).isEqualTo(expiry);
            }
        }
    }

    private static int heldInAll(FilaEngine engine, List<String> agentIds) {
        int held = 0;
        for (String agentId : agentIds) {
            held += await(engine.agentState(agentId)).held().size();
        }
        return held;
    }

    private static long linesTotal(FilaEngine engine) {
        long total = 0;
        for (int q = 0; q < QUEUES; q++) {
            total += await(engine.line("q" + q)).places().size();
        }
        return total;
    }

    private static List<Long> ids(LineView line) {
        return line.places().stream().map(LineView.Place::requestId).toList();
    }

    private static RequestCommand.Open open(long requestId, boolean shortAvailability) {
        Duration available = shortAvailability ? SHORT_AVAILABILITY : Duration.ofHours(8);
        return new RequestCommand.Open(
                requestId,
                "P-" + requestId,
                "customer-" + requestId,
                "q" + (requestId % QUEUES),
                Channel.CHAT,
                0,
                new RequestDetails(
                        "technical",
                        "ERP",
                        "billing",
                        "invoices",
                        "the invoice screen freezes",
                        false,
                        START.plus(available).toEpochMilli()),
                CustomerStanding.inGoodStanding(),
                true);
    }

    private static Config config(Path dir) {
        StringBuilder queues = new StringBuilder();
        for (int q = 0; q < QUEUES; q++) {
            queues.append("{ id = q").append(q).append(", zone = UTC, hours { mon-sun = \"00:00-24:00\" } }\n");
        }
        return ConfigFactory.load(
                ConfigFactory.parseString("""
                fila.data-dir = "%s"
                fila.timers.max-delay = 50ms
                fila.ask-timeout = 30s
                fila.read-models.enabled = off
                fila.queues = [ %s ]
                """.formatted(dir.toString().replace("\\", "/"), queues)));
    }

    /** Polls {@code condition} until it holds (90 s at most: recovery of many entities takes a while). */
    private static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            sleep(50);
        }
    }

    /** A reply within 60 s: a queue answers its line after the commands stashed before it (a backlog). */
    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
