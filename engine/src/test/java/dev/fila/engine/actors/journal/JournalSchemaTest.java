package dev.fila.engine.actors.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.fila.engine.actors.journal.JournalSchema.Applied;
import dev.fila.engine.actors.journal.JournalSchema.Dialect;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal schema is created from the DDL in the pekko-persistence-jdbc jar, and again safely. */
class JournalSchemaTest {

    private static final List<String> TABLES = List.of("event_journal", "event_tag", "snapshot", "durable_state");

    @Test
    void theStatementsAreTheJarsCreateScriptOnePerCreate() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            String script;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(dialect.resource())) {
                assertThat(in).as(dialect.resource()).isNotNull();
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> statements = JournalSchema.statements(dialect);
            Matcher creates = Pattern.compile("(?m)^\\s*CREATE\\b").matcher(script);
            int createCount = 0;
            while (creates.find()) {
                createCount++;
            }
            assertThat(statements).as(dialect.name()).hasSize(createCount);
            assertThat(statements).allSatisfy(sql -> {
                assertThat(sql).startsWith("CREATE");
                assertThat(sql).doesNotContain(";");
            });
            for (String table : TABLES) {
                assertThat(statements)
                        .anySatisfy(sql -> assertThat(sql.toLowerCase()).contains(table));
            }
        }
    }

    @Test
    void theDialectFollowsTheJdbcUrl() {
        assertThat(Dialect.ofJdbcUrl("jdbc:h2:file:./data/fila;WRITE_DELAY=0")).isEqualTo(Dialect.H2);
        assertThat(Dialect.ofJdbcUrl("jdbc:postgresql://127.0.0.1:5432/fila")).isEqualTo(Dialect.POSTGRES);
        assertThatThrownBy(() -> Dialect.ofJdbcUrl("jdbc:mysql://127.0.0.1/fila"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql");
    }

    @Test
    void theJournalDatabaseIsTheSharedOneWhenTheJournalUsesIt() {
        var shared = ConfigFactory.parseMap(Map.of(
                "jdbc-journal.use-shared-db", "slick",
                "pekko-persistence-jdbc.shared-databases.slick.db.url", "jdbc:h2:mem:shared"));
        var own = ConfigFactory.parseMap(Map.of("jdbc-journal.slick.db.url", "jdbc:h2:mem:own"));
        assertThat(JournalSchema.journalDatabase(shared).getString("url")).isEqualTo("jdbc:h2:mem:shared");
        assertThat(JournalSchema.journalDatabase(own).getString("url")).isEqualTo("jdbc:h2:mem:own");
    }

    @Test
    void onAnH2FileTheSchemaIsCreatedOnFirstStartAndASecondStartKeepsTheData(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("journal") + ";WRITE_DELAY=0";

        Applied first = JournalSchema.apply(url, "sa", "");
        assertThat(first.dialect()).isEqualTo(Dialect.H2);
        assertThat(first.executed())
                .isEqualTo(JournalSchema.statements(Dialect.H2).size());
        assertThat(first.alreadyExisting()).isZero();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(tables(c, "PUBLIC")).containsAll(TABLES);
            insertEvent(c);
        }

        // The index statement has no IF NOT EXISTS: "already exists" is tolerated, nothing is lost.
        Applied second = JournalSchema.apply(url, "sa", "");
        assertThat(second.alreadyExisting()).isPositive();
        assertThat(second.executed() + second.alreadyExisting())
                .isEqualTo(JournalSchema.statements(Dialect.H2).size());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(countEvents(c)).isEqualTo(1);
        }
    }

    @Test
    void onAnH2FileAnErrorOtherThanAlreadyExistsIsThrown(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("journal") + ";WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            // A table of that name but another shape: the index on "ordering" cannot be created.
            s.execute("CREATE TABLE PUBLIC.\"event_journal\" (\"id\" INT)");
        }
        assertThatThrownBy(() -> JournalSchema.apply(url, "sa", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot create the journal schema");
    }

    @Test
    void onPostgresTheSchemaIsCreatedInAnEmptyDatabaseAndASecondStartKeepsTheData() throws Exception {
        TestPostgres server = TestPostgres.require();
        TestPostgres db = server.createDatabase("fila_schema");
        try {
            Applied first = JournalSchema.apply(db.url(), db.user(), db.password());
            assertThat(first.dialect()).isEqualTo(Dialect.POSTGRES);
            assertThat(first.executed())
                    .isEqualTo(JournalSchema.statements(Dialect.POSTGRES).size());
            try (Connection c = db.connect()) {
                assertThat(tables(c, "public")).containsAll(TABLES);
                insertEvent(c);
            }

            // The journal's ordering index and the durable-state indexes have no IF NOT EXISTS.
            Applied second = JournalSchema.apply(db.url(), db.user(), db.password());
            assertThat(second.alreadyExisting()).isGreaterThanOrEqualTo(3);
            assertThat(second.executed() + second.alreadyExisting())
                    .isEqualTo(JournalSchema.statements(Dialect.POSTGRES).size());
            try (Connection c = db.connect()) {
                assertThat(countEvents(c)).isEqualTo(1);
            }
        } finally {
            server.dropDatabase(db);
        }
    }

    @Test
    void onPostgresTwoNodesStartingTogetherBothGetTheSchema() throws Exception {
        TestPostgres server = TestPostgres.require();
        TestPostgres db = server.createDatabase("fila_schema");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Applied>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(() -> JournalSchema.apply(db.url(), db.user(), db.password())));
            }
            int executed = 0;
            for (Future<Applied> start : starts) {
                Applied applied = start.get();
                assertThat(applied.executed() + applied.alreadyExisting())
                        .isEqualTo(JournalSchema.statements(Dialect.POSTGRES).size());
                executed += applied.executed();
            }
            // Every statement ran at least once; after the first start the indexes already existed.
            assertThat(executed)
                    .isLessThan(4 * JournalSchema.statements(Dialect.POSTGRES).size());
            try (Connection c = db.connect()) {
                assertThat(tables(c, "public")).containsAll(TABLES);
            }
        } finally {
            pool.shutdownNow();
            server.dropDatabase(db);
        }
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }

    private static void insertEvent(Connection c) throws SQLException {
        // Quoted lower-case names: the H2 script quotes its identifiers, PostgreSQL folds to lower case.
        try (PreparedStatement s = c.prepareStatement("INSERT INTO \"event_journal\" (\"persistence_id\","
                + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_ser_id\","
                + " \"event_ser_manifest\", \"event_payload\") VALUES ('schema-test', 1, 'w', 0, '', 1, 'm', ?)")) {
            s.setBytes(1, new byte[] {1, 2, 3});
            s.executeUpdate();
        }
    }

    private static long countEvents(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM \"event_journal\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
