package dev.fila.cli;

import static dev.fila.cli.CliRun.fila;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fila validate}: simulated beside real, printed and written as CSV; what it refuses. */
class ValidateCommandTest {

    /** A morning of a Sunday: six calls, two of them abandoned in the log; one agent, then two. */
    private static Path scenario(Path dir) throws IOException {
        Files.writeString(
                dir.resolve("load.csv"),
                "arrival,queue,channel,handle_seconds,patience_seconds,patience_censored,priority,customer_id\n"
                        + "1999-01-03T08:00:00,bank,voice,300,0,true,0,1\n"
                        + "1999-01-03T08:01:00,bank,voice,120,240,true,0,2\n"
                        + "1999-01-03T08:02:00,bank,voice,,30,false,0,\n"
                        + "1999-01-03T08:40:00,bank,voice,200,0,true,0,3\n"
                        + "1999-01-03T08:41:00,bank,voice,,15,false,0,\n"
                        + "1999-01-03T08:50:00,bank,voice,60,5,true,1,4\n");
        Files.writeString(
                dir.resolve("staffing.csv"),
                "start,end,queue,agents,agents_distinct,agents_busy\n"
                        + "1999-01-03T08:00:00,1999-01-03T08:30:00,bank,1.0,1,0.4\n"
                        + "1999-01-03T08:30:00,1999-01-03T09:00:00,bank,1.6,2,0.3\n");
        Path file = dir.resolve("replay.yaml");
        Files.writeString(file, """
                name: replay
                seed: 5
                start: 1999-01-03T08:00
                horizon: 1h
                timeZone: Asia/Jerusalem
                replications: 4
                queues:
                  - id: bank
                    channels: [voice]
                    hours: {sun: "07:00-24:00"}
                staffing: {file: staffing.csv, maxChats: 1}
                load:
                  trace: load.csv
                  handleTime: {fit: empirical, from: load.csv}
                  patience: {kaplanMeier: load.csv}
                  acceptDelay: {constant: 0s}
                """);
        return file;
    }

    @Test
    void printsSimulatedBesideRealWithTheErrorAndWritesThePerIntervalAndPerHourCsv(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("out");
        CliRun run = fila("validate", scenario(dir).toString(), "--out", out.toString(), "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // six calls: served at once, after 0 s and 0 s (08:00, 08:40, 08:50) → 3 of 6 within 20 s in the log
        assertThat(run.out()).contains("| overall | 6 |").contains("| 50.0% |").contains("| 08h | 6 |");
        List<String> intervals = Files.readAllLines(out.resolve("validation-intervals.csv"));
        assertThat(intervals.get(0)).startsWith("span,arrivals_real,arrivals_sim,agents_online_sim,service_level_real");
        assertThat(intervals).hasSize(1 + 2 + 1); // header, two intervals, overall
        assertThat(intervals.get(1)).startsWith("1999-01-03T08:00,3,3,");
        assertThat(intervals.get(3)).startsWith("overall,6,6,");
        assertThat(Files.readAllLines(out.resolve("validation-hours.csv"))).hasSize(3);
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void anotherStaffingFileAndColumnReplaceTheScenarios(@TempDir Path dir) throws IOException {
        Path file = scenario(dir);
        CliRun run = fila(
                "validate",
                file.toString(),
                "--staffing",
                dir.resolve("staffing.csv").toString(),
                "--column",
                "agents_distinct",
                "--out",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("column agents_distinct");
    }

    @Test
    void aGeneratedLoadOrABadOptionIsRefusedWithExitCode2(@TempDir Path dir) throws IOException {
        CliRun generated = fila(
                "validate",
                Path.of("..", "simulation-scenarios", "scenarios", "quickstart.yaml")
                        .toString());
        assertThat(generated.exitCode()).isEqualTo(2);
        assertThat(generated.err()).contains("not a trace");

        Path file = scenario(dir);
        CliRun column = fila("validate", file.toString(), "--column", "agents_busy");
        assertThat(column.exitCode()).isEqualTo(2);
        assertThat(column.err()).contains("--column needs --staffing");

        Files.writeString(
                dir.resolve("load.csv"),
                Files.readString(dir.resolve("load.csv")).replace(",bank,", ",cards,"));
        CliRun badTrace = fila("validate", file.toString());
        assertThat(badTrace.exitCode()).isEqualTo(2);
        assertThat(badTrace.err()).contains("load.csv:2: field 'queue': unknown queue 'cards'");
    }
}
