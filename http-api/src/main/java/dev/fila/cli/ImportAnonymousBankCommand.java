package dev.fila.cli;

import dev.fila.simulation.fit.KaplanMeier;
import dev.fila.simulation.fit.LogNormalFit;
import dev.fila.simulation.load.AnonymousBankImporter;
import dev.fila.simulation.load.AnonymousBankImporter.QueueMapping;
import dev.fila.simulation.load.AnonymousBankLog;
import dev.fila.simulation.load.AnonymousBankQuirk;
import dev.fila.simulation.load.LoadCsvWriter;
import dev.fila.simulation.load.LoadFormatException;
import dev.fila.simulation.load.LoadRecord;
import dev.fila.simulation.load.RecordedStaffing;
import dev.fila.simulation.load.StaffingInterval;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fila import anonymous-bank FILE --out LOAD.csv [--staffing STAFF.csv] [--interval 30m]
 * [--gap 5m] [--queues by-type|single] [--zone Asia/Jerusalem]}: imports one monthly log of the
 * Anonymous Bank call centre into Fila's load CSV and, optionally, its recorded staffing per
 * interval. Prints what the file held and which quirks were handled. A file that cannot be read
 * prints {@code FILE:LINE: field 'x': message} and exits with 2; nothing is written then.
 */
@Command(
        name = "anonymous-bank",
        description = {
            "Import a monthly log of the Anonymous Bank call centre (Technion SEE Laboratory, Guedj & Mandelbaum 2000).",
            "Writes Fila's load CSV (served callers' handle times, abandoned callers' patience, served callers' waits as"
                    + " censored patience) and, with --staffing, the agents per interval derived from shifts of activity."
        })
final class ImportAnonymousBankCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

    /** How {@code --queues} is written. */
    enum Queues {
        by_type(QueueMapping.BY_TYPE),
        single(QueueMapping.SINGLE);

        final QueueMapping mapping;

        Queues(QueueMapping mapping) {
            this.mapping = mapping;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The monthly log (.txt tab-separated, or the .csv export).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "LOAD.csv", description = "Where to write the load CSV.")
    Path out;

    @Option(
            names = "--staffing",
            paramLabel = "STAFF.csv",
            description = "Also write the recorded staffing per interval.")
    Path staffing;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "Staffing interval (default ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(
            names = "--gap",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = DurationConverter.class,
            description = "An agent's services closer than this belong to one shift (default ${DEFAULT-VALUE}).")
    long gapMillis;

    @Option(
            names = "--queues",
            paramLabel = "by-type|single",
            defaultValue = "by-type",
            converter = QueuesConverter.class,
            description =
                    "One queue per call type (PS, PE, IN, NE, NW, TT), or one queue 'bank' (default ${DEFAULT-VALUE}).")
    Queues queues;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "Asia/Jerusalem",
            description = "Time zone of the log's clock (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    static final class QueuesConverter implements picocli.CommandLine.ITypeConverter<Queues> {
        @Override
        public Queues convert(String text) {
            return switch (text) {
                case "by-type" -> Queues.by_type;
                case "single" -> Queues.single;
                default ->
                    throw new picocli.CommandLine.TypeConversionException(
                            "expected by-type or single, got '" + text + "'");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (intervalMillis <= 0) {
            stderr.println("--interval must be positive");
            stderr.flush();
            return BAD_INPUT;
        }
        AnonymousBankLog log;
        try {
            log = AnonymousBankImporter.read(file, zone, queues.mapping);
        } catch (LoadFormatException e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return BAD_INPUT;
        } catch (NoSuchFileException e) {
            stderr.println(file + ": no such file");
            stderr.flush();
            return BAD_INPUT;
        }
        try (LoadCsvWriter writer = LoadCsvWriter.open(out, zone)) {
            writer.writeAll(log.calls().iterator());
        }
        List<StaffingInterval> rows = null;
        if (staffing != null) {
            rows = RecordedStaffing.derive(log, zone, intervalMillis, gapMillis);
            RecordedStaffing.writeCsv(rows, staffing, zone);
        }
        print(stdout, log, rows);
        stdout.flush();
        return 0;
    }

    private void print(PrintWriter o, AnonymousBankLog log, List<StaffingInterval> rows) {
        AnonymousBankLog.Counts c = log.counts();
        o.println("file                     " + log.file() + " (" + log.firstDay() + " to " + log.lastDay() + ")");
        o.println("rows read                " + c.rowsRead());
        o.println("phantoms (ignored)       " + c.phantoms());
        o.println("hung up before queueing  " + c.hungUpBeforeQueue() + " (never entered the queue)");
        o.println("entered the queue        " + c.enteredQueue());
        o.println(String.format(
                Locale.ROOT,
                "  served                 %d (%.1f%%; %d without waiting)",
                c.served(),
                100 * c.servedShare(),
                c.servedWithoutWaiting()));
        o.println(String.format(
                Locale.ROOT,
                "  abandoned              %d (%.1f%% of the callers who had to wait)",
                c.abandoned(),
                100 * (1 - c.servedShareOfQueued())));
        o.println("quirks handled");
        for (AnonymousBankQuirk q : AnonymousBankQuirk.values()) {
            long n = log.quirk(q);
            if (n > 0) {
                o.println(String.format(Locale.ROOT, "  %-36s %d", q.description(), n));
            }
        }
        double[] handle = log.calls().stream()
                .filter(r -> r.hasHandleTime() && r.handleMillis() > 0)
                .mapToDouble(r -> r.handleMillis() / 1000.0)
                .toArray();
        if (handle.length > 0) {
            LogNormalFit fit = LogNormalFit.fit(handle);
            o.println(String.format(
                    Locale.ROOT,
                    "handle time              log-normal fit: mean %.0f s, sd %.0f s, median %.0f s (%d served, > 0 s)",
                    fit.mean(),
                    fit.sd(),
                    fit.median(),
                    handle.length));
        }
        KaplanMeier patience = KaplanMeier.ofPatienceSeconds(log.calls());
        if (patience.events() > 0) {
            o.println(String.format(
                    Locale.ROOT,
                    "patience                 Kaplan-Meier: median %.0f s, mean %.0f s (%d abandoned, %d censored)",
                    patience.quantile(0.5),
                    patience.mean(),
                    patience.events(),
                    patience.observations() - patience.events()));
        }
        o.println("written                  " + out + " (" + log.calls().size() + " calls)");
        if (rows != null) {
            double hours = intervalMillis / 3.6e6;
            double shiftHours =
                    rows.stream().mapToDouble(StaffingInterval::agents).sum() * hours;
            double busyHours =
                    rows.stream().mapToDouble(StaffingInterval::agentsBusy).sum() * hours;
            double distinctHours =
                    rows.stream().mapToDouble(StaffingInterval::agentsDistinct).sum() * hours;
            o.println(String.format(
                    Locale.ROOT,
                    "staffing                 agent-hours: %.0f on shifts (busy %.0f, distinct names %.0f)",
                    shiftHours,
                    busyHours,
                    distinctHours));
            o.println("written                  " + staffing + " (" + rows.size() + " interval rows)");
        }
        long unnamed = log.calls().stream().filter(LoadRecord::patienceCensored).count()
                - log.services().size();
        if (unnamed > 0) {
            o.println("note                     " + unnamed
                    + " served calls name no agent (NO_SERVER or no service times): in the load, not in the staffing");
        }
    }
}
