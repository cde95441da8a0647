package dev.fila.engine.actors.journal;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates the tables of pekko-persistence-jdbc (journal, tags, snapshots, durable state) from the
 * DDL that ships inside its jar ({@code schema/<dialect>/<dialect>-create-schema.sql}), so that a
 * node starts on an empty database with no set-up step.
 *
 * <p>Applying is idempotent: the scripts' {@code CREATE TABLE IF NOT EXISTS} do nothing the second
 * time, and the statements without {@code IF NOT EXISTS} (H2's and PostgreSQL's journal index,
 * PostgreSQL's durable-state indexes) fail with "already exists", which is tolerated; any other
 * error is thrown. On PostgreSQL the statements run under a session advisory lock, so two nodes (or
 * two test runs) starting together on one database do not race in the catalogue.
 */
public final class JournalSchema {

    /** The databases Fila runs on, each with the create script of pekko-persistence-jdbc. */
    public enum Dialect {
        H2("schema/h2/h2-create-schema.sql"),
        POSTGRES("schema/postgres/postgres-create-schema.sql");

        private final String resource;

        Dialect(String resource) {
            this.resource = resource;
        }

        /** The create script's path inside the pekko-persistence-jdbc jar. */
        public String resource() {
            return resource;
        }

        /** The dialect of a JDBC URL ({@code jdbc:h2:…} or {@code jdbc:postgresql:…}). */
        public static Dialect ofJdbcUrl(String jdbcUrl) {
            String url = jdbcUrl.toLowerCase(Locale.ROOT);
            if (url.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRES;
            }
            throw new IllegalArgumentException("no journal schema for JDBC URL " + jdbcUrl
                    + " (Fila's journals run on jdbc:h2: and jdbc:postgresql:)");
        }
    }

    /** What one application did: statements run, and those skipped because the object existed. */
    public record Applied(Dialect dialect, int executed, int alreadyExisting) {}

    /**
     * SQL states meaning "this object already exists": PostgreSQL's duplicate_table (relations,
     * indexes included) and duplicate_object; H2's table and index exist.
     */
    private static final Set<String> ALREADY_EXISTS = Set.of("42P07", "42710", "42S01", "42S11");

    /** Arbitrary key of PostgreSQL's advisory lock that serialises schema creation. */
    private static final long POSTGRES_LOCK_KEY = 0x46494c415f4a4eL; // "FILA_JN"

    private static final long LOCK_WAIT_MILLIS = 60_000;

    private JournalSchema() {}

    /**
     * Applies the schema to the database that the journal of {@code config} writes to: the shared
     * database named by {@code jdbc-journal.use-shared-db}
     * ({@code pekko-persistence-jdbc.shared-databases.<name>.db}), else {@code jdbc-journal.slick.db};
     * its {@code url}, {@code user} and {@code password}.
     */
    public static Applied applyFromConfig(Config config) {
        Config db = journalDatabase(config);
        String url = db.getString("url");
        try (Connection connection = connect(db)) {
            return apply(connection, Dialect.ofJdbcUrl(url));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the journal schema at " + url + ": " + e.getMessage(), e);
        }
    }

    /** A connection to the database of a slick {@code db} block: its {@code url}, {@code user}, {@code password}. */
    static Connection connect(Config db) throws SQLException {
        return DriverManager.getConnection(
                db.getString("url"),
                db.hasPath("user") ? db.getString("user") : "",
                db.hasPath("password") ? db.getString("password") : "");
    }

    /** The slick {@code db} block of the journal's database in {@code config}. */
    public static Config journalDatabase(Config config) {
        String shared =
                config.hasPath("jdbc-journal.use-shared-db") ? config.getString("jdbc-journal.use-shared-db") : "";
        if (!shared.isBlank()) {
            return config.getConfig("pekko-persistence-jdbc.shared-databases." + shared + ".db");
        }
        return config.getConfig("jdbc-journal.slick.db");
    }

    /** Opens a connection to {@code jdbcUrl}, applies the schema of its dialect, and closes it. */
    public static Applied apply(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.ofJdbcUrl(jdbcUrl);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return apply(connection, dialect);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create the journal schema at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies the script named by {@code schema} in an engine journal block ({@code
     * fila.journals.<journal>}: a class-path resource) to that block's journal database, the same way
     * as {@link #apply(Connection, Dialect)}: what exists already is skipped, and on PostgreSQL under the
     * advisory lock. The engine runs it at every start.
     */
    public static Applied applyFromBlock(Config journalBlock) {
        Config db = journalDatabase(journalBlock);
        String url = db.getString("url");
        List<String> statements = statements(journalBlock.getString("schema"));
        try (Connection connection = connect(db)) {
            return apply(connection, Dialect.ofJdbcUrl(url), statements);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the journal schema at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies the schema of {@code dialect} on {@code connection}, one statement at a time in
     * auto-commit (PostgreSQL's {@code CREATE INDEX CONCURRENTLY} may not run in a transaction).
     */
    public static Applied apply(Connection connection, Dialect dialect) throws SQLException {
        return apply(connection, dialect, statements(dialect));
    }

    private static Applied apply(Connection connection, Dialect dialect, List<String> statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            if (dialect == Dialect.POSTGRES) {
                lockPostgres(statement);
            }
            try {
                int executed = 0;
                int existing = 0;
                for (String sql : statements) {
                    try {
                        statement.execute(sql);
                        executed++;
                    } catch (SQLException e) {
                        if (!ALREADY_EXISTS.contains(e.getSQLState())) {
                            throw e;
                        }
                        existing++;
                    }
                }
                return new Applied(dialect, executed, existing);
            } finally {
                if (dialect == Dialect.POSTGRES) {
                    statement.execute("SELECT pg_advisory_unlock(" + POSTGRES_LOCK_KEY + ")");
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Takes the session advisory lock by polling {@code pg_try_advisory_lock}: a session blocked
     * inside {@code pg_advisory_lock} would hold an open transaction that the lock holder's
     * {@code CREATE INDEX CONCURRENTLY} waits for, a deadlock.
     */
    private static void lockPostgres(Statement statement) throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
        while (true) {
            try (ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_lock(" + POSTGRES_LOCK_KEY + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("another session held the journal schema lock for " + LOCK_WAIT_MILLIS + " ms");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the journal schema lock", e);
            }
        }
    }

    /**
     * The statements of the dialect's create script, in order: comments dropped, split at each
     * {@code ;} that ends a line (the scripts hold no string literal with one).
     */
    public static List<String> statements(Dialect dialect) {
        return statements(dialect.resource());
    }

    /** The statements of the create script at class-path {@code resource}, split as {@link #statements(Dialect)} does. */
    public static List<String> statements(String resource) {
        String script;
        try (InputStream in = JournalSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                addStatement(statements, current);
            }
        }
        addStatement(statements, current);
        return List.copyOf(statements);
    }

    private static void addStatement(List<String> statements, StringBuilder current) {
        String sql = current.toString().strip();
        current.setLength(0);
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }
}
