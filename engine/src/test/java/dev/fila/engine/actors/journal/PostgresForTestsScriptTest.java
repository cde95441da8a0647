package dev.fila.engine.actors.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/postgres-for-tests.sh}, which {@code ./fila test} runs before the tests: run again on a
 * machine where it already ran, it changes nothing and prints the same URL, and the role it made can
 * log in there with its password. Runs where the script set up this test run's server (the URL is of
 * its form), so it never starts a local server beside one of your own.
 */
class PostgresForTestsScriptTest {

    private static final Path SCRIPT =
            Path.of("..", "bin", "postgres-for-tests.sh").toAbsolutePath().normalize();

    private record Run(int exitCode, String stdout) {}

    @Test
    void runningTheScriptAgainPrintsTheSameUrlAndTheRoleLogsInWithItsPassword() throws Exception {
        TestPostgres postgres = TestPostgres.require();
        assumeTrue(
                postgres.url().matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/fila_test"),
                "FILA_PG_URL was not made by bin/postgres-for-tests.sh: " + postgres.url());

        Run first = run();
        Run second = run();

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(first.stdout().strip()).isEqualTo(postgres.url());
        assertThat(second.stdout()).isEqualTo(first.stdout());
        try (Connection c = DriverManager.getConnection(first.stdout().strip(), postgres.user(), postgres.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_user, current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(postgres.user());
            assertThat(rs.getString(2)).isEqualTo("fila_test");
        }
        Run export = run("--export");
        assertThat(export.exitCode()).isZero();
        assertThat(export.stdout()).startsWith("export FILA_PG_URL=" + postgres.url() + " ");
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/postgres-for-tests.sh still running after 120 s");
        }
        return new Run(process.exitValue(), stdout);
    }
}
