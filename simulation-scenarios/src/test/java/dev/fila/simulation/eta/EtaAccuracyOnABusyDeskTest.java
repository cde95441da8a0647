package dev.fila.simulation.eta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.eta.EtaPredictors;
import dev.fila.simulation.Simulation;
import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R8: the ETA predictors measured against the waits that happened on a realistic desk (26 agents, 10 of
 * them with 3 chats at once, 360 arrivals an hour, impatient, stepping-away and non-answering customers),
 * over three replications with different seeds. The figures are printed for the record.
 */
class EtaAccuracyOnABusyDeskTest {

    private static final Path BUSY_DESK = Path.of("src/test/resources/eta/busy-desk.yaml");

    @Test
    void R8_R2_R9_R11_R13_onABusyChatDeskFilasPredictorHasTheLowestMeanAbsoluteErrorInEveryReplication() {
        Scenario scenario = ScenarioReader.read(BUSY_DESK);
        for (long seed = scenario.seed(); seed < scenario.seed() + 3; seed++) {
            EtaErrorObserver observer = new EtaErrorObserver(EtaPredictors.standard());
            SimulationResult result = Simulation.run(scenario.withSeed(seed), observer);
            List<EtaAccuracy> ranking = observer.accuracy();
            print(seed, result, observer, ranking);

            assertThat(observer.served()).isPositive();
            assertThat(observer.unserved())
                    .as("abandonment happens, and is counted")
                    .isPositive();
            assertThat(ranking).hasSize(EtaPredictors.standard().size());
            assertThat(ranking).allSatisfy(a -> assertThat(a.predictions()).isEqualTo(observer.served()));
            assertThat(ranking)
                    .extracting(EtaAccuracy::meanAbsoluteErrorSeconds)
                    .isSorted();
            assertThat(ranking.get(0).predictor()).as("seed %d", seed).isEqualTo("fila");
        }
    }

    private static void print(
            long seed, SimulationResult result, EtaErrorObserver observer, List<EtaAccuracy> ranking) {
        System.out.printf(
                "busy-desk seed %d: %d arrivals, %d served, %d abandoned; compared %d (mean wait %.1f s),"
                        + " not compared %d (left unserved), %d still waiting%n",
                seed,
                result.arrivals(),
                result.served(),
                result.abandoned(),
                observer.served(),
                observer.meanActualWaitSeconds(),
                observer.unserved(),
                observer.stillWaiting());
        ranking.forEach(a -> System.out.printf(
                "  %-22s n=%d MAE=%.1fs RMSE=%.1fs within60=%.1f%%%n",
                a.predictor(),
                a.predictions(),
                a.meanAbsoluteErrorSeconds(),
                a.rootMeanSquareErrorSeconds(),
                100 * a.shareWithin60Seconds()));
    }
}
