package dev.fila.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.Simulation;
import dev.fila.simulation.SimulationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README stays true: the scenario file it shows is accepted, runs, and names every documented key. */
class ReadmeScenarioTest {

    @Test
    void theReadmesScenarioExampleIsAValidScenarioThatRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("A scenario file.*?```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find()).as("README has a scenario example").isTrue();
        Scenario scenario = ScenarioReader.read("README.md", block.group(1));
        SimulationResult result = Simulation.run(scenario);
        assertThat(result.arrivals()).isPositive();
        assertThat(result.served() + result.abandoned() + result.expired() + result.rejected() + result.waitingAtEnd())
                .isEqualTo(result.arrivals());
    }
}
