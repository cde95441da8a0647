package dev.fila.simulation.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fila.simulation.erlang.IntervalLoad;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario's load per queue and interval, in Erlang's terms. */
class ScenarioLoadsTest {

    private static Scenario scenario(String patience) {
        return ScenarioReader.read("loads.yaml", """
                name: loads
                seed: 1
                start: 2026-11-23T08:00
                horizon: 2h
                timeZone: UTC
                queues:
                  - {id: a}
                  - {id: b}
                agents:
                  - {id: x, queues: {a: 1, b: 1}}
                load:
                  arrivalsPerHour: [40, 80, 120, 60]
                  handleTime: {exponential: 3m}
                  %s
                  queueMix: {a: 0.75, b: 0.25}
                """.formatted(patience));
    }

    @Test
    void eachIntervalsRateTimesTheQueuesShareWithTheMeanHandleAndPatience() {
        List<IntervalLoad> a = ScenarioLoads.perInterval(scenario("patience: {exponential: 5m}"), "a");
        List<IntervalLoad> b = ScenarioLoads.perInterval(scenario("patience: {exponential: 5m}"), "b");

        assertThat(a).extracting(IntervalLoad::arrivalsPerHour).containsExactly(30.0, 60.0, 90.0, 45.0);
        assertThat(b).extracting(IntervalLoad::arrivalsPerHour).containsExactly(10.0, 20.0, 30.0, 15.0);
        assertThat(a).allSatisfy(l -> {
            assertThat(l.handleSeconds()).isEqualTo(180.0);
            assertThat(l.patienceSeconds()).isEqualTo(300.0);
            assertThat(l.abandons()).isTrue();
        });
    }

    @Test
    void customersWhoNeverLeaveMakeItErlangC_R13() {
        List<IntervalLoad> a = ScenarioLoads.perInterval(scenario(""), "a");

        assertThat(a).allSatisfy(l -> assertThat(l.abandons()).isFalse());
    }

    @Test
    void aQueueWithoutShareIsRefused() {
        assertThatThrownBy(() -> ScenarioLoads.perInterval(scenario(""), "nope"))
                .hasMessageContaining("takes no share");
    }
}
