package dev.fila.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    private static final String GOOD = """
            name: t
            seed: 1
            start: 2026-11-23T08:00
            horizon: 1h
            timeZone: America/Sao_Paulo
            queues:
              - id: support
                channels: [chat, voice]
                acceptTimeout: 5m
            agents:
              - {id: ana, queues: {support: 2}, maxChats: 4}
              - {count: 3, prefix: agent, queues: {support: 1}, maxChats: 1}
            load:
              arrivalsPerHour: 40
              handleTime: {lognormal: {mean: 3m, sd: 3m}}
              patience: {exponential: 10m}
              channelMix: {chat: 0.8, voice: 0.2}
            """;

    private static ScenarioException refusal(String text) {
        try {
            ScenarioReader.read("bad.yaml", text);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void readsAGoodScenario() {
        Scenario s = ScenarioReader.read("good.yaml", GOOD);
        assertThat(s.agents())
                .extracting(Scenario.AgentSpec::id)
                .containsExactly("ana", "agent-1", "agent-2", "agent-3");
        assertThat(s.queues().get(0).channels()).containsExactlyInAnyOrder(Channel.CHAT, Channel.VOICE);
        assertThat(s.horizonMillis()).isEqualTo(3_600_000);
        assertThat(s.load().handleTime()).isEqualTo(new Distribution.LogNormal(180_000, 180_000));
        assertThat(s.serviceLevel().answerWithinMillis()).isEqualTo(20_000);
    }

    @Test
    void readsTheQuickstartFile() {
        Scenario s = ScenarioReader.read(Path.of("scenarios", "quickstart.yaml"));
        assertThat(s.name()).isEqualTo("quickstart");
        assertThat(s.agents()).hasSize(6);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        ScenarioException e = refusal(GOOD.replace("  patience:", "  patients:"));
        assertThat(e.getMessage()).startsWith("bad.yaml:16: field 'load.patients': unknown key");
    }

    @Test
    void aBadDurationIsNamedWithItsLine() {
        assertThat(refusal(GOOD.replace("acceptTimeout: 5m", "acceptTimeout: 5 minutes"))
                        .getMessage())
                .startsWith("bad.yaml:9: field 'queues[0].acceptTimeout': expected a duration");
        assertThat(refusal(GOOD.replace("horizon: 1h", "horizon: -1h")).getMessage())
                .isEqualTo("bad.yaml:4: field 'horizon': a duration must not be negative, got '-1h'");
    }

    @Test
    void anUnknownQueueIsNamedWithItsLine() {
        assertThat(refusal(GOOD.replace("{support: 2}", "{sales: 2}")).getMessage())
                .startsWith("bad.yaml:11: field 'agents[0].queues.sales': unknown queue 'sales'");
    }

    @Test
    void aNegativeCountIsNamedWithItsLine() {
        assertThat(refusal(GOOD.replace("count: 3", "count: -3")).getMessage())
                .isEqualTo("bad.yaml:12: field 'agents[1].count': must be at least 1, got -3");
    }

    @Test
    void emptyAgentsAreRefused() {
        String text = GOOD.replaceAll("(?s)agents:.*?load:", "agents: []\nload:");
        assertThat(refusal(text).getMessage()).isEqualTo("bad.yaml:10: field 'agents': at least one agent is required");
    }

    @Test
    void wrongTypesAndMissingFieldsAreRefused() {
        assertThat(refusal(GOOD.replace("seed: 1", "seed: [1]")).getMessage())
                .startsWith("bad.yaml:2: field 'seed': expected a whole number, got a list");
        assertThat(refusal(GOOD.replace("name: t\n", "")).getMessage())
                .isEqualTo("bad.yaml:1: field 'name': is required");
        assertThat(refusal(GOOD.replace("chat: 0.8, voice: 0.2", "chat: 0.8, video: 0.2"))
                        .getMessage())
                .contains("field 'load.channelMix'")
                .contains("does not take video");
    }

    @Test
    void badHoursAndSyntaxErrorsNameTheirLine() {
        String hours = GOOD.replace(
                "channels: [chat, voice]", "channels: [chat, voice]\n    hours: {mon-fri: \"25:00-21:00\"}");
        assertThat(refusal(hours).getMessage()).startsWith("bad.yaml:9: field 'queues[0].hours': ");
        assertThat(refusal("name: [unclosed\nseed: 1\n").getMessage()).startsWith("bad.yaml:");
    }
}
