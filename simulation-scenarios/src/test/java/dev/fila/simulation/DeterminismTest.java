package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final Path QUICKSTART = Path.of("scenarios", "quickstart.yaml");

    @Test
    void theSameScenarioAndSeedGiveByteIdenticalResults() {
        Scenario scenario = ScenarioReader.read(QUICKSTART);
        SimulationResult first = Simulation.run(scenario);
        SimulationResult second = Simulation.run(ScenarioReader.read(QUICKSTART));
        assertThat(ResultWriter.json(second)).isEqualTo(ResultWriter.json(first));
        assertThat(ResultWriter.csv(second)).isEqualTo(ResultWriter.csv(first));
        assertThat(first.arrivals()).isBetween(200L, 500L);
    }

    @Test
    void anotherSeedGivesAnotherResult() {
        Scenario scenario = ScenarioReader.read(QUICKSTART);
        String a = ResultWriter.json(Simulation.run(scenario));
        String b = ResultWriter.json(Simulation.run(scenario.withSeed(43)));
        assertThat(b).isNotEqualTo(a).contains("\"seed\" : 43");
    }

    @Test
    void randomScenariosAreRepeatableToo() {
        Scenario scenario = SimulationInvariantsTest.randomScenario(7);
        assertThat(ResultWriter.json(Simulation.run(scenario))).isEqualTo(ResultWriter.json(Simulation.run(scenario)));
    }
}
