package dev.fila.cli;

import static dev.fila.cli.CliRun.fila;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffCommandTest {

    private static final String SCENARIO = """
            name: small-desk
            seed: 3
            start: 2026-11-23T08:00
            horizon: 4h
            timeZone: UTC
            intervals: 1h
            queues:
              - id: chat
                hours: {mon-fri: "08:00-11:00"}
            staffing:
              chat: {plan: [1, 1, 1, 0], maxChats: 2}
            load:
              arrivalsPerHour: [20, 40, 30, 30]
              handleTime: {exponential: 5m}
              patience: {exponential: 10m}
              acceptDelay: {constant: %s}
              priorityShare: 0.1
            serviceLevel: {answerWithin: 20s, target: 0.8}
            """;

    @Test
    void printsThePlanBesideErlangsWithTheReasonsAndWritesFilesWhosePlanPastesBackIntoTheScenario(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("desk.yaml");
        Files.writeString(file, SCENARIO.formatted("2s"));
        Path out = dir.resolve("out");

        CliRun run = fila(
                "staff", file.toString(), "--precision", "0.05", "--max-replications", "30", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("judged by the mean of")
                .contains("up to 2 chat(s) at once")
                .containsPattern("interval +arrivals/h +ErlangC +ErlangA +Fila +service level")
                .contains("11:00")
                .contains("closed (R7)")
                .contains("agent-hours")
                .contains("why they differ")
                .contains("chats at once (R2)")
                .contains("business hours (R7): 1 of 4 intervals closed")
                .contains("invitations (R11)")
                .contains("priorities (R19)");
        assertThat(Files.readString(out.resolve("staffing.csv")))
                .startsWith("queue,intervalStart,open,arrivalsPerHour");
        String json = Files.readString(out.resolve("staffing.json"));
        assertThat(json).contains("\"feasible\" : true").contains("\"judgedBy\" : \"mean over replications\"");

        String plan = Files.readString(out.resolve("plan.yaml"));
        assertThat(plan).containsPattern("staffing:\n  chat: \\{plan: \\[\\d+, \\d+, \\d+, 0], maxChats: 2}");
        String pasted =
                SCENARIO.formatted("2s").replaceAll("staffing:\n  chat: .*\n", plan.replaceAll("(?m)^#.*\n", ""));
        Scenario back = ScenarioReader.read("pasted.yaml", pasted);
        assertThat(back.agents()).isNotEmpty().allSatisfy(a -> assertThat(a.maxChats())
                .isEqualTo(2));

        Path again = dir.resolve("again");
        fila(
                "staff",
                file.toString(),
                "--precision",
                "0.05",
                "--max-replications",
                "30",
                "--threads",
                "1",
                "--out",
                again.toString());
        assertThat(Files.readString(again.resolve("staffing.json"))).isEqualTo(json);
    }

    @Test
    void aTargetNoStaffingCanMeetIsNamedWithExitCode1_R11(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("slow-accept.yaml");
        // customers take 30 s to accept an invitation (R11/R12): nobody is answered within 20 s
        Files.writeString(file, SCENARIO.formatted("30s"));
        Path out = dir.resolve("out");

        CliRun run = fila(
                "staff", file.toString(), "--max-agents", "5", "--max-replications", "10", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("CANNOT MEET THE TARGET: queue chat, interval 08:00 misses it even with 5 agents");
        assertThat(Files.readString(out.resolve("staffing.json"))).contains("\"feasible\" : false");
    }

    @Test
    void aBadScenarioIsRefusedWithFileLineAndFieldAndExitCode2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file,
                SCENARIO.formatted("2s").replace("handleTime: {exponential: 5m}", "handleTime: {exponential: -5m}"));

        CliRun run = fila("staff", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml:").contains("load.handleTime");
        assertThat(fila("staff", file.toString().replace("bad", "nope"), "--precision", "0")
                        .exitCode())
                .isEqualTo(2);
    }
}
