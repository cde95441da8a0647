package dev.fila.engine.actors.journal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server of the tests, found through {@code FILA_PG_URL}, {@code FILA_PG_USER} and
 * {@code FILA_PG_PASSWORD} (environment, or the system properties {@code fila.pg.url},
 * {@code fila.pg.user}, {@code fila.pg.password}); {@code ./fila test} sets them up with {@code
 * bin/postgres-for-tests.sh}.
 *
 * <p>Where none is configured or it does not answer, a test that needs it is skipped with a message
 * saying how to get one, except in CI ({@code CI=true}), where it fails: CI must run them.
 */
public record TestPostgres(String url, String user, String password) {

    /** The configured server, checked by connecting; skips (or fails in CI) when there is none. */
    public static TestPostgres require() {
        String url = setting("FILA_PG_URL", "fila.pg.url", "");
        if (url.isBlank()) {
            return unavailable("FILA_PG_URL is not set");
        }
        TestPostgres postgres = new TestPostgres(
                url,
                setting("FILA_PG_USER", "fila.pg.user", "fila"),
                setting("FILA_PG_PASSWORD", "fila.pg.password", ""));
        try (Connection ignored = postgres.connect()) {
            return postgres;
        } catch (SQLException e) {
            return unavailable("cannot connect to " + url + " as " + postgres.user + ": " + e.getMessage());
        }
    }

    private static TestPostgres unavailable(String why) {
        String message = "PostgreSQL tests need a server: " + why
                + ". Run them through ./fila test (it runs bin/postgres-for-tests.sh), or set FILA_PG_URL,"
                + " FILA_PG_USER and FILA_PG_PASSWORD.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true: " + message);
        }
        abort(message);
        throw new AssertionError("unreachable");
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The environment that points {@code fila-postgres.conf} (and a child JVM) at this server. */
    public Map<String, String> environment() {
        return Map.of("FILA_PG_URL", url, "FILA_PG_USER", user, "FILA_PG_PASSWORD", password);
    }

    /**
     * The production block {@code fila-postgres.conf} pointed at this server, over the journal
     * tests' common settings and the defaults.
     */
    public Config journalConfig() {
        return ConfigFactory.parseMap(Map.of(
                        "fila.postgres.url", url, "fila.postgres.user", user, "fila.postgres.password", password))
                .withFallback(ConfigFactory.parseResources("fila-postgres.conf"))
                .withFallback(ConfigFactory.parseResources("journal-tests/common.conf"))
                .withFallback(ConfigFactory.load())
                .resolve();
    }

    /**
     * A new empty database on this server (the test role may create databases), for tests that must
     * see a schema created from nothing. Drop it with {@link #dropDatabase}.
     */
    public TestPostgres createDatabase(String prefix) throws SQLException {
        String name = (prefix + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String newUrl = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
        return new TestPostgres(newUrl, user, password);
    }

    /** Drops a database made by {@link #createDatabase}, from this (another) database. */
    public void dropDatabase(TestPostgres database) throws SQLException {
        String name = database.databaseName();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public String databaseName() {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    }
}
