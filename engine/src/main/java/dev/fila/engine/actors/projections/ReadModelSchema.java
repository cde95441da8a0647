package dev.fila.engine.actors.projections;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The read models' tables. Plain SQL that H2 and PostgreSQL both accept; every statement is
 * idempotent, so each start runs them all. {@link #TABLES} lists them for a rebuild (drop, restart).
 */
public final class ReadModelSchema {

    /** Every read-model table, in an order that drops cleanly. */
    public static final List<String> TABLES = List.of(
            "fila_queue_line",
            "fila_queue_line_fold",
            "fila_agent_board",
            "fila_request_history",
            "fila_request_event",
            "fila_daily_figures",
            "fila_daily_arrival");

    private static final List<String> DDL = List.of(
            // The row-per-place board of the first version: superseded by fila_queue_line (see
            // QueueBoardHandler), rebuilt from the journal under a new projection id.
            "DROP TABLE IF EXISTS fila_queue_board",
            "DROP TABLE IF EXISTS fila_queue_board_fold",
            """
            CREATE TABLE IF NOT EXISTS fila_queue_line (
              queue_id VARCHAR(255) NOT NULL,
              chunk INT NOT NULL,
              places BYTEA NOT NULL,
              as_of_millis BIGINT NOT NULL,
              PRIMARY KEY (queue_id, chunk))""",
            """
            CREATE TABLE IF NOT EXISTS fila_queue_line_fold (
              queue_id VARCHAR(255) NOT NULL PRIMARY KEY,
              through_ordering BIGINT NOT NULL,
              as_of_millis BIGINT NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS fila_agent_board (
              agent_id VARCHAR(255) NOT NULL PRIMARY KEY,
              name VARCHAR(255) NOT NULL,
              presence VARCHAR(32) NOT NULL,
              colour VARCHAR(32) NOT NULL,
              held INT NOT NULL,
              since_millis BIGINT NOT NULL,
              state_serializer INT NOT NULL,
              state_manifest VARCHAR(255) NOT NULL,
              state BYTEA NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS fila_request_history (
              request_id BIGINT NOT NULL PRIMARY KEY,
              customer_id VARCHAR(255) NOT NULL,
              queue_id VARCHAR(255) NOT NULL,
              protocol VARCHAR(255) NOT NULL,
              channel VARCHAR(32) NOT NULL,
              status VARCHAR(32) NOT NULL,
              opened_at_millis BIGINT NOT NULL,
              updated_at_millis BIGINT NOT NULL,
              state_serializer INT NOT NULL,
              state_manifest VARCHAR(255) NOT NULL,
              state BYTEA NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS fila_request_history_customer ON fila_request_history (customer_id)",
            """
            CREATE TABLE IF NOT EXISTS fila_request_event (
              request_id BIGINT NOT NULL,
              seq_nr BIGINT NOT NULL,
              kind VARCHAR(64) NOT NULL,
              at_millis BIGINT NOT NULL,
              detail VARCHAR(1024) NOT NULL,
              PRIMARY KEY (request_id, seq_nr))""",
            """
            CREATE TABLE IF NOT EXISTS fila_daily_figures (
              queue_id VARCHAR(255) NOT NULL,
              arrival_day VARCHAR(10) NOT NULL,
              arrivals BIGINT NOT NULL,
              served BIGINT NOT NULL,
              served_within_target BIGINT NOT NULL,
              abandoned BIGINT NOT NULL,
              expired BIGINT NOT NULL,
              total_wait_millis BIGINT NOT NULL,
              PRIMARY KEY (queue_id, arrival_day))""",
            """
            CREATE TABLE IF NOT EXISTS fila_daily_arrival (
              request_id BIGINT NOT NULL PRIMARY KEY,
              queue_id VARCHAR(255) NOT NULL,
              arrival_day VARCHAR(10) NOT NULL)""");

    private ReadModelSchema() {}

    static void createIfMissing(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : DDL) {
                statement.execute(sql);
            }
        }
        connection.commit();
    }
}
