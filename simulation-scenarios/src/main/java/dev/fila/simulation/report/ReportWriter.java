package dev.fila.simulation.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fila.simulation.ResultWriter;
import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.figures.ErlangBaseline;
import dev.fila.simulation.figures.ErlangMetric;
import dev.fila.simulation.figures.Estimate;
import dev.fila.simulation.figures.EtaEstimate;
import dev.fila.simulation.figures.EtaIntervalEstimates;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Writes a run's reports into a folder: {@code summary.json} (overall and per queue, each figure with
 * its 95% confidence interval; Erlang C and A overall; the ETA predictors ranked; each agent's
 * occupancy), {@code intervals.csv} (one row per interval and queue, then the row of all queues, with
 * Erlang's columns beside the simulated ones), {@code eta-intervals.csv} (each ETA predictor's error per
 * interval and queue, when measured), {@code report.html} (see {@link HtmlReport}) and {@code
 * requests.csv} (the first replication's requests). Field order is fixed, numbers are rounded to six decimals, undefined
 * figures are {@code null} (JSON) or empty (CSV), and nothing depends on the machine or the clock: the
 * same scenario and seed give byte-identical files.
 */
public final class ReportWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** Writes every report into {@code dir} (created if needed), the HTML drawn from the summary alone. */
    public static void write(RunSummary s, Path dir) throws IOException {
        write(s, ReportExtras.none(), dir);
    }

    /**
     * Writes every report into {@code dir} (created if needed); {@code extras}, where given, replace the
     * summary's Erlang lines or ETA errors in the HTML report (see {@link ReportExtras}).
     */
    public static void write(RunSummary s, ReportExtras extras, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("summary.json"), json(s), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("intervals.csv"), intervalsCsv(s), StandardCharsets.UTF_8);
        if (!s.etaByInterval().isEmpty()) {
            Files.writeString(dir.resolve("eta-intervals.csv"), etaIntervalsCsv(s), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("report.html"), HtmlReport.html(s, extras), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("requests.csv"), ResultWriter.csv(s.first()), StandardCharsets.UTF_8);
    }

    /** The summary document. */
    public static String json(RunSummary s) {
        Scenario sc = s.scenario();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", sc.name());
        root.put("seed", sc.seed());
        root.put("replications", s.replications());
        root.put("confidenceLevel", Estimate.CONFIDENCE);
        root.put("start", sc.start().toString());
        root.put("timeZone", sc.timeZone().getId());
        root.put("horizonSeconds", sc.horizonMillis() / 1000.0);
        root.put("intervalSeconds", sc.intervalMillis() / 1000.0);
        root.put("warmupSeconds", sc.warmupMillis() / 1000.0);
        ObjectNode target = root.putObject("serviceLevelTarget");
        target.put("answerWithinSeconds", sc.serviceLevel().answerWithinMillis() / 1000.0);
        target.put("target", round(sc.serviceLevel().target()));
        Estimate sl = s.overall(ReplicationFigures.ALL, Metric.SERVICE_LEVEL);
        target.put("met", sl.mean() >= sc.serviceLevel().target());
        root.set("overall", figures(s.overall()[s.row(ReplicationFigures.ALL)]));
        ArrayNode queues = root.putArray("queues");
        for (String q : s.rows()) {
            if (!q.equals(ReplicationFigures.ALL)) {
                ObjectNode n = queues.addObject();
                n.put("id", q);
                n.set("overall", figures(s.overall()[s.row(q)]));
            }
        }
        root.set("erlang", erlang(s.erlang()));
        ArrayNode eta = root.putArray("etaPredictors");
        for (int k = 0; k < s.eta().size(); k++) {
            EtaEstimate e = s.eta().get(k);
            ObjectNode n = eta.addObject();
            n.put("rank", k + 1);
            n.put("predictor", e.predictor());
            n.put("predictions", e.predictions());
            n.set("meanAbsoluteErrorSeconds", estimate(e.meanAbsoluteErrorSeconds()));
            n.set("rootMeanSquareErrorSeconds", estimate(e.rootMeanSquareErrorSeconds()));
            n.set("shareWithin60Seconds", estimate(e.shareWithin60Seconds()));
            n.set("marginOverNextSeconds", estimate(e.marginOverNextSeconds()));
            n.put("clearlyAheadOfNext", e.clearlyAheadOfNext());
        }
        ArrayNode agents = root.putArray("agents");
        for (int a = 0; a < s.agentIds().size(); a++) {
            ObjectNode n = agents.addObject();
            n.put("id", s.agentIds().get(a));
            Scenario.AgentSpec spec = sc.agents().get(a);
            if (spec.id().equals(s.agentIds().get(a))) {
                n.put("maxChats", spec.maxChats());
                ArrayNode skills = n.putArray("queues");
                spec.skills().keySet().forEach(skills::add);
            }
            n.set("occupancy", estimate(s.agentOccupancy()[a]));
        }
        SimulationResult first = s.first();
        ObjectNode kernel = root.putObject("firstReplicationKernel");
        kernel.put("eventsProcessed", first.eventsProcessed());
        kernel.put("staleTimers", first.staleTimers());
        kernel.put("internalRejections", first.internalRejections());
        kernel.put("externalRejections", first.externalRejections());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode erlang(ErlangBaseline e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put(
                "servers",
                "each agent online at an interval's midpoint is one Erlang server; chatSlotsOnline counts"
                        + " maxChats per agent (R2)");
        n.put("withAbandonment", e.withAbandonment());
        n.put("erlangCUnstableIntervals", e.erlangCUnstableIntervals(ReplicationFigures.ALL));
        n.set("overall", erlangFigures(e.overall()[e.row(ReplicationFigures.ALL)]));
        ArrayNode queues = n.putArray("queues");
        for (String q : e.rows()) {
            if (!q.equals(ReplicationFigures.ALL)) {
                ObjectNode qn = queues.addObject();
                qn.put("id", q);
                qn.put("erlangCUnstableIntervals", e.erlangCUnstableIntervals(q));
                qn.set("overall", erlangFigures(e.overall()[e.row(q)]));
            }
        }
        return n;
    }

    private static ObjectNode erlangFigures(double[] values) {
        ObjectNode n = MAPPER.createObjectNode();
        for (int m = 0; m < values.length; m++) {
            number(n, ErlangMetric.of(m).key(), values[m]);
        }
        return n;
    }

    private static ObjectNode figures(Estimate[] values) {
        ObjectNode n = MAPPER.createObjectNode();
        for (int m = 0; m < values.length; m++) {
            n.set(Metric.of(m).key(), estimate(values[m]));
        }
        return n;
    }

    private static ObjectNode estimate(Estimate e) {
        ObjectNode n = MAPPER.createObjectNode();
        number(n, "mean", e.mean());
        number(n, "low", e.low());
        number(n, "high", e.high());
        n.put("replications", e.n());
        return n;
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, round(v));
        } else {
            n.putNull(key);
        }
    }

    /**
     * One row per interval and queue (then the row {@code all}): the interval's local start and end,
     * whether it falls in the warm-up, and for each {@link Metric} its mean and the half-width of its
     * 95% confidence interval ({@code <metric>_ci}); then Erlang's figures for the same queue and
     * interval ({@link ErlangMetric#column()}: {@code erlang_c_agents_needed}, {@code
     * erlang_c_service_level}, …, {@code erlang_a_abandonment_rate}; empty where undefined).
     */
    public static String intervalsCsv(RunSummary s) {
        Scenario sc = s.scenario();
        StringBuilder b = new StringBuilder("interval,start,end,queue,warmup");
        for (int m = 0; m < Metric.count(); m++) {
            b.append(',')
                    .append(Metric.of(m).key())
                    .append(',')
                    .append(Metric.of(m).key())
                    .append("_ci");
        }
        for (int m = 0; m < ErlangMetric.count(); m++) {
            b.append(',').append(ErlangMetric.of(m).column());
        }
        b.append('\n');
        ErlangBaseline erlang = s.erlang();
        for (int i = 0; i < s.intervalCount(); i++) {
            long from = sc.startMillis() + i * sc.intervalMillis();
            for (int row = 0; row < s.rows().size(); row++) {
                intervalAndRow(b, sc, i, s.rows().get(row))
                        .append(',')
                        .append(from - sc.startMillis() < sc.warmupMillis());
                for (Estimate e : s.intervals()[row][i]) {
                    b.append(',').append(csvNumber(e.mean())).append(',').append(csvNumber(e.halfWidth()));
                }
                for (double v : erlang.intervals()[erlang.row(s.rows().get(row))][i]) {
                    b.append(',').append(csvNumber(v));
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /**
     * R8, per interval: one row per interval, queue (then {@code all}) and ETA predictor that compared at
     * least one prediction made at an entry in that interval: the predictions compared (over all
     * replications), then the mean absolute error, root mean square error (seconds) and share within
     * ±60 s, each with the half-width of its 95% confidence interval over the replications ({@code _ci}).
     */
    public static String etaIntervalsCsv(RunSummary s) {
        Scenario sc = s.scenario();
        EtaIntervalEstimates e = s.etaByInterval();
        StringBuilder b = new StringBuilder("interval,start,end,queue,predictor,predictions,"
                + "meanAbsoluteErrorSeconds,meanAbsoluteErrorSeconds_ci,rootMeanSquareErrorSeconds,"
                + "rootMeanSquareErrorSeconds_ci,shareWithin60Seconds,shareWithin60Seconds_ci\n");
        for (int i = 0; i < e.intervalCount(); i++) {
            for (int row = 0; row < e.rows().size(); row++) {
                for (int p = 0; p < e.predictors().size(); p++) {
                    if (e.predictions()[row][i][p] == 0) {
                        continue;
                    }
                    intervalAndRow(b, sc, i, e.rows().get(row))
                            .append(',')
                            .append(e.predictors().get(p))
                            .append(',')
                            .append(e.predictions()[row][i][p]);
                    for (Estimate x : new Estimate[] {
                        e.meanAbsoluteErrorSeconds()[row][i][p],
                        e.rootMeanSquareErrorSeconds()[row][i][p],
                        e.shareWithin60Seconds()[row][i][p]
                    }) {
                        b.append(',').append(csvNumber(x.mean())).append(',').append(csvNumber(x.halfWidth()));
                    }
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    /** A CSV row's start: the interval's number, its local start and end, and the row (queue or all). */
    private static StringBuilder intervalAndRow(StringBuilder b, Scenario sc, int interval, String row) {
        long from = sc.startMillis() + interval * sc.intervalMillis();
        long to = Math.min(sc.startMillis() + sc.horizonMillis(), from + sc.intervalMillis());
        return b.append(interval + 1)
                .append(',')
                .append(local(sc, from))
                .append(',')
                .append(local(sc, to))
                .append(',')
                .append(row);
    }

    static LocalDateTime local(Scenario sc, long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), sc.timeZone());
    }

    private static String csvNumber(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        double r = round(v);
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.6f", r).replaceAll("0+$", "");
    }

    static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
