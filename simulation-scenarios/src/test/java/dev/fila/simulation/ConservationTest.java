package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.scenario.Scenario;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Conservation per interval: every arrival ends in exactly one outcome (R13, R14, R15, R12). */
class ConservationTest {

    @Property(tries = 25)
    void inEveryIntervalArrivalsAreServedAbandonedExpiredRejectedOrStillWaiting(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Scenario scenario = SimulationInvariantsTest.randomScenario(seed);
        ReplicationFigures f = Simulation.run(scenario).figures();
        for (String row : f.rows()) {
            double total = 0;
            for (int i = 0; i < f.intervalCount(); i++) {
                double arrivals = f.interval(row, i, Metric.ARRIVALS);
                double outcomes = f.interval(row, i, Metric.SERVED)
                        + f.interval(row, i, Metric.ABANDONED)
                        + f.interval(row, i, Metric.EXPIRED)
                        + f.interval(row, i, Metric.REJECTED)
                        + f.interval(row, i, Metric.WAITING_AT_END);
                assertThat(outcomes).as(row + " interval " + i).isEqualTo(arrivals);
                total += arrivals;
            }
            assertThat(f.overall(row, Metric.ARRIVALS)).isEqualTo(total);
        }
        double perQueue = 0;
        for (String row : f.rows()) {
            if (!row.equals(ReplicationFigures.ALL)) {
                perQueue += f.overall(row, Metric.ARRIVALS);
            }
        }
        assertThat(perQueue).isEqualTo(f.overall(ReplicationFigures.ALL, Metric.ARRIVALS));
    }
}
