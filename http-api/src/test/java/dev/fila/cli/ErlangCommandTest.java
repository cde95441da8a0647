package dev.fila.cli;

import static dev.fila.cli.CliRun.fila;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fila.simulation.erlang.ErlangA;
import dev.fila.simulation.erlang.ErlangC;
import dev.fila.simulation.erlang.ErlangResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErlangCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void erlangCPrintsItsFiguresAloneAsJsonInAStableOrder() throws Exception {
        CliRun run = fila(
                "erlang",
                "c",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--agents",
                "6",
                "--answer-within-seconds",
                "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json(); // the whole of stdout parses: nothing else is printed
        assertThat(fieldNames(json))
                .containsExactly(
                        "model",
                        "arrivalsPerHour",
                        "handleSeconds",
                        "answerWithinSeconds",
                        "agents",
                        "offeredLoadErlangs",
                        "serviceLevel",
                        "probabilityOfWait",
                        "averageSpeedOfAnswerSeconds",
                        "abandonmentRate",
                        "occupancy");
        ErlangResult expected = ErlangC.evaluate(100, 180, 6, 20);
        assertThat(json.get("model").asText()).isEqualTo("C");
        assertThat(json.get("agents").asInt()).isEqualTo(6);
        assertThat(json.get("serviceLevel").asDouble()).isCloseTo(expected.serviceLevel(), within(1e-15));
        assertThat(json.get("probabilityOfWait").asDouble()).isCloseTo(expected.probabilityOfWait(), within(1e-15));
        assertThat(json.get("averageSpeedOfAnswerSeconds").asDouble())
                .isCloseTo(expected.averageSpeedOfAnswerSeconds(), within(1e-12));
        assertThat(json.get("occupancy").asDouble()).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(json.get("abandonmentRate").asDouble()).isZero();
    }

    @Test
    void theReadmesErlangAExampleIsWhatTheCommandPrints() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Erlang C and Erlang A"));
        String shown = section.substring(
                section.indexOf("```json") + "```json".length(),
                section.indexOf("```", section.indexOf("```json") + 7));
        CliRun run = fila(
                "erlang",
                "a",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--patience-seconds",
                "300",
                "--agents",
                "6",
                "--answer-within-seconds",
                "20");

        assertThat(section)
                .contains(
                        "./fila erlang a --arrivals-per-hour 100 --handle-seconds 180 --patience-seconds 300 --agents 6 --answer-within-seconds 20");
        assertThat(run.json()).isEqualTo(JSON.readTree(shown));
    }

    @Test
    void erlangAWithATargetFindsTheFewestAgentsThatMeetIt() throws Exception {
        CliRun run = fila(
                "erlang",
                "a",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--patience-seconds",
                "300",
                "--target-service-level",
                "0.8",
                "--answer-within-seconds",
                "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("model").asText()).isEqualTo("A");
        assertThat(json.get("patienceSeconds").asDouble()).isEqualTo(300);
        assertThat(json.get("targetServiceLevel").asDouble()).isEqualTo(0.8);
        int n = json.get("agents").asInt();
        assertThat(json.get("serviceLevel").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangA.evaluate(100, 180, 300, n - 1, 20).serviceLevel()).isLessThan(0.8);
        assertThat(json.get("abandonmentRate").asDouble())
                .isCloseTo(ErlangA.evaluate(100, 180, 300, n, 20).abandonmentRate(), within(1e-15));
    }

    @Test
    void erlangAWithAnAbandonmentCeilingStaffsForBoth() throws Exception {
        CliRun run = fila(
                "erlang",
                "a",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--patience-seconds",
                "300",
                "--target-service-level",
                "0.5",
                "--max-abandonment-rate",
                "0.01",
                "--answer-within-seconds",
                "20");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("maxAbandonmentRate").asDouble()).isEqualTo(0.01);
        assertThat(json.get("abandonmentRate").asDouble()).isLessThanOrEqualTo(0.01);
        int n = json.get("agents").asInt();
        assertThat(ErlangA.evaluate(100, 180, 300, n - 1, 20).abandonmentRate()).isGreaterThan(0.01);
    }

    @Test
    void anUnstableErlangCSaysItsWaitsAreUnboundedInsteadOfPrintingFigures() {
        CliRun run = fila(
                "erlang",
                "c",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--agents",
                "5",
                "--answer-within-seconds",
                "20");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unstable").contains("5 agents").contains("grows without bound");
    }

    @Test
    void aTargetNoStaffingUpToTheMaximumMeetsIsSaid() {
        CliRun run = fila(
                "erlang",
                "c",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--target-service-level",
                "0.8",
                "--answer-within-seconds",
                "20",
                "--max-agents",
                "6");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no staffing up to --max-agents 6 meets a service level of 0.8");
    }

    @Test
    void badOrMissingOptionsAreNamedAndExitWithTwo() {
        String[] base = {"erlang", "c", "--arrivals-per-hour", "100", "--answer-within-seconds", "20"};

        CliRun negative = fila(concat(base, "--handle-seconds", "-3", "--agents", "6"));
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("option '--handle-seconds': must be a finite number > 0, got -3.0");

        CliRun missing = fila(concat(base, "--agents", "6"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--handle-seconds");

        CliRun both = fila(concat(base, "--handle-seconds", "180", "--agents", "6", "--target-service-level", "0.8"));
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err())
                .contains("--agents")
                .contains("--target-service-level")
                .contains("mutually exclusive");

        CliRun neither = fila(concat(base, "--handle-seconds", "180"));
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--agents").contains("--target-service-level");

        CliRun notANumber = fila(concat(base, "--handle-seconds", "three minutes", "--agents", "6"));
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("'--handle-seconds'").contains("three minutes");

        CliRun noAgents = fila(concat(base, "--handle-seconds", "180", "--agents", "0"));
        assertThat(noAgents.exitCode()).isEqualTo(2);
        assertThat(noAgents.err()).contains("option '--agents': must be at least 1");

        CliRun badTarget = fila(concat(base, "--handle-seconds", "180", "--target-service-level", "80"));
        assertThat(badTarget.exitCode()).isEqualTo(2);
        assertThat(badTarget.err()).contains("option '--target-service-level': must lie in (0, 1]");

        CliRun noPatience = fila(
                "erlang",
                "a",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--agents",
                "6",
                "--answer-within-seconds",
                "20");
        assertThat(noPatience.exitCode()).isEqualTo(2);
        assertThat(noPatience.err()).contains("--patience-seconds");

        CliRun zeroPatience = fila(
                "erlang",
                "a",
                "--arrivals-per-hour",
                "100",
                "--handle-seconds",
                "180",
                "--agents",
                "6",
                "--answer-within-seconds",
                "20",
                "--patience-seconds",
                "0");
        assertThat(zeroPatience.exitCode()).isEqualTo(2);
        assertThat(zeroPatience.err()).contains("option '--patience-seconds': must be a finite number > 0");

        CliRun noModel = fila("erlang");
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("'erlang c' or 'erlang a'");

        for (CliRun r :
                List.of(negative, missing, both, neither, notANumber, noAgents, badTarget, noPatience, zeroPatience)) {
            assertThat(r.out()).isEmpty();
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
