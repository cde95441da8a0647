package dev.fila.engine.actors;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueSnapshot;
import dev.fila.engine.domain.queue.QueueState;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A queue's snapshot travels as Jackson CBOR (bound in {@code reference.conf}, like the events), and a
 * 100,000-place line fits the snapshot store's payload column (H2 BLOB, PostgreSQL bytea: up to 1 GiB).
 */
class QueueSnapshotSerializationTest {

    /** pekko-serialization-jackson's identifier of jackson-cbor. */
    private static final int JACKSON_CBOR = 33;

    private static final int PLACES = 100_000;

    /** A budget, far under the columns' limits: a line is a few primitive columns, not objects. */
    private static final int MAX_BYTES_PER_PLACE = 64;

    private static final ActorTestKit TEST_KIT = ActorTestKit.create(
            ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));

    @AfterAll
    static void shutDown() {
        TEST_KIT.shutdownTestKit();
    }

    @Test
    void R8_aHundredThousandPlaceSnapshotRoundTripsThroughJacksonCborWithinItsSizeBudget() {
        QueueSettings settings = QueueSettings.defaults("support", ZoneOffset.UTC)
                .withCalendar(BusinessCalendar.alwaysOpen(ZoneOffset.UTC));
        QueueDecider decider = new QueueDecider(settings);
        QueueState state = decider.initialState();
        SplittableRandom random = new SplittableRandom(5);
        long t = 1_800_000_000_000L;
        for (long id = 1; id <= PLACES; id++) {
            t += random.nextInt(2_000);
            decider.evolve(state, new QueueEvent.Enqueued(id, random.nextInt(4) == 0, random.nextInt(3), t, t));
        }
        decider.evolve(state, new QueueEvent.AgentViewChanged("ana", 2, 3, true, true, t));
        decider.evolve(state, new QueueEvent.Offered(17, "ana", false, t + 1));
        QueueSnapshot snapshot = state.toSnapshot();

        Serialization serialization = SerializationExtension.get(TEST_KIT.system());
        Serializer serializer = serialization.findSerializerFor(snapshot);
        assertThat(serializer.identifier()).isEqualTo(JACKSON_CBOR);
        long writeStart = System.nanoTime();
        byte[] bytes = serialization.serialize(snapshot).get();
        long writeNanos = System.nanoTime() - writeStart;
        long readStart = System.nanoTime();
        Object read = serialization
                .deserialize(bytes, JACKSON_CBOR, Serializers.manifestFor(serializer, snapshot))
                .get();
        long readNanos = System.nanoTime() - readStart;
        System.out.printf(
                "queue snapshot of %,d places: %,d bytes CBOR (%.1f per place), written in %.1f ms, read in %.1f ms%n",
                PLACES, bytes.length, (double) bytes.length / PLACES, writeNanos / 1e6, readNanos / 1e6);

        assertThat(read).isEqualTo(snapshot);
        assertThat(QueueState.fromSnapshot(settings, (QueueSnapshot) read).toSnapshot())
                .isEqualTo(snapshot);
        assertThat(bytes.length).isLessThan(PLACES * MAX_BYTES_PER_PLACE);
    }
}
