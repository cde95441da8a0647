package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Held;
import dev.fila.engine.domain.agent.Presence;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many agents going free at once and many customers entering at once, through the facade, on a real
 * H2 journal: three queues, agents with several skills and 1–4 chats, chats and voice calls. After
 * every burst the engine is left to settle and its entities' states are checked: no agent holds more
 * than its capacity, a voice call is held alone (R2), no request is held by two agents nor invited
 * twice (R10, R11), every queued request stands exactly once in its queue's line, at positions 1..n,
 * and no free agent is left idle beside a customer it could serve. Randomized with a fixed seed.
 */
class ConcurrentRoutingStressTest {

    private static final long SEED = 20250303L;
    private static final List<String> QUEUES = List.of("support", "sales", "billing");
    private static final int AGENTS = 24;
    private static final int CUSTOMERS_PER_WAVE = 150;
    private static final int WAVES = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void R2_R10_R11_burstsOfArrivalsAndReleasesNeverOverbookAnAgentNorInviteACustomerTwice() {
        Random random = new Random(SEED);
        ManualClock clock = new ManualClock(START); // never advanced: no invitation runs out (R11)
        Map<Long, AtomicInteger> invitations = new ConcurrentHashMap<>();
        Map<Long, AtomicInteger> reservations = new ConcurrentHashMap<>();
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            engine.subscribe(change -> {
                if (change instanceof EngineChange.RequestChanged r && r.event() instanceof RequestEvent.Invited) {
                    invitations
                            .computeIfAbsent(r.requestId(), id -> new AtomicInteger())
                            .incrementAndGet();
                }
                if (change instanceof EngineChange.AgentChanged a && a.event() instanceof AgentEvent.SlotReserved s) {
                    reservations
                            .computeIfAbsent(s.requestId(), id -> new AtomicInteger())
                            .incrementAndGet();
                }
            });

            List<String> agentIds = new ArrayList<>();
            List<CompletableFuture<?>> registrations = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                String agentId = "agent-" + a;
                agentIds.add(agentId);
                registrations.add(
                        engine.agent(agentId, register(agentId, random)).toCompletableFuture());
            }
            allAccepted(registrations);

            long nextRequestId = 1;
            for (int wave = 0; wave < WAVES; wave++) {
                // Many customers enter at once, while (first wave) every agent logs in at the same time.
                List<CompletableFuture<?>> burst = new ArrayList<>();
                List<Runnable> sends = new ArrayList<>();
                for (int c = 0; c < CUSTOMERS_PER_WAVE; c++) {
                    long requestId = nextRequestId++;
                    RequestCommand.Open open = open(requestId, random);
                    sends.add(() -> burst.add(engine.request(requestId, open).toCompletableFuture()));
                }
                if (wave == 0) {
                    for (String agentId : agentIds) {
                        sends.add(() -> burst.add(
                                engine.agent(agentId, new AgentCommand.LogIn()).toCompletableFuture()));
                    }
                }
                Collections.shuffle(sends, random);
                sends.forEach(Runnable::run);
                allAccepted(burst);
                Snapshot settled = settle(engine, nextRequestId - 1, agentIds);
                checkInvariants(settled, invitations, reservations);

                // The invited accept, some waiting customers step away (R9) or leave (R13), all at once.
                List<CompletableFuture<?>> moves = new ArrayList<>();
                for (RequestState request : settled.requests().values()) {
                    if (request.status() == RequestStatus.INVITED) {
                        moves.add(engine.request(request.requestId(), new RequestCommand.Accept(VisitorInfo.unknown()))
                                .toCompletableFuture());
                    } else if (request.status() == RequestStatus.WAITING && random.nextInt(10) == 0) {
                        moves.add(engine.request(request.requestId(), new RequestCommand.Leave())
                                .toCompletableFuture());
                    } else if (request.status() == RequestStatus.WAITING && random.nextInt(10) == 0) {
                        moves.add(engine.request(
                                        request.requestId(), new RequestCommand.SetAvailability(random.nextBoolean()))
                                .toCompletableFuture());
                    }
                }
                allAccepted(moves);
                settled = settle(engine, nextRequestId - 1, agentIds);
                checkInvariants(settled, invitations, reservations);

                // Many agents go free at once: every interaction in service is closed together (R16),
                // and every stepped-away customer comes back (R9).
                List<CompletableFuture<?>> releases = new ArrayList<>();
                for (RequestState request : settled.requests().values()) {
                    if (request.status() == RequestStatus.IN_SERVICE) {
                        releases.add(engine.request(request.requestId(), new RequestCommand.Close())
                                .toCompletableFuture());
                    } else if (request.status() == RequestStatus.WAITING
                            && !request.queueing().available()) {
                        releases.add(engine.request(request.requestId(), new RequestCommand.SetAvailability(true))
                                .toCompletableFuture());
                    }
                }
                allAccepted(releases);
                settled = settle(engine, nextRequestId - 1, agentIds);
                checkInvariants(settled, invitations, reservations);
                assertThat(settled.requests().values())
                        .as("after wave %d some customers were served", wave)
                        .anyMatch(r -> r.status() == RequestStatus.CLOSED);
            }
        }
    }

    /** The invariants, read from the entities' own states after the engine settled. */
    private static void checkInvariants(
            Snapshot snapshot, Map<Long, AtomicInteger> invitations, Map<Long, AtomicInteger> reservations) {
        Map<Long, String> holder = new HashMap<>();
        for (AgentState agent : snapshot.agents().values()) {
            // R2: never more than maxChats; a voice (exclusive) interaction is held alone.
            assertThat(agent.held().size())
                    .as("%s holds at most maxChats", agent.agentId())
                    .isLessThanOrEqualTo(agent.maxChats());
            if (agent.holdsExclusive()) {
                assertThat(agent.held())
                        .as("%s holds its call alone (R2)", agent.agentId())
                        .hasSize(1);
            }
            for (Held held : agent.held()) {
                String previous = holder.put(held.requestId(), agent.agentId());
                assertThat(previous)
                        .as(
                                "request %d held by one agent only, not %s and %s",
                                held.requestId(), previous, agent.agentId())
                        .isNull();
                RequestState request = snapshot.requests().get(held.requestId());
                assertThat(request.status()).isIn(RequestStatus.INVITED, RequestStatus.IN_SERVICE);
                assertThat(held.exclusive()).isEqualTo(request.channel().isExclusive());
            }
        }
        for (RequestState request : snapshot.requests().values()) {
            if (request.status() == RequestStatus.INVITED) {
                assertThat(holder.get(request.requestId()))
                        .as("invited request %d is held by its inviting agent", request.requestId())
                        .isEqualTo(request.invitation().agentId());
            }
            if (request.status() == RequestStatus.IN_SERVICE) {
                assertThat(holder.get(request.requestId()))
                        .as("request %d in service is held by its agent", request.requestId())
                        .isEqualTo(request.interaction().agentId());
            }
        }
        // No invitation ran out (the clock stood still), so each request was invited and reserved at most once.
        invitations.forEach((requestId, count) ->
                assertThat(count.get()).as("request %d invited once", requestId).isEqualTo(1));
        reservations.forEach((requestId, count) -> assertThat(count.get())
                .as("request %d reserved once", requestId)
                .isEqualTo(1));

        for (String queueId : QUEUES) {
            LineView line = snapshot.lines().get(queueId);
            List<Long> inLine =
                    line.places().stream().map(LineView.Place::requestId).toList();
            assertThat(new HashSet<>(inLine))
                    .as("no request twice in %s", queueId)
                    .hasSize(inLine.size());
            for (int i = 0; i < line.places().size(); i++) {
                assertThat(line.places().get(i).position()).isEqualTo(i + 1);
            }
            Set<Long> queued = new HashSet<>();
            snapshot.requests().values().stream()
                    .filter(r -> r.queueId().equals(queueId) && r.status().isQueued())
                    .forEach(r -> queued.add(r.requestId()));
            assertThat(new HashSet<>(inLine))
                    .as("line of %s = its queued requests", queueId)
                    .isEqualTo(queued);

            // Liveness (R10): no online agent with a free chat slot for this queue beside an eligible chat.
            boolean eligibleChatWaits = snapshot.requests().values().stream()
                    .anyMatch(r -> r.queueId().equals(queueId)
                            && r.status() == RequestStatus.WAITING
                            && r.queueing().available()
                            && r.channel() == Channel.CHAT);
            if (eligibleChatWaits) {
                assertThat(snapshot.agents().values())
                        .as("an eligible chat waits in %s, so no agent of it has a free chat slot", queueId)
                        .noneMatch(agent -> agent.presence() == Presence.ONLINE
                                && agent.skills().containsKey(queueId)
                                && agent.canTake(false));
            }
        }
    }

    /** The entities' states once two reads 150 ms apart agree (bounded by the test's timeout). */
    private static Snapshot settle(FilaEngine engine, long lastRequestId, List<String> agentIds) {
        Snapshot previous = read(engine, lastRequestId, agentIds);
        while (true) {
            sleep(150);
            Snapshot current = read(engine, lastRequestId, agentIds);
            if (current.equals(previous)) {
                return current;
            }
            previous = current;
        }
    }

    private static Snapshot read(FilaEngine engine, long lastRequestId, List<String> agentIds) {
        Map<Long, CompletableFuture<RequestState>> requests = new LinkedHashMap<>();
        for (long id = 1; id <= lastRequestId; id++) {
            requests.put(id, engine.requestState(id).toCompletableFuture());
        }
        Map<String, CompletableFuture<AgentState>> agents = new LinkedHashMap<>();
        agentIds.forEach(id -> agents.put(id, engine.agentState(id).toCompletableFuture()));
        Map<String, CompletableFuture<LineView>> lines = new LinkedHashMap<>();
        QUEUES.forEach(id -> lines.put(id, engine.line(id).toCompletableFuture()));
        Map<Long, RequestState> requestStates = new LinkedHashMap<>();
        requests.forEach((id, f) -> requestStates.put(id, f.join()));
        Map<String, AgentState> agentStates = new LinkedHashMap<>();
        agents.forEach((id, f) -> agentStates.put(id, f.join()));
        Map<String, LineView> lineViews = new LinkedHashMap<>();
        // Positions and membership only: ETAs move with the clock's reading, not with the state.
        lines.forEach((id, f) -> lineViews.put(
                id,
                new LineView(
                        id,
                        0,
                        f.join().places().stream()
                                .map(p ->
                                        new LineView.Place(p.requestId(), p.position(), 0, p.available(), p.offered()))
                                .toList())));
        return new Snapshot(requestStates, agentStates, lineViews);
    }

    private record Snapshot(
            Map<Long, RequestState> requests, Map<String, AgentState> agents, Map<String, LineView> lines) {}

    private static void allAccepted(List<CompletableFuture<?>> replies) {
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .orTimeout(60, TimeUnit.SECONDS)
                .join();
        for (CompletableFuture<?> reply : replies) {
            Object answer = reply.join();
            boolean accepted =
                    switch (answer) {
                        case RequestReply r -> r.accepted();
                        case AgentReply a -> a.accepted();
                        default -> throw new AssertionError("unexpected reply " + answer);
                    };
            assertThat(accepted).as("accepted: %s", answer).isTrue();
        }
    }

    private static AgentCommand.Register register(String agentId, Random random) {
        List<String> queues = new ArrayList<>(QUEUES);
        Collections.shuffle(queues, random);
        Map<String, Integer> skills = new HashMap<>();
        for (String queueId : queues.subList(0, 1 + random.nextInt(QUEUES.size()))) {
            skills.put(queueId, 1 + random.nextInt(3));
        }
        return new AgentCommand.Register(
                agentId, "Agent " + agentId, skills, 1 + random.nextInt(4), Set.of(Role.AGENT));
    }

    private static RequestCommand.Open open(long requestId, Random random) {
        String queueId = QUEUES.get(random.nextInt(QUEUES.size()));
        Channel channel = random.nextInt(5) == 0 ? Channel.VOICE : Channel.CHAT;
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
                        channel == Channel.VOICE,
                        START.plus(Duration.ofHours(8)).toEpochMilli()),
                CustomerStanding.inGoodStanding(),
                true);
    }

    private static Config config(Path dir) {
        StringBuilder queues = new StringBuilder();
        for (String queueId : QUEUES) {
            queues.append("{ id = ").append(queueId).append(", zone = UTC, hours { mon-sun = \"00:00-24:00\" } }\n");
        }
        return ConfigFactory.load(
                ConfigFactory.parseString("""
                fila.data-dir = "%s"
                fila.timers.max-delay = 1s
                fila.ask-timeout = 30s
                fila.queues = [ %s ]
                """.formatted(dir.toString().replace("\\", "/"), queues)));
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
