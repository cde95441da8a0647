package dev.fila.engine.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Shared set-up of the live-engine tests: a queue open all week, requests and agents in good standing. */
public final class LiveFixtures {

    /** A Monday, 10:00 UTC. */
    public static final Instant START = Instant.parse("2025-03-03T10:00:00Z");

    public static final String QUEUE = "support";

    private LiveFixtures() {}

    /** The engine's configuration on an H2 file under {@code dir}: one queue open 24/7, timers checked every 20 ms. */
    public static Config config(Path dir) {
        return ConfigFactory.load(
                ConfigFactory.parseString("""
                fila.data-dir = "%s"
                fila.timers.max-delay = 20ms
                fila.ask-timeout = 10s
                fila.queues = [ { id = %s, zone = UTC, hours { mon-sun = "00:00-24:00" } } ]
                """.formatted(dir.toString().replace("\\", "/"), QUEUE)));
    }

    /** The customer id that {@link #open} gives request {@code requestId}. */
    public static String customer(long requestId) {
        return "customer-" + requestId;
    }

    public static RequestCommand.Open open(long requestId, Instant now) {
        return new RequestCommand.Open(
                requestId,
                "P-" + requestId,
                customer(requestId),
                QUEUE,
                Channel.CHAT,
                0,
                new RequestDetails(
                        "technical",
                        "ERP",
                        "billing",
                        "invoices",
                        "the invoice screen freezes",
                        false,
                        now.plus(Duration.ofHours(8)).toEpochMilli()),
                CustomerStanding.inGoodStanding(),
                true);
    }

    public static AgentCommand.Register agent(String agentId, int maxChats) {
        return new AgentCommand.Register(agentId, "Agent " + agentId, Map.of(QUEUE, 1), maxChats, Set.of(Role.AGENT));
    }

    /** Ana (one chat, R2) registers and logs in (R4); request 1 opens and is invited by her (R10). */
    public static void anaInvitesRequestOne(FilaEngine engine) {
        await(engine.agent("ana", agent("ana", 1)));
        await(engine.agent("ana", new AgentCommand.LogIn()));
        await(engine.request(1, open(1, START)));
        eventually(
                "request 1 invited",
                () -> await(engine.requestState(1)).status() == dev.fila.engine.domain.request.RequestStatus.INVITED);
    }

    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    /** Polls {@code condition} until it holds (10 s at most). */
    static void eventually(String what, Supplier<Boolean> condition) {
        eventually(what, condition, Duration.ofSeconds(10));
    }

    /** Polls {@code condition} until it holds, for {@code patience} at most. */
    public static void eventually(String what, Supplier<Boolean> condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (condition.get()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
