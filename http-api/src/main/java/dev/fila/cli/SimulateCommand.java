package dev.fila.cli;

import dev.fila.simulation.Replications;
import dev.fila.simulation.figures.ErlangBaseline;
import dev.fila.simulation.figures.ErlangMetric;
import dev.fila.simulation.figures.Estimate;
import dev.fila.simulation.figures.EtaEstimate;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.report.ReportWriter;
import dev.fila.simulation.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fila simulate SCENARIO [--seed N] [--replications N] [--threads N] [--out DIR]}: runs a
 * scenario's replications in parallel on the virtual-time kernel, prints the overall figures with
 * their 95% confidence intervals beside Erlang C's and Erlang A's, and the ETA predictors ranked by
 * their error (R8), and writes {@code summary.json}, {@code intervals.csv},
 * {@code report.html} and {@code requests.csv} into the output folder. A progress bar goes to stderr
 * when a console is attached. A scenario that cannot run prints {@code FILE:LINE: field 'x': message}
 * and exits with 2; nothing is run or written.
 */
@Command(name = "simulate", description = "Run a scenario file on the virtual-time kernel.")
final class SimulateCommand implements Callable<Integer> {

    static final int BAD_SCENARIO = RunOptions.BAD_INPUT;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (YAML).")
    Path scenarioFile;

    @Mixin
    RunOptions run;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Where to write the reports (default out/<scenario-name>).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = run.scenario(scenarioFile);
        } catch (RunOptions.BadInput bad) {
            return RunOptions.report(bad, stderr);
        }
        IntConsumer progress = System.console() != null ? progressBar(stderr, scenario.replications()) : done -> {};
        RunSummary s = Replications.run(scenario, run.threads(), progress);
        Path dir = out != null ? out : Path.of("out", scenario.name());
        ReportWriter.write(s, dir);
        print(stdout, s, dir);
        return 0;
    }

    /** A bar redrawn in place on stderr; only used when a console is attached. */
    private static IntConsumer progressBar(PrintWriter stderr, int total) {
        return done -> {
            synchronized (stderr) {
                int width = 30;
                int filled = (int) ((long) width * done / total);
                stderr.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
                        + " replications");
                if (done == total) {
                    stderr.println();
                }
                stderr.flush();
            }
        };
    }

    private static void print(PrintWriter stdout, RunSummary s, Path dir) {
        Scenario sc = s.scenario();
        String all = ReplicationFigures.ALL;
        stdout.println(String.format(
                Locale.ROOT,
                "scenario %s, seed %d, %.1f h simulated, %d replication(s); ± is the 95%% confidence half-width",
                sc.name(),
                sc.seed(),
                sc.horizonMillis() / 3.6e6,
                s.replications()));
        Estimate sl = s.overall(all, Metric.SERVICE_LEVEL);
        stdout.println(String.format(
                Locale.ROOT,
                "service level     %s answered within %ds (target %.0f%%)%s",
                sl.asPercent(),
                sc.serviceLevel().answerWithinMillis() / 1000,
                100 * sc.serviceLevel().target(),
                sl.mean() >= sc.serviceLevel().target() ? "" : "  MISSED"));
        stdout.println("average wait      "
                + s.overall(all, Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS).formatted(1) + " s (ASA)");
        stdout.println(
                "abandonment       " + s.overall(all, Metric.ABANDONMENT_RATE).asPercent());
        stdout.println("arrivals          " + s.overall(all, Metric.ARRIVALS).formatted(1) + " (served "
                + s.overall(all, Metric.SERVED).formatted(1) + ", abandoned "
                + s.overall(all, Metric.ABANDONED).formatted(1) + ", expired "
                + s.overall(all, Metric.EXPIRED).formatted(1) + ", rejected "
                + s.overall(all, Metric.REJECTED).formatted(1) + ", still waiting "
                + s.overall(all, Metric.WAITING_AT_END).formatted(1) + ")");
        stdout.println("penalties         "
                + s.overall(all, Metric.INVITATIONS_EXPIRED).formatted(1)
                + " invitations ran out, "
                + s.overall(all, Metric.PENALTIES_APPLIED).formatted(1)
                + " penalties applied (R11); " + s.overall(all, Metric.EXPIRIES).formatted(1) + " expiries, "
                + s.overall(all, Metric.RENEWALS).formatted(1) + " renewals (R14)");
        stdout.println("agent occupancy   " + s.overall(all, Metric.OCCUPANCY).asPercent() + "; longest wait "
                + s.overall(all, Metric.LONGEST_WAIT_SECONDS).formatted(0) + " s");
        ErlangBaseline e = s.erlang();
        stdout.println(String.format(
                Locale.ROOT,
                "Erlang C          service level %s, ASA %s s at the agents online; needs %s agents on average"
                        + " (simulated %s online)",
                ratio(e.overall(all, ErlangMetric.ERLANG_C_SERVICE_LEVEL)),
                number(e.overall(all, ErlangMetric.ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS)),
                number(e.overall(all, ErlangMetric.ERLANG_C_AGENTS_NEEDED)),
                number(s.overall(all, Metric.AGENTS_ONLINE).mean())));
        if (e.erlangCUnstableIntervals(all) > 0) {
            stdout.println("                  (Erlang C's queue grows without bound in "
                    + e.erlangCUnstableIntervals(all) + " interval(s) at the agents online)");
        }
        if (e.withAbandonment()) {
            stdout.println(String.format(
                    Locale.ROOT,
                    "Erlang A          service level %s, ASA %s s, abandonment %s at the agents online; needs %s"
                            + " agents on average",
                    ratio(e.overall(all, ErlangMetric.ERLANG_A_SERVICE_LEVEL)),
                    number(e.overall(all, ErlangMetric.ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS)),
                    ratio(e.overall(all, ErlangMetric.ERLANG_A_ABANDONMENT_RATE)),
                    number(e.overall(all, ErlangMetric.ERLANG_A_AGENTS_NEEDED))));
        }
        if (!s.eta().isEmpty()) {
            stdout.println("ETA predictors    ranked by mean absolute error (R8):");
            for (int k = 0; k < s.eta().size(); k++) {
                EtaEstimate p = s.eta().get(k);
                stdout.println(String.format(
                        Locale.ROOT,
                        "  %d. %-24s MAE %s s, RMSE %s s, within ±60 s %s (%d predictions)%s",
                        k + 1,
                        p.predictor(),
                        p.meanAbsoluteErrorSeconds().formatted(1),
                        p.rootMeanSquareErrorSeconds().formatted(1),
                        p.shareWithin60Seconds().asPercent(),
                        p.predictions(),
                        p.clearlyAheadOfNext() ? "  (ahead of the next beyond chance)" : ""));
            }
        }
        stdout.println(
                "written           " + dir.resolve("summary.json") + ", intervals.csv, report.html, requests.csv");
        stdout.flush();
    }

    private static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "–";
    }

    private static String number(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "–";
    }
}
