package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.simulation.kernel.KernelListener;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The staffing plan reaches the domain: agents go online and offline at their boundaries (R4) through the kernel. */
class StaffingThroughKernelTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** Every presence change: "agent ONLINE@08:00". */
    private static final class PresenceLog implements KernelListener {
        final List<String> changes = new ArrayList<>();
        final Map<String, Presence> last = new HashMap<>();

        @Override
        public void onAgentEvent(long nowMillis, String agentId, AgentEvent event, AgentState state) {
            if (last.get(agentId) != state.presence()) {
                last.put(agentId, state.presence());
                String time = Instant.ofEpochMilli(nowMillis)
                        .atZone(ZONE)
                        .toLocalTime()
                        .toString();
                changes.add(agentId + " " + state.presence() + "@" + time);
            }
        }
    }

    @Test
    void R4_shiftsAndPlansPutTheRightAgentsOnlineAtTheRightTimes() {
        Scenario s = ScenarioReader.read("day.yaml", """
                name: day
                seed: 1
                start: 2026-11-23T08:00
                horizon: 4h
                timeZone: America/Sao_Paulo
                intervals: 1h
                queues: [{id: support}]
                shifts:
                  - {count: 2, prefix: early, queues: {support: 1}, from: "08:00", to: "10:30"}
                  - {count: 1, prefix: late, queues: {support: 1}, from: "10:00", to: "18:00"}
                staffing: {support: [0, 1, 2, 0]}
                load: {arrivalsPerHour: 20, handleTime: {exponential: 3m}}
                """);
        PresenceLog log = new PresenceLog();
        Simulation.run(s, log);
        assertThat(log.changes)
                .containsExactlyInAnyOrder(
                        "early-1 OFFLINE@08:00", // registered
                        "early-2 OFFLINE@08:00",
                        "late-1 OFFLINE@08:00",
                        "support-1 OFFLINE@08:00",
                        "support-2 OFFLINE@08:00",
                        "early-1 ONLINE@08:00",
                        "early-2 ONLINE@08:00",
                        "support-1 ONLINE@09:00",
                        "support-2 ONLINE@10:00",
                        "late-1 ONLINE@10:00",
                        "early-1 OFFLINE@10:30",
                        "early-2 OFFLINE@10:30",
                        "support-1 OFFLINE@11:00",
                        "support-2 OFFLINE@11:00");
    }

    @Test
    void R3_R4_anAgentGoingOfflineFinishesWhatTheyHoldAndIsOfferedNothingMore() {
        Scenario s = ScenarioReader.read("handover.yaml", """
                name: handover
                seed: 1
                start: 2026-11-23T08:00
                horizon: 1h
                timeZone: America/Sao_Paulo
                queues: [{id: support}]
                shifts:
                  - {count: 1, prefix: early, queues: {support: 1}, from: "08:00", to: "08:30"}
                  - {count: 1, prefix: late, queues: {support: 1}, from: "08:30", to: "09:00"}
                load: {arrivalsPerHour: 1, handleTime: {constant: 1m}, acceptDelay: {constant: 0s}}
                """);
        ListLoad load = ListLoad.on("2026-11-23", ZONE)
                .arrival("08:20:00", "support", 20 * 60, -1)
                .arrival("08:35:00", "support", 60, -1)
                .build();
        SimulationResult r = Simulation.run(s, load, new SplittableRandom(1));
        assertThat(r.requests()).hasSize(2);
        RequestRecord held = r.requests().get(0);
        assertThat(held.agentId()).isEqualTo("early-1");
        assertThat(held.serviceEndMillis()).as("closed after the shift ended").isEqualTo(40 * 60_000L);
        RequestRecord next = r.requests().get(1);
        assertThat(next.agentId()).isEqualTo("late-1");
        assertThat(next.waitMillis()).isZero();
    }
}
