package dev.fila.engine.actors.projections;

import com.typesafe.config.Config;
import dev.fila.engine.actors.LiveFixtures;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.request.RequestCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Set-up of the read-model tests: the live-engine tests' fixtures ({@link LiveFixtures}: an H2 file in
 * a temp dir, one queue open all week), plus the read models' own needs.
 */
final class ProjectionFixtures {

    static final Instant START = LiveFixtures.START;

    static final String QUEUE = LiveFixtures.QUEUE;

    private ProjectionFixtures() {}

    static Config config(Path dir) {
        return LiveFixtures.config(dir);
    }

    static String jdbcUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toString().replace("\\", "/") + "/fila;WRITE_DELAY=0";
    }

    static String customer(long requestId) {
        return LiveFixtures.customer(requestId);
    }

    static RequestCommand.Open open(long requestId, Instant now) {
        return LiveFixtures.open(requestId, now);
    }

    static AgentCommand.Register agent(String agentId, int maxChats) {
        return LiveFixtures.agent(agentId, maxChats);
    }

    static <T> T await(CompletionStage<T> stage) {
        return LiveFixtures.await(stage);
    }

    /** Polls {@code condition} until it holds (20 s at most: projections trail the journal). */
    static void eventually(String what, Supplier<Boolean> condition) {
        LiveFixtures.eventually(what, condition, Duration.ofSeconds(20));
    }
}
