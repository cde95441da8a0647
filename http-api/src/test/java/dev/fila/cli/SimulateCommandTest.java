package dev.fila.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    private static final Path QUICKSTART = Path.of("..", "simulation-scenarios", "scenarios", "quickstart.yaml");

    private record Run(int exitCode, String out, String err) {}

    private static Run fila(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new FilaCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void simulatesTheQuickstartPrintsTheFiguresAndWritesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.json");
        Run run = fila("simulate", QUICKSTART.toString(), "--out", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("scenario quickstart, seed 42")
                .contains("service level")
                .contains("average wait")
                .contains("abandonment")
                .containsPattern("served +\\d+ of \\d+ arrivals")
                .contains("penalties");
        String json = Files.readString(file);
        assertThat(json).contains("\"scenario\" : \"quickstart\"").contains("\"arrivals\" : ");
        assertThat(Files.readString(dir.resolve("requests.csv"))).startsWith("requestId,protocol");
        String arrivals = json.replaceAll("(?s).*\"arrivals\" : (\\d+).*", "$1");
        assertThat(run.out()).contains("of " + arrivals + " arrivals");

        Run again = fila(
                "simulate",
                QUICKSTART.toString(),
                "--out",
                dir.resolve("again.json").toString());
        assertThat(Files.readString(dir.resolve("again.json"))).isEqualTo(json);

        Run other = fila(
                "simulate",
                QUICKSTART.toString(),
                "--seed",
                "7",
                "--out",
                dir.resolve("seven.json").toString());
        assertThat(other.out()).contains("seed 7");
        assertThat(Files.readString(dir.resolve("seven.json"))).isNotEqualTo(json);
    }

    @Test
    void aBadScenarioPrintsWhereAndExitsWithTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(QUICKSTART).replace("horizon: 8h", "horizon: eight hours"));
        Run run =
                fila("simulate", bad.toString(), "--out", dir.resolve("x.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(bad + ":6: field 'horizon': expected a duration");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
