package dev.fila.engine.actors.journal;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The entities that wrote to the journal shortly before it was last written: the persistence ids with a
 * given prefix and an event within {@code window} of the journal's newest event (by its write time, so
 * however long the node was down). At a start, these are the entities whose sends may have been lost in
 * the stop (a send follows its entity's write within milliseconds, or a queue's batch behind it).
 *
 * <p>Cost: the newest row by the ordering index, then a range of the ordering index scanned backwards at
 * most {@code maxRows} rows; works on Fila's H2 journal and on pekko-persistence-jdbc's PostgreSQL one
 * (same table and column names).
 */
public final class RecentStreams {

    private RecentStreams() {}

    /**
     * The distinct persistence ids starting with {@code prefix} that wrote within {@code windowMillis} of
     * the newest event in the journal of {@code journalBlock} (an engine journal block), looking at most
     * {@code maxRows} rows back; empty for an empty journal.
     */
    public static List<String> persistenceIds(Config journalBlock, String prefix, long windowMillis, long maxRows) {
        Config db = JournalSchema.journalDatabase(journalBlock);
        String url = db.getString("url");
        String user = db.hasPath("user") ? db.getString("user") : "";
        String password = db.hasPath("password") ? db.getString("password") : "";
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            long newestOrdering;
            long newestWrite;
            try (PreparedStatement newest = connection.prepareStatement(
                            "SELECT \"ordering\", \"write_timestamp\" FROM \"event_journal\""
                                    + " ORDER BY \"ordering\" DESC LIMIT 1");
                    ResultSet row = newest.executeQuery()) {
                if (!row.next()) {
                    return List.of();
                }
                newestOrdering = row.getLong(1);
                newestWrite = row.getLong(2);
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement recent = connection.prepareStatement(
                    "SELECT DISTINCT \"persistence_id\" FROM \"event_journal\" WHERE \"ordering\" > ?"
                            + " AND \"write_timestamp\" >= ? AND \"persistence_id\" LIKE ?")) {
                recent.setLong(1, newestOrdering - maxRows);
                recent.setLong(2, newestWrite - windowMillis);
                recent.setString(3, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rows = recent.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return List.copyOf(ids);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the journal's recent writers at " + url + ": " + e.getMessage(), e);
        }
    }
}
