package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.START;
import static dev.fila.engine.actors.LiveFixtures.await;
import static dev.fila.engine.actors.LiveFixtures.eventually;
import static dev.fila.engine.actors.LiveFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finished requests leave memory: a request that left (R13) is passivated a while after its last event,
 * and a restart does not keep it (requests are not remembered; one woken at the start to send again what
 * it sent before the stop passivates again); it still answers on demand. A waiting request (R14 expiry
 * timer live) stays, and its queue brings it back after a restart.
 */
class PassivationTest {

    @TempDir
    Path dir;

    private Config config() {
        return ConfigFactory.parseString("fila.passivate-finished-after = 300ms")
                .withFallback(LiveFixtures.config(dir))
                .resolve();
    }

    private static Set<String> requestsInMemory(FilaEngine engine) {
        var state = await(AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                ClusterSharding.get(engine.system()).shardState(),
                replyTo -> new GetShardRegionState(RequestEntity.ENTITY_TYPE_KEY, replyTo),
                Duration.ofSeconds(5),
                engine.system().scheduler()));
        Set<String> ids = new HashSet<>();
        state.getShards().forEach(shard -> ids.addAll(shard.getEntityIds()));
        return ids;
    }

    @Test
    void R13_R14_aRequestThatLeftIsPassivatedNotKeptAfterARestartAndStillAnswers() {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(), clock)) {
            await(engine.request(1, open(1, START)));
            await(engine.request(2, open(2, START)));
            assertThat(await(engine.request(1, new RequestCommand.Leave())).accepted())
                    .isTrue();
            eventually("request 1 passivated", () -> !requestsInMemory(engine).contains("1"));
            assertThat(requestsInMemory(engine)).contains("2");
            // On demand it comes back with its state, and goes again a while later.
            assertThat(await(engine.requestState(1)).status()).isEqualTo(RequestStatus.LEFT);
            assertThat(requestsInMemory(engine)).contains("1");
            eventually("request 1 passivated again", () -> !requestsInMemory(engine)
                    .contains("1"));
        }
        try (FilaEngine engine = FilaEngine.start(config(), clock)) {
            // Its queue brings the waiting request back (its expiry timer, R14). The one that left wrote just
            // before the stop, so it is woken to send again what it sent (its Remove), and goes again.
            eventually("request 2 restarted", () -> requestsInMemory(engine).contains("2"));
            eventually("request 1 not kept in memory", () -> !requestsInMemory(engine)
                    .contains("1"));
            assertThat(await(engine.line(LiveFixtures.QUEUE)).places())
                    .extracting(LineView.Place::requestId)
                    .containsExactly(2L);
        }
    }
}
