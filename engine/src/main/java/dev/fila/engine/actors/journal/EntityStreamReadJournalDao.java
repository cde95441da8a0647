package dev.fila.engine.actors.journal;

import dev.fila.engine.actors.AgentEntity;
import dev.fila.engine.actors.QueueEntity;
import dev.fila.engine.actors.RequestEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.PekkoSerialization;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables;
import org.apache.pekko.persistence.jdbc.query.dao.DefaultReadJournalDao;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import scala.Option;
import scala.Tuple2;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.util.Try;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The read journal's data access, with one query changed: "events by tag", which is how Pekko
 * Projection reads an event stream, is answered for Fila's three streams — {@code request}, {@code
 * agent}, {@code queue} — by persistence-id prefix ({@code Request|}, {@code Agent|}, {@code Queue|})
 * over a range of the journal's ordering, not through {@code event_tag} rows. Other tags go to the
 * plugin's own query.
 *
 * <p>Why. (1) Writing: an event with a tag costs pekko-persistence-jdbc a single-row insert that
 * returns its generated ordering, then a tag row; a batch of untagged events is one multi-row insert.
 * Under thousands of commands a second those per-row inserts were the largest part of the journal's
 * work, so Fila's entities write no tags. (2) Reading: the plugin asks for a tag's events as a join of a
 * derived table over {@code event_journal} with {@code event_tag}, which H2 plans as a scan of every tag
 * row, so each projection poll grew with the journal (37% of a loaded node's CPU after 30,000 events).
 * Here the window {@code ordering > offset AND ordering <= max} is read in index order, the prefix
 * checked on each row, and the read stops at the limit, on H2 and PostgreSQL alike. Same envelopes, same
 * order, same deserialization ({@link PekkoSerialization#fromRow}); older journals whose events do carry
 * tag rows read the same. Selected by {@code jdbc-read-journal.dao} in each journal block.
 */
public final class EntityStreamReadJournalDao extends DefaultReadJournalDao {

    /** Fila's streams and the persistence-id prefix of their entities. */
    private static final Map<String, String> STREAMS = Map.of(
            RequestEntity.TAG, RequestEntity.ENTITY_TYPE_KEY.name() + "|",
            AgentEntity.TAG, AgentEntity.ENTITY_TYPE_KEY.name() + "|",
            QueueEntity.TAG, QueueEntity.ENTITY_TYPE_KEY.name() + "|");

    private static final String EVENTS_OF_STREAM = "SELECT j.\"ordering\", j.\"deleted\", j.\"persistence_id\","
            + " j.\"sequence_number\", j.\"writer\", j.\"write_timestamp\", j.\"adapter_manifest\","
            + " j.\"event_payload\", j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"meta_payload\","
            + " j.\"meta_ser_id\", j.\"meta_ser_manifest\" FROM \"event_journal\" j"
            + " WHERE j.\"ordering\" > ? AND j.\"ordering\" <= ? AND j.\"deleted\" = FALSE"
            + " AND j.\"persistence_id\" LIKE ? ORDER BY j.\"ordering\" LIMIT ?";

    /**
     * Where the blocking reads run: threads of their own, not Slick's (a read waiting there for a pooled
     * connection held by Slick's own queued work stalled the journal), nor the actors'. Idle threads
     * end after a minute.
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fila-entity-stream-reader");
        thread.setDaemon(true);
        return thread;
    });

    private final Serialization serialization;

    public EntityStreamReadJournalDao(
            JdbcBackend.JdbcDatabaseDef db,
            JdbcProfile profile,
            ReadJournalConfig readJournalConfig,
            Serialization serialization,
            ExecutionContext ec,
            Materializer mat) {
        super(db, profile, readJournalConfig, serialization, ec, mat);
        this.serialization = serialization;
    }

    @Override
    public org.apache.pekko.stream.scaladsl.Source<Try<Tuple3<PersistentRepr, Set<String>, Object>>, NotUsed>
            eventsByTag(String tag, long offset, long maxOffset, long max) {
        String prefix = STREAMS.get(tag);
        if (prefix == null) {
            return super.eventsByTag(tag, offset, maxOffset, max);
        }
        CompletableFuture<List<Try<Tuple3<PersistentRepr, Set<String>, Object>>>> rows =
                CompletableFuture.supplyAsync(() -> query(tag, prefix, offset, maxOffset, max), READERS);
        return Source.completionStage(rows).mapConcat(events -> events).asScala();
    }

    private List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> query(
            String tag, String prefix, long offset, long maxOffset, long max) {
        List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> events = new ArrayList<>();
        Set<String> noTags = scala.collection.immutable.Set$.MODULE$.empty();
        try (Connection connection = db().source().createConnection();
                PreparedStatement select = connection.prepareStatement(EVENTS_OF_STREAM)) {
            select.setLong(1, offset);
            select.setLong(2, maxOffset);
            select.setString(3, prefix + "%");
            select.setLong(4, correctMaxForH2Driver(max));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Try<Tuple2<PersistentRepr, Object>> event =
                            PekkoSerialization.fromRow(serialization, journalRow(row));
                    events.add(event.map(e -> new Tuple3<>(e._1(), noTags, e._2())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the events of stream " + tag + ": " + e.getMessage(), e);
        }
        return events;
    }

    private static JournalTables.JournalPekkoSerializationRow journalRow(ResultSet row) throws SQLException {
        byte[] metaPayload = row.getBytes(11);
        int metaSerId = row.getInt(12);
        Option<Object> metaSerIdOption = row.wasNull() ? Option.empty() : Option.apply(metaSerId);
        return new JournalTables.JournalPekkoSerializationRow(
                row.getLong(1),
                row.getBoolean(2),
                row.getString(3),
                row.getLong(4),
                row.getString(5),
                row.getLong(6),
                row.getString(7),
                row.getBytes(8),
                row.getInt(9),
                row.getString(10),
                Option.apply(metaPayload),
                metaSerIdOption,
                Option.apply(row.getString(13)));
    }
}
