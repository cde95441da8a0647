package dev.fila.cli;

import static dev.fila.cli.CliRun.fila;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static final Path QUICKSTART = Path.of("..", "simulation-scenarios", "scenarios", "quickstart.yaml");

    @Test
    void simulatesTheQuickstartPrintsTheFiguresWithConfidenceIntervalsAndWritesTheReports(@TempDir Path dir)
            throws Exception {
        Path first = dir.resolve("first");
        CliRun run = fila("simulate", QUICKSTART.toString(), "--replications", "3", "--out", first.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("scenario quickstart, seed 42")
                .contains("3 replication(s)")
                .containsPattern("service level +\\d+\\.\\d% ± \\d+\\.\\d answered within 20s")
                .containsPattern("average wait +\\d+\\.\\d ± \\d+\\.\\d s")
                .contains("abandonment")
                .containsPattern("arrivals +\\d+\\.\\d ± \\d+\\.\\d \\(served")
                .contains("penalties")
                .containsPattern("Erlang C +service level \\d+\\.\\d%")
                .containsPattern("Erlang A +service level \\d+\\.\\d%, ASA \\d+\\.\\d s, abandonment")
                .contains("ETA predictors    ranked by mean absolute error (R8):")
                .containsPattern("\\n  1\\. \\S+ +MAE \\d+\\.\\d ± \\d+\\.\\d s, RMSE")
                .containsPattern("\\n  5\\. \\S+ +MAE");
        String json = Files.readString(first.resolve("summary.json"));
        assertThat(json)
                .contains("\"scenario\" : \"quickstart\"")
                .contains("\"replications\" : 3")
                .contains("\"erlang\" : {")
                .contains("\"etaPredictors\" : [");
        assertThat(Files.readString(first.resolve("intervals.csv"))).startsWith("interval,start,end,queue,warmup");
        assertThat(Files.readString(first.resolve("report.html"))).contains("<svg");
        assertThat(Files.readString(first.resolve("requests.csv"))).startsWith("requestId,protocol");

        Path again = dir.resolve("again");
        fila("simulate", QUICKSTART.toString(), "--replications", "3", "--threads", "1", "--out", again.toString());
        assertThat(Files.readString(again.resolve("summary.json"))).isEqualTo(json);

        Path seven = dir.resolve("seven");
        CliRun other = fila(
                "simulate", QUICKSTART.toString(), "--seed", "7", "--replications", "3", "--out", seven.toString());
        assertThat(other.out()).contains("seed 7");
        assertThat(Files.readString(seven.resolve("summary.json"))).isNotEqualTo(json);
    }

    @Test
    void aBadScenarioPrintsWhereAndExitsWithTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(QUICKSTART).replace("horizon: 8h", "horizon: eight hours"));
        CliRun run = fila("simulate", bad.toString(), "--out", dir.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(bad + ":6: field 'horizon': expected a duration");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
