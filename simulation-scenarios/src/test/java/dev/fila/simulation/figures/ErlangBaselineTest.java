package dev.fila.simulation.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fila.simulation.Replications;
import dev.fila.simulation.erlang.ErlangA;
import dev.fila.simulation.erlang.ErlangC;
import dev.fila.simulation.erlang.ErlangResult;
import dev.fila.simulation.erlang.StaffingTarget;
import dev.fila.simulation.report.ReportWriter;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Erlang C and A beside every simulation: per queue and interval, at the agents online at the
 * interval's midpoint (R4 shifts), with the queue's business hours (R7) and the chat slots (R2).
 */
class ErlangBaselineTest {

    /** Three hours: two always-online three-chat agents, three one-chat agents from 08:45, closed at 10:00. */
    private static final String YAML = """
            name: erlang-beside
            seed: 3
            start: 2026-11-23T08:00
            horizon: 3h
            timeZone: UTC
            intervals: 1h
            replications: 2
            queues:
              - id: support
                channels: [chat]
                hours: {mon-fri: "08:00-10:00"}
            agents:
              - {count: 2, prefix: day, queues: {support: 1}, maxChats: 3}
            shifts:
              - {count: 3, prefix: mid, queues: {support: 1}, maxChats: 1, from: "08:45", to: "11:00"}
            load:
              arrivalsPerHour: [60, 90, 60]
              handleTime: {exponential: 2m}
              patience: {exponential: 5m}
              acceptDelay: {constant: 1s}
              channelMix: {chat: 1.0}
            serviceLevel: {answerWithin: 20s, target: 0.8}
            """;

    private static final Scenario SCENARIO = ScenarioReader.read("erlang-beside.yaml", YAML);
    private static final StaffingTarget TARGET = StaffingTarget.serviceLevel(20, 0.8);
    private static final ErlangBaseline BASE = ErlangBaseline.of(SCENARIO);

    private static double at(int interval, ErlangMetric m) {
        return BASE.interval("support", interval, m);
    }

    @Test
    void theAgentsAreThoseOnlineAtTheIntervalsMidpointAndTheSlotsCountMaxChats_R2_R4() {
        // 08:30: only the two day agents; 09:30 and 10:30: the three from 08:45 too
        assertThat(at(0, ErlangMetric.AGENTS_ONLINE)).isEqualTo(2);
        assertThat(at(0, ErlangMetric.CHAT_SLOTS_ONLINE)).isEqualTo(2 * 3);
        assertThat(at(1, ErlangMetric.AGENTS_ONLINE)).isEqualTo(5);
        assertThat(at(1, ErlangMetric.CHAT_SLOTS_ONLINE)).isEqualTo(2 * 3 + 3);
    }

    @Test
    void theColumnsAreErlangCAndErlangAAtTheActualStaffing() {
        ErlangResult c = ErlangC.evaluate(90, 120, 5, 20);
        assertThat(at(1, ErlangMetric.ARRIVALS_PER_HOUR)).isEqualTo(90);
        assertThat(at(1, ErlangMetric.OFFERED_LOAD_ERLANGS)).isCloseTo(3, within(1e-12));
        assertThat(at(1, ErlangMetric.ERLANG_C_SERVICE_LEVEL)).isEqualTo(c.serviceLevel());
        assertThat(at(1, ErlangMetric.ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS))
                .isEqualTo(c.averageSpeedOfAnswerSeconds());
        assertThat(at(1, ErlangMetric.ERLANG_C_OCCUPANCY)).isEqualTo(c.occupancy());
        assertThat(at(1, ErlangMetric.ERLANG_C_SERVICE_LEVEL_AT_CHAT_SLOTS))
                .isEqualTo(ErlangC.evaluate(90, 120, 9, 20).serviceLevel());
        assertThat(at(1, ErlangMetric.ERLANG_C_AGENTS_NEEDED))
                .isEqualTo(ErlangC.fewestAgents(90, 120, TARGET, 1000).getAsInt());

        ErlangResult a = ErlangA.evaluate(90, 120, 300, 5, 20);
        assertThat(at(1, ErlangMetric.ERLANG_A_SERVICE_LEVEL)).isEqualTo(a.serviceLevel());
        assertThat(at(1, ErlangMetric.ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS))
                .isEqualTo(a.averageSpeedOfAnswerSeconds());
        assertThat(at(1, ErlangMetric.ERLANG_A_ABANDONMENT_RATE)).isEqualTo(a.abandonmentRate());
        assertThat(at(1, ErlangMetric.ERLANG_A_AGENTS_NEEDED))
                .isEqualTo(ErlangA.fewestAgents(90, 120, 300, TARGET, 1000).getAsInt());
    }

    @Test
    void anUnderstaffedIntervalIsUnstableForErlangCButNotForErlangA() {
        // 60/h of 2 minutes is 2 Erlangs on 2 agents
        assertThat(at(0, ErlangMetric.ERLANG_C_SERVICE_LEVEL)).isZero();
        assertThat(at(0, ErlangMetric.ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS)).isInfinite();
        assertThat(BASE.erlangCUnstableIntervals("support")).isEqualTo(1);
        assertThat(at(0, ErlangMetric.ERLANG_A_SERVICE_LEVEL))
                .isEqualTo(ErlangA.evaluate(60, 120, 300, 2, 20).serviceLevel());
        assertThat(at(0, ErlangMetric.ERLANG_C_SERVICE_LEVEL_AT_CHAT_SLOTS))
                .isEqualTo(ErlangC.evaluate(60, 120, 6, 20).serviceLevel());
    }

    @Test
    void R7_aClosedIntervalHasNoArrivalsForErlangAndNeedsNoAgents() {
        assertThat(at(2, ErlangMetric.ARRIVALS_PER_HOUR)).isZero();
        assertThat(at(2, ErlangMetric.ERLANG_C_AGENTS_NEEDED)).isZero();
        assertThat(at(2, ErlangMetric.ERLANG_A_AGENTS_NEEDED)).isZero();
        assertThat(at(2, ErlangMetric.ERLANG_C_SERVICE_LEVEL)).isNaN();
        assertThat(at(2, ErlangMetric.AGENTS_ONLINE)).isEqualTo(5);
        assertThat(at(2, ErlangMetric.ERLANG_C_OCCUPANCY)).as("idle agents").isZero();
    }

    @Test
    void overallRatiosAreWeightedByArrivalsAndCountsAreTimeMeans() {
        double sl = (60 * at(0, ErlangMetric.ERLANG_A_SERVICE_LEVEL) + 90 * at(1, ErlangMetric.ERLANG_A_SERVICE_LEVEL))
                / 150;
        assertThat(BASE.overall("support", ErlangMetric.ERLANG_A_SERVICE_LEVEL)).isCloseTo(sl, within(1e-12));
        double answered0 = 60 * (1 - at(0, ErlangMetric.ERLANG_A_ABANDONMENT_RATE));
        double answered1 = 90 * (1 - at(1, ErlangMetric.ERLANG_A_ABANDONMENT_RATE));
        double asa = (answered0 * at(0, ErlangMetric.ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS)
                        + answered1 * at(1, ErlangMetric.ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS))
                / (answered0 + answered1);
        assertThat(BASE.overall("support", ErlangMetric.ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS))
                .isCloseTo(asa, within(1e-9));
        assertThat(BASE.overall("support", ErlangMetric.AGENTS_ONLINE)).isCloseTo((2 + 5 + 5) / 3.0, within(1e-12));
        // one unstable interval makes Erlang C's overall ASA unbounded
        assertThat(BASE.overall("support", ErlangMetric.ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS))
                .isInfinite();
        // one queue: the row of all queues is the queue's
        for (int m = 0; m < ErlangMetric.count(); m++) {
            assertThat(Double.valueOf(BASE.overall(ReplicationFigures.ALL, ErlangMetric.of(m))))
                    .as(ErlangMetric.of(m).key())
                    .isEqualTo(Double.valueOf(BASE.overall("support", ErlangMetric.of(m))));
        }
    }

    @Test
    void withoutPatienceThereIsNoErlangA() {
        Scenario noPatience =
                ScenarioReader.read("no-patience.yaml", YAML.replace("  patience: {exponential: 5m}\n", ""));
        ErlangBaseline b = ErlangBaseline.of(noPatience);
        assertThat(b.withAbandonment()).isFalse();
        assertThat(b.series("support", ErlangMetric.ERLANG_A_SERVICE_LEVEL)).containsOnly(Double.NaN);
        assertThat(b.interval("support", 1, ErlangMetric.ERLANG_C_SERVICE_LEVEL))
                .isEqualTo(ErlangC.evaluate(90, 120, 5, 20).serviceLevel());
    }

    @Test
    void intervalsCsvAndSummaryJsonCarryTheErlangFigures() throws Exception {
        RunSummary s = Replications.run(SCENARIO, 2, done -> {});
        List<String> lines = ReportWriter.intervalsCsv(s).lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        assertThat(header)
                .contains(
                        "erlang_c_agents_needed",
                        "erlang_c_service_level",
                        "erlang_c_average_speed_of_answer_seconds",
                        "erlang_a_agents_needed",
                        "erlang_a_service_level",
                        "erlang_a_abandonment_rate",
                        "erlang_agents_online",
                        "erlang_chat_slots_online");
        String[] row = lines.stream()
                .filter(l -> l.startsWith("2,") && l.contains(",support,"))
                .findFirst()
                .orElseThrow()
                .split(",", -1);
        assertThat(Double.parseDouble(row[header.indexOf("erlang_c_service_level")]))
                .isCloseTo(ErlangC.evaluate(90, 120, 5, 20).serviceLevel(), within(1e-6));
        assertThat(Double.parseDouble(row[header.indexOf("erlang_a_abandonment_rate")]))
                .isCloseTo(ErlangA.evaluate(90, 120, 300, 5, 20).abandonmentRate(), within(1e-6));
        assertThat(Integer.parseInt(row[header.indexOf("erlang_c_agents_needed")]))
                .isEqualTo(ErlangC.fewestAgents(90, 120, TARGET, 1000).getAsInt());
        // an undefined figure is an empty cell: the closed interval's service level
        String[] closed = lines.stream()
                .filter(l -> l.startsWith("3,") && l.contains(",support,"))
                .findFirst()
                .orElseThrow()
                .split(",", -1);
        assertThat(closed[header.indexOf("erlang_c_service_level")]).isEmpty();

        JsonNode erlang = new ObjectMapper().readTree(ReportWriter.json(s)).get("erlang");
        assertThat(erlang.get("withAbandonment").asBoolean()).isTrue();
        assertThat(erlang.get("erlangCUnstableIntervals").asInt()).isEqualTo(1);
        assertThat(erlang.get("overall").get("erlangAServiceLevel").asDouble())
                .isCloseTo(BASE.overall(ReplicationFigures.ALL, ErlangMetric.ERLANG_A_SERVICE_LEVEL), within(1e-6));
        assertThat(erlang.get("overall")
                        .get("erlangCAverageSpeedOfAnswerSeconds")
                        .isNull())
                .isTrue();
        assertThat(erlang.get("queues").get(0).get("id").asText()).isEqualTo("support");
    }
}
