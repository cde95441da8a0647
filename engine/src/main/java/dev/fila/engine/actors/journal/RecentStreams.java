package dev.fila.engine.actors.journal;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The entities that wrote to the journal shortly before it was last written: the persistence ids with a
 * given prefix and an event within {@code window} of the journal's newest event (by its write time, so
 * however long the node was down). At a start, these are the entities whose sends may have been lost in
 * the stop (a send follows its entity's write within milliseconds, or a queue's batch behind it).
 *
 * <p>Cost: the newest row by the ordering index, then the ordering index read backwards in ranges of
 * {@code chunk} rows until a range reaches back past the window (or {@code maxRows} rows were read): the
 * work follows the rows written in the window, not the size of the journal. Works on Fila's H2 journal
 * and on pekko-persistence-jdbc's PostgreSQL one (same table and column names).
 */
public final class RecentStreams {

    private RecentStreams() {}

    /** Rows read per range when walking the ordering index back. */
    static final long CHUNK = 50_000;

    /**
     * The distinct persistence ids starting with {@code prefix} that wrote within {@code windowMillis} of
     * the newest event in the journal of {@code journalBlock} (an engine journal block), reading at most
     * about {@code maxRows} rows back; empty for an empty journal. In the order first met, newest first.
     */
    public static List<String> persistenceIds(Config journalBlock, String prefix, long windowMillis, long maxRows) {
        Config db = JournalSchema.journalDatabase(journalBlock);
        try (Connection connection = JournalSchema.connect(db)) {
            return persistenceIds(connection, prefix, windowMillis, maxRows, CHUNK);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the journal's recent writers at " + db.getString("url") + ": " + e.getMessage(), e);
        }
    }

    static List<String> persistenceIds(
            Connection connection, String prefix, long windowMillis, long maxRows, long chunk) throws SQLException {
        long newestOrdering;
        long newestWrite;
        try (PreparedStatement newest =
                        connection.prepareStatement("SELECT \"ordering\", \"write_timestamp\" FROM \"event_journal\""
                                + " ORDER BY \"ordering\" DESC LIMIT 1");
                ResultSet row = newest.executeQuery()) {
            if (!row.next()) {
                return List.of();
            }
            newestOrdering = row.getLong(1);
            newestWrite = row.getLong(2);
        }
        long since = newestWrite - windowMillis;
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        try (PreparedStatement range =
                connection.prepareStatement("SELECT \"persistence_id\", \"write_timestamp\" FROM \"event_journal\""
                        + " WHERE \"ordering\" > ? AND \"ordering\" <= ? ORDER BY \"ordering\" DESC")) {
            long upper = newestOrdering;
            long read = 0;
            boolean pastWindow = false;
            while (!pastWindow && upper > 0 && read < maxRows) {
                long lower = Math.max(0, upper - chunk);
                range.setLong(1, lower);
                range.setLong(2, upper);
                try (ResultSet rows = range.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getLong(2) < since) {
                            pastWindow = true;
                        } else if (rows.getString(1).startsWith(prefix)) {
                            ids.add(rows.getString(1));
                        }
                    }
                }
                read += upper - lower;
                upper = lower;
            }
        }
        return List.copyOf(ids);
    }
}
