package dev.fila.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The scenario keys of the runner: intervals, replications, warm-up, staffing plans, shifts, time-varying load. */
class ScenarioReaderStaffingTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** A 4-hour Monday from 08:00 with the given extra top-level lines (and load lines). */
    private static String scenario(String staffing, String rate) {
        return """
                name: t
                seed: 1
                start: 2026-11-23T08:00
                horizon: 4h
                timeZone: America/Sao_Paulo
                intervals: 1h
                queues:
                  - id: support
                    hours: {mon-fri: "08:00-21:00"}
                """ + staffing + """
                load:
                  arrivalsPerHour: %s
                  handleTime: {exponential: 3m}
                """.formatted(rate);
    }

    private static ScenarioException refusal(String text) {
        try {
            ScenarioReader.read("bad.yaml", text);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    private static long at(String localTime) {
        return LocalDateTime.parse("2026-11-23T" + localTime)
                .atZone(ZONE)
                .toInstant()
                .toEpochMilli();
    }

    private static Scenario.OnlineWindow window(String from, String to) {
        return new Scenario.OnlineWindow(at(from), at(to));
    }

    @Test
    void intervalsReplicationsAndWarmupHaveDefaultsAndCanBeSet() {
        Scenario plain = ScenarioReader.read(
                "t.yaml",
                scenario("agents: [{id: ana, queues: {support: 1}}]\n", "10").replace("intervals: 1h\n", ""));
        assertThat(plain.intervalMillis()).isEqualTo(30 * 60_000L);
        assertThat(plain.replications()).isEqualTo(1);
        assertThat(plain.warmupMillis()).isZero();
        assertThat(plain.intervalCount()).isEqualTo(8);

        Scenario set = ScenarioReader.read(
                "t.yaml", scenario("replications: 12\nwarmup: 30m\nagents: [{id: ana, queues: {support: 1}}]\n", "10"));
        assertThat(set.intervalMillis()).isEqualTo(3_600_000L);
        assertThat(set.replications()).isEqualTo(12);
        assertThat(set.warmupMillis()).isEqualTo(30 * 60_000L);
    }

    @Test
    void R4_aPerIntervalListPutsTheFirstAgentsOnlineInEachInterval() {
        Scenario s = ScenarioReader.read("t.yaml", scenario("staffing: {support: [1, 3, 2, 1]}\n", "10"));
        assertThat(s.agents())
                .extracting(Scenario.AgentSpec::id)
                .containsExactly("support-1", "support-2", "support-3");
        assertThat(s.agents().get(0).online()).containsExactly(window("08:00", "12:00"));
        assertThat(s.agents().get(1).online()).containsExactly(window("09:00", "11:00"));
        assertThat(s.agents().get(2).online()).containsExactly(window("09:00", "10:00"));
        assertThat(s.agents().get(0).skills()).containsEntry("support", 1);
    }

    @Test
    void R4_aStepMapChangesStaffingByTimeOfDayAndSetsMaxChats() {
        Scenario s = ScenarioReader.read(
                "t.yaml", scenario("staffing: {support: {plan: {\"08:00\": 1, \"10:00\": 2}, maxChats: 1}}\n", "10"));
        assertThat(s.agents()).hasSize(2);
        assertThat(s.agents().get(0).online()).containsExactly(window("08:00", "12:00"));
        assertThat(s.agents().get(1).online()).containsExactly(window("10:00", "12:00"));
        assertThat(s.agents()).allSatisfy(a -> assertThat(a.maxChats()).isEqualTo(1));
    }

    @Test
    void aPlanForAnAgentGroupSaysHowManyOfItAreOnline() {
        Scenario s = ScenarioReader.read(
                "t.yaml",
                scenario(
                        "agents: [{count: 3, prefix: senior, queues: {support: 2}, maxChats: 2}]\n"
                                + "staffing: {senior: [3, 1, 1, 2]}\n",
                        "10"));
        assertThat(s.agents()).extracting(Scenario.AgentSpec::id).containsExactly("senior-1", "senior-2", "senior-3");
        assertThat(s.agents().get(1).online()).containsExactly(window("08:00", "09:00"), window("11:00", "12:00"));
        assertThat(s.agents().get(2).maxChats()).isEqualTo(2);
        assertThat(s.agents().get(2).skills()).containsEntry("support", 2);
    }

    @Test
    void R4_shiftsPutTheirAgentsOnlineFromToOnTheirDays() {
        Scenario s = ScenarioReader.read("t.yaml", scenario("""
                        shifts:
                          - {count: 2, prefix: early, queues: {support: 1}, maxChats: 1, from: "08:00", to: "10:30"}
                          - {count: 1, prefix: late, queues: {support: 1}, from: "10:00", to: "16:00", days: mon-fri}
                          - {count: 1, prefix: weekend, queues: {support: 1}, from: "08:00", to: "12:00", days: [sat, sun]}
                        """, "10"));
        assertThat(s.agents()).extracting(Scenario.AgentSpec::id).containsExactly("early-1", "early-2", "late-1");
        assertThat(s.agents().get(0).online()).containsExactly(window("08:00", "10:30"));
        assertThat(s.agents().get(0).maxChats()).isEqualTo(1);
        assertThat(s.agents().get(2).online()).containsExactly(window("10:00", "12:00"));
        assertThat(s.agents().get(2).maxChats()).isEqualTo(4);
    }

    @Test
    void arrivalsPerHourMayBeAPerIntervalListOrAStepMap() {
        Scenario list = ScenarioReader.read("t.yaml", scenario("staffing: {support: 2}\n", "[10, 40, 20, 0]"));
        assertThat(list.load().arrivalsPerHourByInterval()).containsExactly(10.0, 40.0, 20.0, 0.0);
        assertThat(list.load().arrivalsPerHour()).isEqualTo((10 + 40 + 20 + 0) / 4.0);
        assertThat(list.load().ratePerHour(1)).isEqualTo(40.0);

        Scenario steps =
                ScenarioReader.read("t.yaml", scenario("staffing: {support: 2}\n", "{\"09:00\": 30, \"11:00\": 5}"));
        // before the first step of the day, the day's last step holds (the map repeats every day)
        assertThat(steps.load().arrivalsPerHourByInterval()).containsExactly(5.0, 30.0, 30.0, 5.0);
    }

    @Test
    void aListWithTheWrongNumberOfIntervalsIsRefusedWithItsLine() {
        ScenarioException e = refusal(scenario("staffing: {support: [1, 2]}\n", "10"));
        assertThat(e.getMessage())
                .isEqualTo(
                        "bad.yaml:10: field 'staffing.support': gives 2 values but the horizon has 4 intervals of 60 min");
    }

    @Test
    void aPlanThatLeavesAnOpenQueueWithNoAgentIsRefusedNamingTheInterval() {
        ScenarioException e = refusal(scenario("staffing: {support: [1, 0, 1, 1]}\n", "10"));
        assertThat(e.getMessage())
                .startsWith("bad.yaml:10: field 'staffing.support': leaves queue 'support' open with no agent online")
                .contains("interval 2 (2026-11-23T09:00–10:00)");

        ScenarioException shifts =
                refusal(scenario("shifts: [{count: 1, queues: {support: 1}, from: \"08:00\", to: \"09:00\"}]\n", "10"));
        assertThat(shifts.getMessage()).startsWith("bad.yaml:10: field 'shifts': leaves queue 'support' open");
    }

    @Test
    void R7_noAgentIsNeededWhileTheQueueIsClosed() {
        Scenario s = ScenarioReader.read(
                "t.yaml",
                scenario("staffing: {support: [2, 2, 0, 0]}\n", "[10, 10, 0, 0]")
                        .replace("08:00-21:00", "08:00-10:00"));
        assertThat(s.agents()).hasSize(2);
    }

    @Test
    void badStaffingIsRefusedWithFileLineAndField() {
        assertThat(refusal(scenario("staffing: {sales: 2}\n", "10")).getMessage())
                .startsWith("bad.yaml:10: field 'staffing.sales': unknown queue or agent group 'sales'");
        assertThat(refusal(scenario("staffing: {support: [1, -1, 1, 1]}\n", "10"))
                        .getMessage())
                .startsWith("bad.yaml:10: field 'staffing.support[1]': a number of agents must not be negative");
        assertThat(refusal(scenario("staffing: {support: [1, 1.5, 1, 1]}\n", "10"))
                        .getMessage())
                .contains("field 'staffing.support': a number of agents must be a whole number");
        assertThat(refusal(scenario(
                                "agents: [{count: 2, prefix: s, queues: {support: 1}}]\nstaffing: {s: [1, 3, 1, 1]}\n",
                                "10"))
                        .getMessage())
                .contains("field 'staffing.s': the plan puts 3 agents of group 's' online but the group has 2");
        assertThat(refusal(scenario("staffing: {support: {\"8h\": 2}}\n", "10")).getMessage())
                .startsWith("bad.yaml:10: field 'staffing.support.8h': expected a time of day such as 08:00");
        assertThat(refusal(scenario(
                                "shifts: [{count: 1, queues: {support: 1}, from: \"08:00\", to: \"12:00\", days: mon-xyz}]\n",
                                "10"))
                        .getMessage())
                .startsWith("bad.yaml:10: field 'shifts[0].days': expected days such as mon-fri");
        assertThat(refusal(scenario("shifts: [{count: 1, queues: {sales: 1}, from: \"08:00\", to: \"12:00\"}]\n", "10"))
                        .getMessage())
                .startsWith("bad.yaml:10: field 'shifts[0].queues.sales': unknown queue 'sales'");
        assertThat(refusal(scenario("", "10")).getMessage())
                .isEqualTo("bad.yaml:1: field 'agents': is required (or 'staffing' or 'shifts')");
    }

    @Test
    void badRunSettingsAreRefused() {
        String base = scenario("staffing: {support: 1}\n", "10");
        assertThat(refusal(base.replace("intervals: 1h", "intervals: 0s")).getMessage())
                .isEqualTo("bad.yaml:6: field 'intervals': must be longer than zero");
        assertThat(refusal(base + "replications: 0\n").getMessage())
                .startsWith("bad.yaml:14: field 'replications': must be at least 1");
        assertThat(refusal(base + "warmup: 4h\n").getMessage())
                .isEqualTo("bad.yaml:14: field 'warmup': the warm-up must end before the horizon");
        assertThat(refusal(scenario("staffing: {support: 1}\n", "[1, 2, -3, 4]"))
                        .getMessage())
                .startsWith("bad.yaml:12: field 'load.arrivalsPerHour[2]': an arrival rate must not be negative");
        assertThat(refusal(scenario("staffing: {support: 1}\n", "[0, 0, 0, 0]")).getMessage())
                .isEqualTo("bad.yaml:12: field 'load.arrivalsPerHour': the rates must not all be zero");
    }
}
