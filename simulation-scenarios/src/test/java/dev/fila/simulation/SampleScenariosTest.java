package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every sample under scenarios/ is valid and runs. */
class SampleScenariosTest {

    @Test
    void everySampleScenarioReadsAndRuns() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
            // the Anonymous Bank replays need the imported month first: AnonymousBankJanuaryReplayTest runs them
            files = list.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().startsWith("anonymous-bank-"))
                    .sorted()
                    .toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("quickstart.yaml", "morning-peak.yaml");
        for (Path file : files) {
            Scenario s = ScenarioReader.read(file);
            ReplicationFigures f = Simulation.run(s).figures();
            assertThat(f.overall(ReplicationFigures.ALL, Metric.ARRIVALS))
                    .as(file.toString())
                    .isPositive();
        }
    }

    @Test
    void theMorningPeakSampleHasAPeakAndMoreAgentsOnlineThroughIt() {
        Scenario s = ScenarioReader.read(Path.of("scenarios", "morning-peak.yaml"));
        ReplicationFigures f = Simulation.run(s).figures();
        String all = ReplicationFigures.ALL;
        // 07:00 (interval 0) is quiet; 09:30 (interval 5) is the peak, staffed by the early shift and the helpers
        assertThat(s.load().ratePerHour(5)).isGreaterThan(s.load().ratePerHour(0));
        assertThat(f.interval(all, 5, Metric.AGENTS_ONLINE)).isGreaterThan(f.interval(all, 0, Metric.AGENTS_ONLINE));
        assertThat(f.interval(all, 5, Metric.ARRIVALS)).isGreaterThan(f.interval(all, 0, Metric.ARRIVALS));
    }
}
