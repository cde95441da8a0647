package dev.fila.engine.actors;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates the journal's tables on first start, from the DDL that ships with pekko-persistence-jdbc
 * ({@code fila.journals.<journal>.schema}, a class-path resource). A statement that finds its object
 * present is skipped, so every start may run it (the H2 script's index has no {@code IF NOT EXISTS}).
 */
final class JournalSchema {

    /** SQL states of "already exists": H2's table and index, PostgreSQL's relation. */
    private static final Set<String> ALREADY_EXISTS = Set.of("42S01", "42S11", "42P07", "42710");

    private JournalSchema() {}

    /** Runs the schema script against the shared database configured in {@code journalBlock}. */
    static void createIfMissing(Config journalBlock) {
        if (!journalBlock.hasPath("schema")) {
            return;
        }
        Config db = journalBlock.getConfig("pekko-persistence-jdbc.shared-databases.fila.db");
        List<String> statements = statements(journalBlock.getString("schema"));
        try (Connection connection = DriverManager.getConnection(
                        db.getString("url"), db.getString("user"), db.getString("password"));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    if (!ALREADY_EXISTS.contains(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the journal schema: " + e.getMessage(), e);
        }
    }

    static List<String> statements(String resource) {
        String script;
        try (InputStream in = JournalSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema script '" + resource + "' on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read schema script " + resource, e);
        }
        List<String> statements = new ArrayList<>();
        for (String part : script.split(";\\s*(\\r?\\n|$)")) {
            String sql = part.strip();
            if (!sql.isEmpty()) {
                statements.add(sql);
            }
        }
        return statements;
    }
}
