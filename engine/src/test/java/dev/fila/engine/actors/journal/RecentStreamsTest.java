package dev.fila.engine.actors.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The writers of the journal's last minutes, on Fila's own H2 journal schema. */
class RecentStreamsTest {

    private static Connection journal(String name) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Statement statement = connection.createStatement()) {
            for (String sql : JournalSchema.statements("fila/schema/h2-journal.sql")) {
                statement.execute(sql);
            }
        }
        return connection;
    }

    private static void write(Connection connection, String persistenceId, long sequence, long writeMillis)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\","
                        + " \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\","
                        + " \"event_ser_manifest\") VALUES (?, ?, 'w', ?, '', ?, 1, 'm')")) {
            insert.setString(1, persistenceId);
            insert.setLong(2, sequence);
            insert.setLong(3, writeMillis);
            insert.setBytes(4, new byte[] {1});
            insert.executeUpdate();
        }
    }

    @Test
    void theWritersWithinTheWindowOfTheLastWriteNewestFirstWithThePrefixOnly() throws SQLException {
        try (Connection connection = journal("recent")) {
            write(connection, "Request|1", 1, 1_000);
            write(connection, "Agent|ana", 1, 1_000);
            write(connection, "Request|2", 1, 50_000);
            write(connection, "Request|3", 1, 100_000);
            write(connection, "Queue|q", 1, 100_000);
            write(connection, "Request|2", 2, 110_000);
            // The window reaches back 60 s from the last write (110 s): request 1 wrote before it.
            assertThat(RecentStreams.persistenceIds(connection, "Request|", 60_000, 1_000, 2))
                    .containsExactly("Request|2", "Request|3");
            assertThat(RecentStreams.persistenceIds(connection, "Request|", 200_000, 1_000, 4))
                    .containsExactly("Request|2", "Request|3", "Request|1");
            // At most about maxRows rows are read, whatever the window.
            assertThat(RecentStreams.persistenceIds(connection, "Request|", 200_000, 2, 2))
                    .containsExactly("Request|2");
        }
    }

    @Test
    void anEmptyJournalHasNoRecentWriters() throws SQLException {
        try (Connection connection = journal("empty")) {
            assertThat(RecentStreams.persistenceIds(connection, "Request|", 60_000, 1_000, 10))
                    .isEmpty();
        }
    }
}
