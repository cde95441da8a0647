package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.START;
import static dev.fila.engine.actors.LiveFixtures.await;
import static dev.fila.engine.actors.LiveFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import dev.fila.engine.actors.journal.JournalSchema;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a journal written by an earlier version: an H2 journal holding a {@code RequestEvent.Opened}
 * in its version-1 shape (the committed CBOR of {@code journal-v1/request-opened-v1.json}, stored with
 * a manifest that carries no version, as version 1 wrote it) recovers through {@link
 * RequestOpenedMigration}.
 */
class JournalVersionTest {

    /** pekko-serialization-jackson's identifier of jackson-cbor. */
    private static final int JACKSON_CBOR = 33;

    @TempDir
    Path dir;

    @Test
    void aVersionOneOpenedEventIsReadThroughItsMigration() throws Exception {
        Config config = config(dir);
        JournalSchema.applyFromBlock(config.getConfig("fila.journals.h2"));
        byte[] v1;
        try (InputStream in = getClass().getResourceAsStream("/journal-v1/request-opened-v1.cbor")) {
            v1 = in.readAllBytes();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir + "/fila", "sa", "");
                PreparedStatement insert = connection.prepareStatement("insert into \"event_journal\" "
                        + "(\"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", "
                        + "\"adapter_manifest\", \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") "
                        + "values (?, 1, 'fila-v1', ?, '', ?, ?, ?)")) {
            insert.setString(1, "Request|7");
            insert.setLong(2, START.toEpochMilli());
            insert.setBytes(3, v1);
            insert.setInt(4, JACKSON_CBOR);
            insert.setString(5, RequestEvent.Opened.class.getName());
            insert.executeUpdate();
        }

        try (FilaEngine engine = FilaEngine.start(config, new ManualClock(START))) {
            RequestState state = await(engine.requestState(7));
            assertThat(state.status()).isEqualTo(RequestStatus.WAITING);
            assertThat(state.protocol()).isEqualTo("P-7");
            // Renamed in version 2 (expiresAt -> expiresAtMillis), and defaulted (customerOnline).
            assertThat(state.expiresAtMillis()).isEqualTo(1741024800000L);
            assertThat(state.customerOnline()).isTrue();
            assertThat(state.details().description()).isEqualTo("the invoice screen freezes");

            // What this version writes carries its schema version in the manifest.
            Serialization serialization = SerializationExtension.get(engine.system());
            RequestEvent.Opened current = new RequestEvent.Opened(
                    8, "P-8", "c", "support", state.channel(), 0, state.details(), true, 1L, 0L);
            Serializer serializer = serialization.findSerializerFor(current);
            assertThat(serializer.identifier()).isEqualTo(JACKSON_CBOR);
            assertThat(Serializers.manifestFor(serializer, current)).endsWith("Opened#2");
            byte[] bytes = serialization.serialize(current).get();
            assertThat(serialization
                            .deserialize(bytes, JACKSON_CBOR, Serializers.manifestFor(serializer, current))
                            .get())
                    .isEqualTo(current);
        }
    }
}
