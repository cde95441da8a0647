package dev.fila.engine.actors.projections;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;

/**
 * Keeps a folded domain state (a request's, an agent's) in a read-model row, serialized as the journal
 * serializes snapshots (Jackson CBOR with a versioned manifest), so a projection evolves it with the
 * domain's own {@code evolve} and no rule is written twice. Columns: {@code state_serializer}, {@code
 * state_manifest}, {@code state}.
 */
final class StateCodec {

    private final Serialization serialization;

    StateCodec(ActorSystem<?> system) {
        this.serialization = SerializationExtension.get(system.classicSystem());
    }

    /** Binds {@code state} to three parameters from {@code firstIndex} on. */
    void bind(PreparedStatement statement, int firstIndex, Object state) throws SQLException {
        Serializer serializer = serialization.findSerializerFor(state);
        statement.setInt(firstIndex, serializer.identifier());
        statement.setString(firstIndex + 1, Serializers.manifestFor(serializer, state));
        statement.setBytes(firstIndex + 2, serializer.toBinary(state));
    }

    /** Reads the state written by {@link #bind} from the current row. */
    <T> T read(ResultSet row, Class<T> type) throws SQLException {
        Object state = serialization
                .deserialize(row.getBytes("state"), row.getInt("state_serializer"), row.getString("state_manifest"))
                .get();
        return type.cast(state);
    }
}
