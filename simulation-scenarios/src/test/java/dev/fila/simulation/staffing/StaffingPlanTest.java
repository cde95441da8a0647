package dev.fila.simulation.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioException;
import dev.fila.simulation.scenario.ScenarioReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan as agents of the scenario's kind, and the target's optional abandonment ceiling. */
class StaffingPlanTest {

    private static final String SCENARIO = """
            name: kinds
            seed: 1
            start: 2026-11-23T08:00
            horizon: 4h
            timeZone: UTC
            intervals: 1h
            queues:
              - {id: support}
            staffing:
              support: {plan: [0, 2, 0, 0], maxChats: 1}
            shifts:
              - {count: 2, prefix: day, queues: {support: 1}, maxChats: 3, from: "08:00", to: "12:00"}
            load:
              arrivalsPerHour: 10
              handleTime: {exponential: 5m}
            serviceLevel: {answerWithin: 20s, target: 0.8%s}
            """;

    @Test
    void theTemplateIsTheKindOfAgentWithTheMostTimeOnline_R2() {
        Scenario scenario = ScenarioReader.read("kinds.yaml", SCENARIO.formatted(""));

        // two one-chat helpers for an hour (first in the file) against two three-chat agents for four hours
        assertThat(AgentTemplate.of(scenario, "support").maxChats()).isEqualTo(3);
    }

    @Test
    void theKthAgentIsOnlineInTheIntervalsThatCountAtLeastK_R4() {
        Scenario base = ScenarioReader.read("kinds.yaml", SCENARIO.formatted(""));
        StaffingPlan plan = new StaffingPlan(List.of("support"), new int[][] {{1, 3, 2, 0}});

        Scenario staffed = plan.applyTo(base, Map.of("support", new AgentTemplate("support", 2)));

        long h = 3_600_000L;
        long t0 = base.startMillis();
        assertThat(staffed.agents())
                .extracting(Scenario.AgentSpec::id)
                .containsExactly("support-1", "support-2", "support-3");
        assertThat(staffed.agents()).allSatisfy(a -> {
            assertThat(a.maxChats()).isEqualTo(2);
            assertThat(a.skills()).isEqualTo(Map.of("support", 1));
        });
        assertThat(staffed.agents().get(0).online()).containsExactly(new Scenario.OnlineWindow(t0, t0 + 3 * h));
        assertThat(staffed.agents().get(1).online()).containsExactly(new Scenario.OnlineWindow(t0 + h, t0 + 3 * h));
        assertThat(staffed.agents().get(2).online()).containsExactly(new Scenario.OnlineWindow(t0 + h, t0 + 2 * h));
        assertThat(plan.agentHours(0, h, 4 * h)).isEqualTo(6.0);
    }

    @Test
    void serviceLevelMayStateAnAbandonmentCeiling() {
        Scenario without = ScenarioReader.read("kinds.yaml", SCENARIO.formatted(""));
        Scenario with = ScenarioReader.read("kinds.yaml", SCENARIO.formatted(", maxAbandonment: 0.05"));

        assertThat(without.serviceLevel().maxAbandonment()).isEqualTo(1.0);
        assertThat(with.serviceLevel().maxAbandonment()).isEqualTo(0.05);
        assertThatThrownBy(() -> ScenarioReader.read("kinds.yaml", SCENARIO.formatted(", maxAbandonment: 5")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("kinds.yaml:16: field 'serviceLevel.maxAbandonment'");
    }
}
