package dev.fila.engine.actors.projections;

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

/** Set-up of the read-model tests: an H2 file in a temp dir, one queue open all week. */
final class ProjectionFixtures {

    /** A Monday, 10:00 UTC. */
    static final Instant START = Instant.parse("2025-03-03T10:00:00Z");

    static final String QUEUE = "support";

    private ProjectionFixtures() {}

    static Config config(Path dir) {
        return ConfigFactory.load(
                ConfigFactory.parseString("""
                fila.data-dir = "%s"
                fila.timers.max-delay = 20ms
                fila.ask-timeout = 10s
                fila.queues = [ { id = %s, zone = UTC, hours { mon-sun = "00:00-24:00" } } ]
                """.formatted(dir.toString().replace("\\", "/"), QUEUE)));
    }

    static String jdbcUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toString().replace("\\", "/") + "/fila;WRITE_DELAY=0";
    }

    static String customer(long requestId) {
        return "customer-" + requestId;
    }

    static RequestCommand.Open open(long requestId, Instant now) {
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

    static AgentCommand.Register agent(String agentId, int maxChats) {
        return new AgentCommand.Register(agentId, "Agent " + agentId, Map.of(QUEUE, 1), maxChats, Set.of(Role.AGENT));
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    /** Polls {@code condition} until it holds (20 s at most: projections trail the journal). */
    static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
