package dev.fila.cli;

import dev.fila.simulation.ResultWriter;
import dev.fila.simulation.Simulation;
import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioException;
import dev.fila.simulation.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fila simulate SCENARIO [--seed N] [--out FILE]}: runs a scenario file on the virtual-time
 * kernel, prints a short summary and writes the JSON result (and the per-request CSV beside it).
 * A scenario that cannot run prints {@code FILE:LINE: field 'x': message} and exits with 2.
 */
@Command(name = "simulate", description = "Run a scenario file on the virtual-time kernel.")
final class SimulateCommand implements Callable<Integer> {

    static final int BAD_SCENARIO = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the JSON result (default out/<scenario-name>/summary.json).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(scenarioFile);
        } catch (ScenarioException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return BAD_SCENARIO;
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        SimulationResult r = Simulation.run(scenario);
        Path file = out != null ? out : Path.of("out", scenario.name(), "summary.json");
        ResultWriter.write(r, file);
        stdout.println(String.format(
                Locale.ROOT,
                "scenario %s, seed %d, %.1f h simulated",
                r.scenario(),
                r.seed(),
                r.horizonMillis() / 3.6e6));
        stdout.println(String.format(
                Locale.ROOT,
                "service level     %.1f%% answered within %ds (target %.0f%%)%s",
                100 * r.serviceLevel(),
                r.answerWithinMillis() / 1000,
                100 * r.serviceLevelTarget(),
                r.serviceLevel() >= r.serviceLevelTarget() ? "" : "  MISSED"));
        stdout.println(
                String.format(Locale.ROOT, "average wait      %.1f s (ASA)", r.averageSpeedOfAnswerMillis() / 1000));
        stdout.println(String.format(
                Locale.ROOT, "abandonment       %.1f%% (%d left)", 100 * r.abandonmentRate(), r.abandoned()));
        stdout.println(String.format(
                Locale.ROOT,
                "served            %d of %d arrivals (%d expired, %d rejected, %d still waiting)",
                r.served(),
                r.arrivals(),
                r.expired(),
                r.rejected(),
                r.waitingAtEnd()));
        stdout.println(String.format(
                Locale.ROOT,
                "penalties         %d invitations ran out, %d penalties applied",
                r.invitationsExpired(),
                r.penaltiesApplied()));
        stdout.println(String.format(
                Locale.ROOT,
                "agent occupancy   %.1f%%; longest wait %.0f s",
                100 * r.agentOccupancy(),
                r.longestWaitMillis() / 1000.0));
        stdout.println(String.format(
                Locale.ROOT, "kernel            %d events, %.0f events/s", r.eventsProcessed(), r.eventsPerSecond()));
        stdout.println("written           " + file);
        stdout.flush();
        return 0;
    }
}
