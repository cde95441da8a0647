package dev.fila.cli;

import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioException;
import dev.fila.simulation.scenario.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What every command that runs a scenario's replications shares: the scenario file's reading (a bad
 * file is reported as {@code FILE:LINE: field 'x': message}) and the {@code --seed},
 * {@code --replications} and {@code --threads} overrides. Mixed into {@code simulate}, {@code staff}
 * and {@code validate}.
 */
final class RunOptions {

    /** The exit code of a scenario or option that cannot run: nothing was run or written. */
    static final int BAD_INPUT = 2;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Override the scenario's number of replications.")
    Integer replications;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads to run replications on (default: all cores). The results do not depend on it.")
    Integer threads;

    /** A scenario or an option that cannot run, with the message to print. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    /** Reads the scenario file and applies the overrides given on the command line. */
    Scenario scenario(Path file) throws BadInput {
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(file);
        } catch (ScenarioException e) {
            throw new BadInput(e.getMessage());
        }
        return applyTo(scenario);
    }

    /** The overrides given on the command line, applied to {@code scenario}. */
    Scenario applyTo(Scenario scenario) throws BadInput {
        Scenario result = scenario;
        if (seed != null) {
            result = result.withSeed(seed);
        }
        if (replications != null) {
            if (replications < 1) {
                throw new BadInput("--replications: must be at least 1, got " + replications);
            }
            result = result.withReplications(replications);
        }
        return result;
    }

    /** The threads to run replications on: {@code --threads}, or every core. */
    int threads() {
        return threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
    }

    /** Prints a bad input's message and returns the exit code for it. */
    static int report(BadInput bad, PrintWriter stderr) {
        stderr.println(bad.getMessage());
        stderr.flush();
        return BAD_INPUT;
    }
}
