package dev.fila.cli;

import dev.fila.simulation.Replications;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.report.ReportExtras;
import dev.fila.simulation.report.ReportWriter;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioException;
import dev.fila.simulation.scenario.ScenarioReader;
import dev.fila.simulation.scenario.StaffingFile;
import dev.fila.simulation.validation.RealFigures;
import dev.fila.simulation.validation.Validation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fila validate SCENARIO [--staffing STAFF.csv] [--column agents|agents_distinct|agents_busy]
 * [--replications N] [--seed N] [--threads N] [--out DIR]}: replays a scenario whose load is a
 * recorded trace, computes the figures that really happened from the same trace, and prints and
 * writes them side by side with the error, per hour of the day and overall ({@code
 * validation-hours.csv}), per interval ({@code validation-intervals.csv}), beside the usual reports.
 * {@code --staffing} and {@code --column} replace the scenario's recorded staffing (to see how much the
 * result depends on how the staffing was derived). Exit 2 for a scenario that cannot run or replays no
 * trace.
 */
@Command(
        name = "validate",
        description = {
            "Replay a recorded trace with its recorded staffing and put the simulated service level, average wait"
                    + " and abandonment beside the real ones."
        })
final class ValidateCommand implements Callable<Integer> {

    static final int BAD_SCENARIO = RunOptions.BAD_INPUT;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario whose load is a trace (load.trace).")
    Path scenarioFile;

    @Option(
            names = "--staffing",
            paramLabel = "STAFF.csv",
            description = "Use this recorded staffing instead of the scenario's (relative to the working directory).")
    Path staffing;

    @Option(
            names = "--column",
            paramLabel = "COLUMN",
            description = "The staffing column: agents, agents_distinct or agents_busy (default: the scenario's).")
    String column;

    @Mixin
    RunOptions run;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write (default out/<scenario-name>-validation).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Scenario scenario;
        String staffingNote;
        try {
            scenario = ScenarioReader.read(scenarioFile);
            if (!scenario.load().replaysTrace()) {
                stderr.println(scenarioFile + ": the load is generated, not a trace (load.trace): nothing to validate");
                stderr.flush();
                return BAD_SCENARIO;
            }
            staffingNote = "the scenario's staffing";
            if (staffing != null || column != null) {
                String col = column == null ? "agents" : column;
                if (!StaffingFile.COUNT_COLUMNS.contains(col)) {
                    stderr.println("--column: expected one of " + String.join(", ", StaffingFile.COUNT_COLUMNS)
                            + ", got '" + col + "'");
                    stderr.flush();
                    return BAD_SCENARIO;
                }
                if (staffing == null) {
                    stderr.println("--column needs --staffing (the staffing file to read it from)");
                    stderr.flush();
                    return BAD_SCENARIO;
                }
                Set<String> queues = new LinkedHashSet<>();
                scenario.queues().forEach(q -> queues.add(q.queueId()));
                int maxChats = scenario.agents().isEmpty()
                        ? 1
                        : scenario.agents().get(0).maxChats();
                StaffingFile recorded = StaffingFile.read(
                        staffing,
                        staffing.toString(),
                        col,
                        scenario.timeZone(),
                        scenario.startMillis(),
                        scenario.horizonMillis(),
                        scenario.intervalMillis(),
                        queues);
                scenario = scenario.withAgents(recorded.agents(maxChats));
                staffingNote = staffing + " column " + col;
            }
        } catch (ScenarioException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return BAD_SCENARIO;
        }
        try {
            scenario = run.applyTo(scenario);
        } catch (RunOptions.BadInput bad) {
            return RunOptions.report(bad, stderr);
        }
        long began = System.nanoTime();
        RunSummary simulated = Replications.run(scenario, run.threads(), done -> {});
        double seconds = (System.nanoTime() - began) / 1e9;
        Validation v = Validation.of(simulated, RealFigures.of(scenario));
        Path dir = out != null ? out : Path.of("out", scenario.name() + "-validation");
        ReportWriter.write(simulated, ReportExtras.none(), dir);
        v.writeCsv(dir);
        stdout.println(String.format(
                Locale.ROOT,
                "scenario %s, %s; %d replication(s), seed %d, %.1f s; ± is the 95%% confidence half-width",
                scenario.name(),
                staffingNote,
                scenario.replications(),
                scenario.seed(),
                seconds));
        stdout.print(v.table());
        stdout.println(String.format(
                Locale.ROOT,
                "per interval (>= 10 calls): mean |error| service level %.1f pt, ASA %.0f s, abandonment %.1f pt",
                100 * v.meanAbsoluteError(Validation.Figure.SERVICE_LEVEL, 10),
                v.meanAbsoluteError(Validation.Figure.AVERAGE_SPEED_OF_ANSWER_SECONDS, 10),
                100 * v.meanAbsoluteError(Validation.Figure.ABANDONMENT_RATE, 10)));
        stdout.println("written           " + dir.resolve("validation-intervals.csv")
                + ", validation-hours.csv, summary.json, intervals.csv, report.html");
        stdout.flush();
        return 0;
    }
}
