package dev.fila.engine.actors.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.Test;

/**
 * The production block {@code fila-postgres.conf} works on a real PostgreSQL: events and snapshots
 * persisted through pekko-persistence-jdbc and serialized with Jackson CBOR survive a restart of
 * the actor system, and recovery continues the sequence.
 */
class PostgresJournalSmokeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void eventsAndSnapshotsPersistedOnPostgresAreRecoveredAfterARestart() throws Exception {
        TestPostgres postgres = TestPostgres.require();
        Config config = postgres.journalConfig();
        assertThat(config.getString("pekko.persistence.journal.plugin")).isEqualTo("jdbc-journal");
        assertThat(JournalSchema.journalDatabase(config).getString("url")).isEqualTo(postgres.url());
        JournalSchema.applyFromConfig(config);
        String id = "smoke-" + UUID.randomUUID();

        ActorSystem<Void> first = ActorSystem.create(Behaviors.empty(), "smoke", config);
        int cborSerializerId;
        try {
            Serializer serializer = SerializationExtension.get(first).findSerializerFor(new Tally.Recorded(1));
            assertThat(serializer).isInstanceOf(JacksonCborSerializer.class);
            cborSerializerId = serializer.identifier();
            ActorRef<Tally.Command> tally = first.systemActorOf(Tally.create(id, 10), "tally", Props.empty());
            List<CompletionStage<Tally.Recorded>> acks = new ArrayList<>();
            for (long v = 1; v <= 25; v++) {
                long value = v;
                acks.add(AskPattern.ask(tally, reply -> new Tally.Record(value, reply), TIMEOUT, first.scheduler()));
            }
            for (CompletionStage<Tally.Recorded> ack : acks) {
                ack.toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } finally {
            terminate(first);
        }

        try (Connection c = postgres.connect()) {
            assertThat(count(c, "event_journal", id)).isEqualTo(25);
            assertThat(count(c, "event_journal", id, "event_ser_id = " + cborSerializerId))
                    .as("every event stored as Jackson CBOR")
                    .isEqualTo(25);
            assertThat(count(c, "snapshot", id))
                    .as("snapshots every 10 events, 2 kept")
                    .isEqualTo(2);
        }

        ActorSystem<Void> second = ActorSystem.create(Behaviors.empty(), "smoke", config);
        try {
            ActorRef<Tally.Command> tally = second.systemActorOf(Tally.create(id, 10), "tally", Props.empty());
            Tally.State recovered = AskPattern.<Tally.Command, Tally.State>ask(
                            tally, Tally.Read::new, TIMEOUT, second.scheduler())
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertThat(recovered.values())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 25).boxed().toList());

            AskPattern.<Tally.Command, Tally.Recorded>ask(
                            tally, reply -> new Tally.Record(26, reply), TIMEOUT, second.scheduler())
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } finally {
            terminate(second);
        }
        try (Connection c = postgres.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT max(sequence_number) FROM event_journal WHERE persistence_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("the sequence continues after recovery")
                        .isEqualTo(26);
            }
        }
    }

    private static long count(Connection c, String table, String persistenceId) throws Exception {
        return count(c, table, persistenceId, "true");
    }

    private static long count(Connection c, String table, String persistenceId, String condition) throws Exception {
        try (PreparedStatement s =
                c.prepareStatement("SELECT count(*) FROM " + table + " WHERE persistence_id = ? AND " + condition)) {
            s.setString(1, persistenceId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void terminate(ActorSystem<?> system) throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
