package dev.fila.cli;

import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioException;
import dev.fila.simulation.scenario.ScenarioReader;
import dev.fila.simulation.staffing.StaffingReport;
import dev.fila.simulation.staffing.StaffingResult;
import dev.fila.simulation.staffing.StaffingSearch;
import dev.fila.simulation.staffing.StaffingStudy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fila staff SCENARIO [--precision P] [--max-agents N] [--max-replications N] [--max-chats N]
 * [--seed N] [--threads N] [--out DIR]}: the fewest agents per interval that meet the scenario's
 * service-level target under the full rules, beside Erlang C's and Erlang A's, with the reasons they
 * differ; writes {@code staffing.csv}, {@code staffing.json} and {@code plan.yaml}. Exit codes: 0 with
 * a plan; 1 when no plan up to {@code --max-agents} meets the target in some interval (named); 2 for a
 * bad scenario or option.
 */
@Command(
        name = "staff",
        description = "Find the fewest agents per interval that meet a scenario's service-level target.")
final class StaffCommand implements Callable<Integer> {

    static final int CANNOT_MEET = 1;
    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenarioFile;

    @Option(
            names = "--precision",
            paramLabel = "P",
            defaultValue = "0.02",
            description = "Add replications until each open interval's service level has a 95%% half-width"
                    + " below P (default ${DEFAULT-VALUE}).")
    double precision;

    @Option(
            names = "--max-replications",
            paramLabel = "N",
            defaultValue = "200",
            description = "At most this many replications per plan (default ${DEFAULT-VALUE}).")
    int maxReplications;

    @Option(
            names = "--max-agents",
            paramLabel = "N",
            defaultValue = "200",
            description = "The most agents per interval and queue (default ${DEFAULT-VALUE}).")
    int maxAgents;

    @Option(
            names = "--max-chats",
            paramLabel = "N",
            description = "Plan in agents of this many chats at once (default: the scenario's usual agent).")
    Integer maxChats;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads to simulate on (default: all cores). The result does not depend on it.")
    Integer threads;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write staffing.csv, staffing.json and plan.yaml (default out/<scenario>-staffing).")
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
            return BAD_INPUT;
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        StaffingSearch.Options search;
        try {
            if (maxChats != null && maxChats < 1) {
                throw new IllegalArgumentException("--max-chats must be at least 1, got " + maxChats);
            }
            search = new StaffingSearch.Options(
                    precision, Math.min(10, maxReplications), 10, maxReplications, maxAgents);
        } catch (IllegalArgumentException e) {
            stderr.println(
                    "bad option: " + e.getMessage() + " (--precision > 0, --max-replications >= 2, --max-agents >= 1)");
            stderr.flush();
            return BAD_INPUT;
        }
        int cores =
                threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        IntConsumer progress = System.console() != null ? progress(stderr) : n -> {};
        long began = System.nanoTime();
        StaffingResult result = StaffingStudy.run(
                scenario, new StaffingStudy.Options(search, cores, maxChats == null ? 0 : maxChats), progress);
        if (System.console() != null) {
            stderr.println();
        }
        Path dir = out != null ? out : Path.of("out", scenario.name() + "-staffing");
        StaffingReport.write(result, dir);
        stdout.print(StaffingReport.text(result));
        stdout.println(String.format(
                Locale.ROOT,
                "written: %s, staffing.json, plan.yaml (%.1f s)",
                dir.resolve("staffing.csv"),
                (System.nanoTime() - began) / 1e9));
        stdout.flush();
        return result.feasible() ? 0 : CANNOT_MEET;
    }

    /** A running count redrawn in place on stderr (the number of plans to try is not known ahead). */
    private static IntConsumer progress(PrintWriter stderr) {
        return done -> {
            synchronized (stderr) {
                stderr.print("\rsearching: " + done + " replications simulated");
                stderr.flush();
            }
        };
    }
}
