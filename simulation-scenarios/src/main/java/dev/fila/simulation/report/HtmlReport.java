package dev.fila.simulation.report;

import dev.fila.simulation.figures.ErlangBaseline;
import dev.fila.simulation.figures.ErlangMetric;
import dev.fila.simulation.figures.Estimate;
import dev.fila.simulation.figures.EtaEstimate;
import dev.fila.simulation.figures.EtaIntervalEstimates;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report: inline CSS and inline SVG charts drawn here, no script and nothing
 * fetched, so it opens in a browser with no network. Written as well-formed XHTML (every tag closed,
 * only the five XML entities), so an XML parser reads it.
 *
 * <p>Charts: service level per interval with its confidence band against the target and Erlang C's
 * and Erlang A's at the actual staffing; agents online per interval against the agents Erlang C and A
 * need; queue length over time; the ETA predictors' mean absolute error with its 95% interval, ranked
 * (R8). Tables: the overall figures with their intervals, Erlang beside them, the ranking, each agent's
 * occupancy, and the figures per interval. The Erlang lines and ETA errors come from the summary unless
 * {@link ReportExtras} gives its own.
 */
public final class HtmlReport {

    private static final String[] COLOURS = {"#1f6fb2", "#d2691e", "#2e8b57", "#8a2be2", "#b22222", "#708090"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private HtmlReport() {}

    /** The report, drawn from the summary alone. */
    public static String html(RunSummary s) {
        return html(s, ReportExtras.none());
    }

    public static String html(RunSummary s, ReportExtras x) {
        Scenario sc = s.scenario();
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Fila report: ")
                .append(esc(sc.name()))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}\n")
                .append("th,td{border:1px solid #ccc;padding:0.25em 0.5em;text-align:right}\n")
                .append("th:first-child,td:first-child{text-align:left}\ntable.wide{font-size:0.75em}\n")
                .append("table.wide th,table.wide td{padding:0.2em 0.3em}\n")
                .append("svg{display:block;margin:0.5em 0 1.5em}\n.ci{color:#777;font-size:0.85em}\n")
                .append(".legend span{margin-right:1.2em}\n.note{font-size:0.9em;color:#444}\n")
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>Fila report: ").append(esc(sc.name())).append("</h1>\n");
        b.append("<p>Seed ")
                .append(sc.seed())
                .append(", ")
                .append(s.replications())
                .append(" replication(s), from ")
                .append(esc(sc.start().toString()))
                .append(" (")
                .append(esc(sc.timeZone().getId()))
                .append(") for ")
                .append(fmt(sc.horizonMillis() / 3.6e6, 1))
                .append(" h in intervals of ")
                .append(sc.intervalMillis() / 60_000)
                .append(" min")
                .append(sc.warmupMillis() > 0 ? ", warm-up " + fmt(sc.warmupMillis() / 60_000.0, 0) + " min" : "")
                .append(". Target: ")
                .append(fmt(100 * sc.serviceLevel().target(), 0))
                .append("% answered within ")
                .append(sc.serviceLevel().answerWithinMillis() / 1000)
                .append(" s. Figures are means over the replications with their 95% confidence interval.</p>\n");

        overallTable(b, s);
        erlangTable(b, s);
        serviceLevelChart(b, s, x);
        agentsChart(b, s, x);
        queueLengthChart(b, s);
        List<EtaEstimate> eta = x.etaErrors().isEmpty() ? s.eta() : fromExtras(x.etaErrors());
        if (!eta.isEmpty()) {
            etaSection(b, eta, s.replications());
        }
        if (x.etaErrors().isEmpty() && !s.etaByInterval().isEmpty()) {
            // ETA errors given elsewhere replace the summary's, per interval too
            etaIntervalChart(b, s);
        }
        agentTable(b, s);
        intervalTable(b, s);
        b.append(
                        "<p class=\"ci\">Definitions: service level = answered within T ÷ all arrivals (abandoned count as not")
                .append(" answered); average speed of answer = mean wait of the answered; abandonment = abandoned ÷")
                .append(" all arrivals; occupancy = busy slot time ÷ online slot time. Arrival figures count a request")
                .append(" in the interval it arrived in; time figures and event counts where the time passed or the")
                .append(" event happened.</p>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    // ---------------------------------------------------------------- tables

    private static void overallTable(StringBuilder b, RunSummary s) {
        Metric[] shown = {
            Metric.ARRIVALS,
            Metric.SERVICE_LEVEL,
            Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS,
            Metric.ABANDONMENT_RATE,
            Metric.OCCUPANCY,
            Metric.LONGEST_WAIT_SECONDS,
            Metric.QUEUE_LENGTH_MEAN,
            Metric.INVITATIONS_EXPIRED,
            Metric.PENALTIES_APPLIED,
            Metric.EXPIRIES,
            Metric.RENEWALS
        };
        b.append("<h2>Overall</h2>\n<table>\n<tr><th>figure</th>");
        for (String row : s.rows()) {
            b.append("<th>").append(esc(row)).append("</th>");
        }
        b.append("</tr>\n");
        for (Metric m : shown) {
            b.append("<tr><td>").append(label(m)).append("</td>");
            for (String row : s.rows()) {
                Estimate e = s.overall(row, m);
                b.append("<td>").append(value(m, e.mean()));
                if (Double.isFinite(e.halfWidth())) {
                    b.append(" <span class=\"ci\">± ")
                            .append(value(m, e.halfWidth()))
                            .append("</span>");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void erlangTable(StringBuilder b, RunSummary s) {
        ErlangBaseline e = s.erlang();
        String all = ReplicationFigures.ALL;
        b.append("<h2>Beside Erlang C and Erlang A</h2>\n<table>\n<tr><th>figure</th><th>simulated</th>")
                .append("<th>Erlang C</th>")
                .append(e.withAbandonment() ? "<th>Erlang A</th>" : "")
                .append("</tr>\n");
        erlangRow(
                b,
                s,
                "service level",
                Metric.SERVICE_LEVEL,
                e.overall(all, ErlangMetric.ERLANG_C_SERVICE_LEVEL),
                e.overall(all, ErlangMetric.ERLANG_A_SERVICE_LEVEL),
                e.withAbandonment());
        erlangRow(
                b,
                s,
                "ASA (s)",
                Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS,
                e.overall(all, ErlangMetric.ERLANG_C_AVERAGE_SPEED_OF_ANSWER_SECONDS),
                e.overall(all, ErlangMetric.ERLANG_A_AVERAGE_SPEED_OF_ANSWER_SECONDS),
                e.withAbandonment());
        erlangRow(
                b,
                s,
                "abandonment",
                Metric.ABANDONMENT_RATE,
                0,
                e.overall(all, ErlangMetric.ERLANG_A_ABANDONMENT_RATE),
                e.withAbandonment());
        erlangRow(
                b,
                s,
                "occupancy",
                Metric.OCCUPANCY,
                e.overall(all, ErlangMetric.ERLANG_C_OCCUPANCY),
                e.overall(all, ErlangMetric.ERLANG_A_OCCUPANCY),
                e.withAbandonment());
        erlangRow(
                b,
                s,
                "agents (mean)",
                Metric.AGENTS_ONLINE,
                e.overall(all, ErlangMetric.ERLANG_C_AGENTS_NEEDED),
                e.overall(all, ErlangMetric.ERLANG_A_AGENTS_NEEDED),
                e.withAbandonment());
        b.append("</table>\n<p class=\"note\">Erlang's figures are computed analytically for each interval from the")
                .append(" scenario's arrival rate, mean handle time")
                .append(e.withAbandonment() ? " and mean patience" : "")
                .append(" (each interval its own steady state), at the agents online at the interval's midpoint;")
                .append(" overall, weighted by arrivals. The agents row gives the simulation's agents online against")
                .append(" the fewest agents Erlang needs to meet the target. Erlang's server serves one customer at")
                .append(" a time: an agent who takes up to maxChats chats at once (R2) counts as one server here,")
                .append(" and as maxChats chat slots in the per-interval table and CSV (with Erlang C's service level")
                .append(" had each slot been a server, the optimistic bound). Erlang knows none of Fila's other")
                .append(" rules: invitation timeouts and penalties (R11), step-aways (R9), priorities (R19),")
                .append(" business hours (R7, a closed interval has no arrivals for Erlang).</p>\n");
    }

    private static void erlangRow(
            StringBuilder b, RunSummary s, String label, Metric m, double c, double a, boolean withA) {
        Estimate sim = s.overall(ReplicationFigures.ALL, m);
        b.append("<tr><td>").append(label).append("</td><td>").append(value(m, sim.mean()));
        if (Double.isFinite(sim.halfWidth())) {
            b.append(" <span class=\"ci\">± ").append(value(m, sim.halfWidth())).append("</span>");
        }
        b.append("</td><td>").append(value(m, c)).append("</td>");
        if (withA) {
            b.append("<td>").append(value(m, a)).append("</td>");
        }
        b.append("</tr>\n");
    }

    private static void agentTable(StringBuilder b, RunSummary s) {
        List<Scenario.AgentSpec> specs = s.scenario().agents();
        b.append("<h2>Occupancy per agent</h2>\n<table>\n<tr><th>agent</th><th>queues</th><th>max chats</th>")
                .append("<th>occupancy</th></tr>\n");
        for (int a = 0; a < s.agentIds().size(); a++) {
            Scenario.AgentSpec spec = a < specs.size() ? specs.get(a) : null;
            Estimate e = s.agentOccupancy()[a];
            b.append("<tr><td>")
                    .append(esc(s.agentIds().get(a)))
                    .append("</td><td>")
                    .append(
                            spec == null
                                    ? ""
                                    : esc(String.join(", ", spec.skills().keySet())))
                    .append("</td><td>")
                    .append(spec == null ? "" : Integer.toString(spec.maxChats()))
                    .append("</td><td>")
                    .append(value(Metric.OCCUPANCY, e.mean()));
            if (Double.isFinite(e.halfWidth())) {
                b.append(" <span class=\"ci\">± ")
                        .append(value(Metric.OCCUPANCY, e.halfWidth()))
                        .append("</span>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"note\">Occupancy = busy slot time ÷ online slot time after the warm-up (a")
                .append(" voice or video call fills all of an agent's slots; a pending invitation holds its slot,")
                .append(" R11); – for an agent never online.</p>\n");
    }

    private static void intervalTable(StringBuilder b, RunSummary s) {
        Scenario sc = s.scenario();
        Metric[] shown = {
            Metric.ARRIVALS,
            Metric.SERVICE_LEVEL,
            Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS,
            Metric.ABANDONMENT_RATE,
            Metric.AGENTS_ONLINE,
            Metric.OCCUPANCY,
            Metric.QUEUE_LENGTH_MEAN,
            Metric.QUEUE_LENGTH_MAX
        };
        ErlangBaseline e = s.erlang();
        boolean withA = e.withAbandonment();
        b.append("<h2>Per interval, all queues</h2>\n<table class=\"wide\">\n<tr><th>interval</th>");
        for (Metric m : shown) {
            b.append("<th>").append(label(m)).append("</th>");
        }
        b.append("<th>agents at midpoint</th><th>chat slots</th><th>Erlang C service level</th>")
                .append("<th>Erlang C agents needed</th>")
                .append(withA ? "<th>Erlang A service level</th><th>Erlang A agents needed</th>" : "")
                .append("</tr>\n");
        int all = s.row(ReplicationFigures.ALL);
        int erlangAll = e.row(ReplicationFigures.ALL);
        for (int i = 0; i < s.intervalCount(); i++) {
            b.append("<tr><td>").append(esc(when(sc, i))).append("</td>");
            for (Metric m : shown) {
                b.append("<td>")
                        .append(value(m, s.intervals()[all][i][m.ordinal()].mean()))
                        .append("</td>");
            }
            double[] f = e.intervals()[erlangAll][i];
            b.append("<td>")
                    .append(value(Metric.AGENTS_ONLINE, f[ErlangMetric.AGENTS_ONLINE.ordinal()]))
                    .append("</td><td>")
                    .append(value(Metric.AGENTS_ONLINE, f[ErlangMetric.CHAT_SLOTS_ONLINE.ordinal()]))
                    .append("</td><td>")
                    .append(value(Metric.SERVICE_LEVEL, f[ErlangMetric.ERLANG_C_SERVICE_LEVEL.ordinal()]))
                    .append("</td><td>")
                    .append(value(Metric.ARRIVALS, f[ErlangMetric.ERLANG_C_AGENTS_NEEDED.ordinal()]))
                    .append("</td>");
            if (withA) {
                b.append("<td>")
                        .append(value(Metric.SERVICE_LEVEL, f[ErlangMetric.ERLANG_A_SERVICE_LEVEL.ordinal()]))
                        .append("</td><td>")
                        .append(value(Metric.ARRIVALS, f[ErlangMetric.ERLANG_A_AGENTS_NEEDED.ordinal()]))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /** Extras given as plain errors (no intervals) in the summary's form, ranked the same way. */
    private static List<EtaEstimate> fromExtras(List<PredictorError> errors) {
        List<EtaEstimate> out = new ArrayList<>();
        for (PredictorError e : errors) {
            out.add(new EtaEstimate(
                    e.predictor(),
                    e.predictions(),
                    new Estimate(e.meanAbsoluteErrorSeconds(), Double.NaN, 1),
                    new Estimate(e.rootMeanSquareErrorSeconds(), Double.NaN, 1),
                    new Estimate(e.shareWithin60Seconds(), Double.NaN, 1),
                    new Estimate(Double.NaN, Double.NaN, 0)));
        }
        out.sort(Comparator.comparingDouble(
                        (EtaEstimate e) -> e.meanAbsoluteErrorSeconds().mean())
                .thenComparing(EtaEstimate::predictor));
        return out;
    }

    private static void etaSection(StringBuilder b, List<EtaEstimate> ranked, int replications) {
        b.append("<h2>ETA error by predictor (R8)</h2>\n");
        double max = 1;
        for (EtaEstimate e : ranked) {
            max = Math.max(max, high(e.meanAbsoluteErrorSeconds()));
            max = Math.max(max, high(e.rootMeanSquareErrorSeconds()));
        }
        max = niceCeiling(max);
        int rowHeight = 30;
        int width = W;
        int labelWidth = 170;
        int plot = width - labelWidth - 70;
        int height = 36 + ranked.size() * rowHeight;
        b.append(svgOpen(width, height, "ETA error by predictor"));
        double axisY = 10 + ranked.size() * rowHeight;
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4;
            double xPos = labelWidth + plot * v / max;
            b.append("<line x1=\"")
                    .append(fmt(xPos, 1))
                    .append("\" y1=\"6\" x2=\"")
                    .append(fmt(xPos, 1))
                    .append("\" y2=\"")
                    .append(fmt(axisY, 1))
                    .append("\" stroke=\"#e5e5e5\"/>\n");
            b.append(text(xPos, axisY + 14, "middle", fmt(v, 0) + " s"));
        }
        for (int k = 0; k < ranked.size(); k++) {
            EtaEstimate e = ranked.get(k);
            double y = 10 + k * rowHeight;
            Estimate mae = e.meanAbsoluteErrorSeconds();
            Estimate rmse = e.rootMeanSquareErrorSeconds();
            b.append(text(labelWidth - 6, y + 15, "end", (k + 1) + ". " + e.predictor()));
            b.append(rect(labelWidth, y, plot * finite(rmse.mean()) / max, 7, "#bbb"));
            b.append(whisker(labelWidth, plot, max, rmse, y + 3.5, "#888"));
            b.append(rect(labelWidth, y + 9, plot * finite(mae.mean()) / max, 12, COLOURS[0]));
            b.append(whisker(labelWidth, plot, max, mae, y + 15, "#222"));
            b.append(text(
                    labelWidth + plot * Math.max(high(mae), high(rmse)) / max + 5,
                    y + 19,
                    "start",
                    fmt(mae.mean(), 1) + (Double.isFinite(mae.halfWidth()) ? " ± " + fmt(mae.halfWidth(), 1) : "")
                            + " s"));
        }
        b.append("</svg>\n");
        b.append("<p class=\"legend\"><span style=\"color:")
                .append(COLOURS[0])
                .append("\">■ mean absolute error</span><span style=\"color:#999\">■ root mean square error</span>")
                .append("<span>├┤ 95% confidence interval over ")
                .append(replications)
                .append(" replication(s)</span></p>\n");
        b.append("<table>\n<tr><th>rank</th><th>predictor</th><th>predictions</th><th>MAE (s)</th><th>RMSE (s)</th>")
                .append("<th>within ±60 s</th><th>next is worse by (s)</th></tr>\n");
        for (int k = 0; k < ranked.size(); k++) {
            EtaEstimate e = ranked.get(k);
            b.append("<tr><td>")
                    .append(k + 1)
                    .append("</td><td>")
                    .append(esc(e.predictor()))
                    .append("</td><td>")
                    .append(e.predictions())
                    .append("</td><td>")
                    .append(withCi(e.meanAbsoluteErrorSeconds(), 1, 1, ""))
                    .append("</td><td>")
                    .append(withCi(e.rootMeanSquareErrorSeconds(), 1, 1, ""))
                    .append("</td><td>")
                    .append(withCi(e.shareWithin60Seconds(), 100, 1, "%"))
                    .append("</td><td>")
                    .append(k + 1 < ranked.size() ? withCi(e.marginOverNextSeconds(), 1, 1, "") : "")
                    .append(e.clearlyAheadOfNext() ? " ✓" : "")
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"note\">Each predictor predicts every request's wait when it enters the")
                .append(
                        " line, and is compared with the wait that request actually had (entry to acceptance); requests")
                .append(" that left unserved are not compared. Every predictor sees the same requests, so the margin")
                .append(" to the next-ranked one is estimated replication by replication; ✓ marks a margin whose 95%")
                .append(" interval lies above zero (the order is not chance).</p>\n");
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? Math.max(0, v) : 0;
    }

    private static double high(Estimate e) {
        return Double.isFinite(e.halfWidth()) ? finite(e.high()) : finite(e.mean());
    }

    private static String whisker(int left, int plot, double max, Estimate e, double y, String colour) {
        if (!Double.isFinite(e.halfWidth()) || !Double.isFinite(e.mean())) {
            return "";
        }
        double x1 = left + plot * finite(e.low()) / max;
        double x2 = left + plot * finite(e.high()) / max;
        return "<path d=\"M" + fmt(x1, 1) + "," + fmt(y - 4, 1) + " V" + fmt(y + 4, 1) + " M" + fmt(x1, 1) + ","
                + fmt(y, 1) + " H" + fmt(x2, 1) + " M" + fmt(x2, 1) + "," + fmt(y - 4, 1) + " V" + fmt(y + 4, 1)
                + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.2\"/>\n";
    }

    private static String withCi(Estimate e, double scale, int decimals, String unit) {
        if (!Double.isFinite(e.mean())) {
            return "–";
        }
        return fmt(scale * e.mean(), decimals)
                + unit
                + (Double.isFinite(e.halfWidth())
                        ? " <span class=\"ci\">± " + fmt(scale * e.halfWidth(), decimals) + "</span>"
                        : "");
    }

    // ---------------------------------------------------------------- charts

    private static final int W = 760;
    private static final int H = 240;
    private static final int LEFT = 50;
    private static final int RIGHT = 15;
    private static final int TOP = 15;
    private static final int BOTTOM = 35;

    private static void serviceLevelChart(StringBuilder b, RunSummary s, ReportExtras x) {
        int all = s.row(ReplicationFigures.ALL);
        int n = s.intervalCount();
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            Estimate e = s.intervals()[all][i][Metric.SERVICE_LEVEL.ordinal()];
            mean[i] = e.mean();
            low[i] = Double.isFinite(e.halfWidth()) ? Math.max(0, e.low()) : e.mean();
            high[i] = Double.isFinite(e.halfWidth()) ? Math.min(1, e.high()) : e.mean();
        }
        b.append("<h2>Service level per interval</h2>\n");
        b.append(svgOpen(W, H, "Service level per interval"));
        axes(b, s.scenario(), n, 1.0, true);
        b.append(band(low, high, n, 1.0, "#1f6fb233"));
        double target = s.scenario().serviceLevel().target();
        b.append("<line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(fmt(y(target, 1.0), 1))
                .append("\" x2=\"")
                .append(W - RIGHT)
                .append("\" y2=\"")
                .append(fmt(y(target, 1.0), 1))
                .append("\" stroke=\"#b22222\" stroke-dasharray=\"6,4\"/>\n");
        b.append(line(mean, 1.0, COLOURS[0], false));
        // Erlang C's and A's service level at the actual staffing (the hook in ReportExtras replaces C's)
        ErlangBaseline e = s.erlang();
        double[] erlangC = x.erlangServiceLevel() != null
                ? x.erlangServiceLevel()
                : e.series(ReplicationFigures.ALL, ErlangMetric.ERLANG_C_SERVICE_LEVEL);
        b.append(line(erlangC, 1.0, COLOURS[1], true));
        if (e.withAbandonment()) {
            b.append(
                    line(e.series(ReplicationFigures.ALL, ErlangMetric.ERLANG_A_SERVICE_LEVEL), 1.0, COLOURS[3], true));
        }
        b.append("</svg>\n<p class=\"legend\"><span style=\"color:")
                .append(COLOURS[0])
                .append("\">— simulated (band: 95% CI)</span><span style=\"color:#b22222\">- - target</span>");
        b.append("<span style=\"color:").append(COLOURS[1]).append("\">- - Erlang C</span>");
        if (e.withAbandonment()) {
            b.append("<span style=\"color:").append(COLOURS[3]).append("\">- - Erlang A</span>");
        }
        b.append("(at the agents online at each interval's midpoint, one server per agent)</p>\n");
    }

    private static void agentsChart(StringBuilder b, RunSummary s, ReportExtras x) {
        int all = s.row(ReplicationFigures.ALL);
        int n = s.intervalCount();
        double[] agents = new double[n];
        double max = 1;
        for (int i = 0; i < n; i++) {
            agents[i] = s.intervals()[all][i][Metric.AGENTS_ONLINE.ordinal()].mean();
            max = Math.max(max, agents[i]);
        }
        // the agents Erlang C and A need per interval (the hook in ReportExtras replaces C's), and the chat slots
        ErlangBaseline e = s.erlang();
        double[] erlang = x.erlangAgents() != null
                ? x.erlangAgents()
                : e.series(ReplicationFigures.ALL, ErlangMetric.ERLANG_C_AGENTS_NEEDED);
        double[] erlangA =
                e.withAbandonment() ? e.series(ReplicationFigures.ALL, ErlangMetric.ERLANG_A_AGENTS_NEEDED) : null;
        double[] slots = e.series(ReplicationFigures.ALL, ErlangMetric.CHAT_SLOTS_ONLINE);
        for (double[] series : new double[][] {erlang, erlangA, slots}) {
            if (series != null) {
                for (double v : series) {
                    if (Double.isFinite(v)) {
                        max = Math.max(max, v);
                    }
                }
            }
        }
        max = niceCeiling(max);
        b.append("<h2>Agents online per interval</h2>\n");
        b.append(svgOpen(W, H, "Agents online per interval"));
        axes(b, s.scenario(), n, max, false);
        double slot = (double) (W - LEFT - RIGHT) / n;
        for (int i = 0; i < n; i++) {
            double h = (H - TOP - BOTTOM) * agents[i] / max;
            b.append(rect(LEFT + i * slot + slot * 0.1, H - BOTTOM - h, slot * 0.8, h, "#2e8b5799"));
        }
        b.append(steps(slots, max, "#708090"));
        b.append(line(erlang, max, COLOURS[1], true));
        if (erlangA != null) {
            b.append(line(erlangA, max, COLOURS[3], true));
        }
        b.append(
                "</svg>\n<p class=\"legend\"><span style=\"color:#2e8b57\">■ agents online (time-weighted mean)</span>");
        b.append("<span style=\"color:#708090\">┅ chat slots at midpoint</span>");
        b.append("<span style=\"color:").append(COLOURS[1]).append("\">- - Erlang C staffing</span>");
        if (erlangA != null) {
            b.append("<span style=\"color:").append(COLOURS[3]).append("\">- - Erlang A staffing</span>");
        }
        b.append("(fewest agents meeting the target)</p>\n");
    }

    /** R8 per interval: each predictor's mean absolute error, all queues, by the interval it predicted in. */
    private static void etaIntervalChart(StringBuilder b, RunSummary s) {
        EtaIntervalEstimates e = s.etaByInterval();
        int all = e.rows().indexOf(ReplicationFigures.ALL);
        int n = e.intervalCount();
        int predictors = e.predictors().size();
        double[][] mae = new double[predictors][n];
        double max = 1;
        for (int p = 0; p < predictors; p++) {
            for (int i = 0; i < n; i++) {
                mae[p][i] = e.meanAbsoluteErrorSeconds()[all][i][p].mean();
                if (Double.isFinite(mae[p][i])) {
                    max = Math.max(max, mae[p][i]);
                }
            }
        }
        max = niceCeiling(max);
        b.append("<h2>ETA error per interval (R8)</h2>\n");
        b.append(svgOpen(W, H, "ETA mean absolute error per interval, seconds"));
        axes(b, s.scenario(), n, max, false);
        for (int p = 0; p < predictors; p++) {
            b.append(line(mae[p], max, COLOURS[p % COLOURS.length], false));
        }
        b.append("</svg>\n<p class=\"legend\">");
        for (int p = 0; p < predictors; p++) {
            b.append("<span style=\"color:")
                    .append(COLOURS[p % COLOURS.length])
                    .append("\">— ")
                    .append(esc(e.predictors().get(p)))
                    .append("</span>");
        }
        b.append("(mean absolute error in seconds of the predictions made at entries in each interval, all")
                .append(" queues; every interval, queue and predictor with its 95% interval is in")
                .append(" <code>eta-intervals.csv</code>)</p>\n");
    }

    private static void queueLengthChart(StringBuilder b, RunSummary s) {
        double[][] series = s.queueLengthSeries();
        int points = series[0].length;
        double max = 1;
        for (double[] row : series) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        max = niceCeiling(max);
        b.append("<h2>Queue length over time</h2>\n");
        b.append(svgOpen(W, H, "Queue length over time"));
        Scenario sc = s.scenario();
        int n = s.intervalCount();
        axes(b, sc, n, max, false);
        // the samples sit at k * step; the axis runs over intervals: map sample time to interval units
        double unitsPerSample = (double) s.sampleStepMillis() / sc.intervalMillis();
        List<Integer> shown = new ArrayList<>();
        for (int row = 0; row < s.rows().size(); row++) {
            if (s.rows().size() == 2 && !s.rows().get(row).equals(ReplicationFigures.ALL)) {
                continue; // one queue: its line is the line of all queues
            }
            shown.add(row);
        }
        StringBuilder legend = new StringBuilder("<p class=\"legend\">");
        for (int k = 0; k < shown.size(); k++) {
            int row = shown.get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder d = new StringBuilder();
            for (int p = 0; p < points; p++) {
                double at = p * unitsPerSample;
                if (at > n) {
                    break;
                }
                d.append(p == 0 ? "M" : " L")
                        .append(fmt(LEFT + at * (W - LEFT - RIGHT) / n, 1))
                        .append(',')
                        .append(fmt(y(series[row][p], max), 1));
            }
            b.append("<path d=\"")
                    .append(d)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"1.5\"/>\n");
            legend.append("<span style=\"color:")
                    .append(colour)
                    .append("\">— ")
                    .append(esc(s.rows().get(row)))
                    .append("</span>");
        }
        b.append("</svg>\n")
                .append(legend)
                .append(" (mean over replications, sampled every ")
                .append(s.sampleStepMillis() / 1000)
                .append(" s)</p>\n");
    }

    private static String svgOpen(int width, int height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\"><title>" + esc(title) + "</title>\n";
    }

    private static void axes(StringBuilder b, Scenario sc, int n, double max, boolean percent) {
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4;
            double y = y(v, max);
            b.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(fmt(y, 1))
                    .append("\" x2=\"")
                    .append(W - RIGHT)
                    .append("\" y2=\"")
                    .append(fmt(y, 1))
                    .append("\" stroke=\"#e5e5e5\"/>\n");
            b.append(text(LEFT - 5, y + 4, "end", percent ? fmt(100 * v, 0) + "%" : tick(v)));
        }
        b.append("<line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(H - BOTTOM)
                .append("\" x2=\"")
                .append(W - RIGHT)
                .append("\" y2=\"")
                .append(H - BOTTOM)
                .append("\" stroke=\"#888\"/>\n");
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        boolean days = sc.horizonMillis() > 86_400_000L;
        for (int i = 0; i < n; i += every) {
            double xPos = LEFT + (double) i * (W - LEFT - RIGHT) / n;
            var at = ReportWriter.local(sc, sc.startMillis() + i * sc.intervalMillis());
            b.append(text(xPos, H - BOTTOM + 16, "start", (days ? DAY_TIME : TIME).format(at)));
        }
    }

    private static double y(double v, double max) {
        return H - BOTTOM - (H - TOP - BOTTOM) * Math.max(0, Math.min(max, v)) / max;
    }

    /** A line through one point per interval (at the interval's middle); gaps where the value is NaN. */
    private static String line(double[] values, double max, String colour, boolean dashed) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        int n = values.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                pen = false;
                continue;
            }
            double xPos = LEFT + (i + 0.5) * (W - LEFT - RIGHT) / n;
            d.append(pen ? " L" : (d.length() == 0 ? "M" : " M"))
                    .append(fmt(xPos, 1))
                    .append(',')
                    .append(fmt(y(values[i], max), 1));
            pen = true;
        }
        if (d.length() == 0) {
            return "";
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\""
                + (dashed ? " stroke-dasharray=\"6,4\"" : "") + "/>\n";
    }

    /** A dotted step line, flat across each interval. */
    private static String steps(double[] values, double max, String colour) {
        StringBuilder d = new StringBuilder();
        int n = values.length;
        double slot = (double) (W - LEFT - RIGHT) / n;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            d.append(d.length() == 0 ? "M" : " M")
                    .append(fmt(LEFT + i * slot, 1))
                    .append(',')
                    .append(fmt(y(values[i], max), 1))
                    .append(" H")
                    .append(fmt(LEFT + (i + 1) * slot, 1));
        }
        if (d.length() == 0) {
            return "";
        }
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\""
                + " stroke-dasharray=\"2,3\"/>\n";
    }

    private static String band(double[] low, double[] high, int n, double max, String fill) {
        StringBuilder out = new StringBuilder();
        double slot = (double) (W - LEFT - RIGHT) / n;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(low[i]) && Double.isFinite(high[i]) && high[i] > low[i]) {
                out.append(rect(LEFT + i * slot, y(high[i], max), slot, y(low[i], max) - y(high[i], max), fill));
            }
        }
        return out.toString();
    }

    private static String rect(double xPos, double yPos, double width, double height, String fill) {
        return "<rect x=\"" + fmt(xPos, 1) + "\" y=\"" + fmt(yPos, 1) + "\" width=\"" + fmt(Math.max(0, width), 1)
                + "\" height=\"" + fmt(Math.max(0, height), 1) + "\" fill=\"" + fill + "\"/>\n";
    }

    private static String text(double xPos, double yPos, String anchor, String content) {
        return "<text x=\"" + fmt(xPos, 1) + "\" y=\"" + fmt(yPos, 1) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"11\" fill=\"#444\">" + esc(content) + "</text>\n";
    }

    private static String tick(double v) {
        int decimals = Math.abs(v - Math.rint(v)) < 1e-9 ? 0 : Math.abs(v * 10 - Math.rint(v * 10)) < 1e-9 ? 1 : 2;
        return fmt(v, decimals);
    }

    private static double niceCeiling(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m :
                new double[] {1, 1.2, 1.6, 2, 2.4, 3.2, 4, 6, 8, 10}) { // the axes tick at quarters: short labels
            if (m * step >= v) {
                return m * step;
            }
        }
        return 10 * step;
    }

    // ---------------------------------------------------------------- text

    private static String when(Scenario sc, int i) {
        var at = ReportWriter.local(sc, sc.startMillis() + i * sc.intervalMillis());
        return (sc.horizonMillis() > 86_400_000L ? DAY_TIME : TIME).format(at);
    }

    private static String label(Metric m) {
        return switch (m) {
            case ARRIVALS -> "arrivals";
            case ANSWERED_WITHIN_TARGET -> "answered in time";
            case SERVED -> "served";
            case ABANDONED -> "abandoned";
            case EXPIRED -> "expired";
            case REJECTED -> "rejected";
            case WAITING_AT_END -> "waiting at end";
            case SERVICE_LEVEL -> "service level";
            case AVERAGE_SPEED_OF_ANSWER_SECONDS -> "ASA (s)";
            case ABANDONMENT_RATE -> "abandonment";
            case LONGEST_WAIT_SECONDS -> "longest wait (s)";
            case OCCUPANCY -> "occupancy";
            case AGENTS_ONLINE -> "agents online";
            case QUEUE_LENGTH_MEAN -> "queue length (mean)";
            case QUEUE_LENGTH_MAX -> "queue length (max)";
            case INVITATIONS_EXPIRED -> "invitations expired (R11)";
            case PENALTIES_APPLIED -> "penalties applied (R11)";
            case EXPIRIES -> "expiries (R14)";
            case RENEWALS -> "renewals (R14)";
        };
    }

    private static String value(Metric m, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "∞";
        }
        if (!Double.isFinite(v)) {
            return "–";
        }
        return switch (m) {
            case SERVICE_LEVEL, ABANDONMENT_RATE, OCCUPANCY -> fmt(100 * v, 1) + "%";
            case AVERAGE_SPEED_OF_ANSWER_SECONDS, LONGEST_WAIT_SECONDS, AGENTS_ONLINE, QUEUE_LENGTH_MEAN -> fmt(v, 1);
            default -> fmt(v, v == Math.rint(v) ? 0 : 1);
        };
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
