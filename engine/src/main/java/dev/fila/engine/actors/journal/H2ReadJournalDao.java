package dev.fila.engine.actors.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
 * The read journal's data access on H2, with one query changed: events by tag.
 *
 * <p>pekko-persistence-jdbc asks for a tag's events as a join of a derived table over {@code
 * event_journal} with {@code event_tag}; H2's planner scans {@code event_tag} whole for it (the range
 * on the journal's ordering is not carried over to the tag table, with or without an index on the
 * tag), so every poll of every projection cost O(all events ever written) and grew with the journal —
 * 37% of a loaded node's CPU after 30,000 events. Asked as a range of the journal's ordering with the
 * tag checked by primary key, H2 reads only the rows of the window, in index order, and stops at the
 * limit. Same rows, same order, same deserialization ({@link PekkoSerialization#fromRow}); selected
 * by {@code jdbc-read-journal.dao} in the H2 journal block (PostgreSQL plans the original query well).
 */
public final class H2ReadJournalDao extends DefaultReadJournalDao {

    private static final String EVENTS_BY_TAG = "SELECT j.\"ordering\", j.\"deleted\", j.\"persistence_id\","
            + " j.\"sequence_number\", j.\"writer\", j.\"write_timestamp\", j.\"adapter_manifest\","
            + " j.\"event_payload\", j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"meta_payload\","
            + " j.\"meta_ser_id\", j.\"meta_ser_manifest\" FROM \"event_journal\" j"
            + " WHERE j.\"ordering\" > ? AND j.\"ordering\" <= ? AND j.\"deleted\" = FALSE"
            + " AND EXISTS (SELECT 1 FROM \"event_tag\" t WHERE t.\"event_id\" = j.\"ordering\" AND t.\"tag\" = ?)"
            + " ORDER BY j.\"ordering\" LIMIT ?";

    /**
     * Where the blocking reads run: threads of their own, not Slick's (a read waiting there for a pooled
     * connection held by Slick's own queued work stalled the journal), nor the actors'. Idle threads
     * end after a minute.
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fila-h2-events-by-tag");
        thread.setDaemon(true);
        return thread;
    });

    private final Serialization serialization;

    public H2ReadJournalDao(
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
        CompletableFuture<List<Try<Tuple3<PersistentRepr, Set<String>, Object>>>> rows =
                CompletableFuture.supplyAsync(() -> query(tag, offset, maxOffset, max), READERS);
        return Source.completionStage(rows).mapConcat(events -> events).asScala();
    }

    private List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> query(
            String tag, long offset, long maxOffset, long max) {
        List<Try<Tuple3<PersistentRepr, Set<String>, Object>>> events = new ArrayList<>();
        Set<String> noTags = scala.collection.immutable.Set$.MODULE$.empty();
        try (Connection connection = db().source().createConnection();
                PreparedStatement select = connection.prepareStatement(EVENTS_BY_TAG)) {
            select.setLong(1, offset);
            select.setLong(2, maxOffset);
            select.setString(3, tag);
            select.setLong(4, correctMaxForH2Driver(max));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Try<Tuple2<PersistentRepr, Object>> event =
                            PekkoSerialization.fromRow(serialization, journalRow(row));
                    events.add(event.map(e -> new Tuple3<>(e._1(), noTags, e._2())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the events tagged " + tag + ": " + e.getMessage(), e);
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
