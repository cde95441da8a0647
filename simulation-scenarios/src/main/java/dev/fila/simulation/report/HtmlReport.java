package dev.fila.simulation.report;

import dev.fila.simulation.figures.Estimate;
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
 * <p>Charts: service level per interval with its confidence band against the target (and Erlang C's
 * when {@link ReportExtras#erlangServiceLevel()} is given); agents online per interval (and Erlang C's
 * staffing when {@link ReportExtras#erlangAgents()} is given); queue length over time; the ETA
 * predictors' error, when there are any.
 */
public final class HtmlReport {

    private static final String[] COLOURS = {"#1f6fb2", "#d2691e", "#2e8b57", "#8a2be2", "#b22222", "#708090"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private HtmlReport() {}

    public static String html(RunSummary s, ReportExtras x) {
        Scenario sc = s.scenario();
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Fila report: ")
                .append(esc(sc.name()))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:860px;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:0.9em}\n")
                .append("th,td{border:1px solid #ccc;padding:0.25em 0.5em;text-align:right}\n")
                .append("th:first-child,td:first-child{text-align:left}\n")
                .append("svg{display:block;margin:0.5em 0 1.5em}\n.ci{color:#777;font-size:0.85em}\n")
                .append(".legend span{margin-right:1.2em}\n")
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
        serviceLevelChart(b, s, x);
        agentsChart(b, s, x);
        queueLengthChart(b, s);
        if (!x.etaErrors().isEmpty()) {
            etaSection(b, x.etaErrors());
        }
        intervalTable(b, s);
        b.append(
                        "<p class=\"ci\">Definitions: service level = answered within T ÷ all arrivals (abandoned count as not")
                .append(" answered); average speed of answer = mean wait of the answered; abandonment = abandoned ÷")
                .append(" all arrivals; occupancy = busy slot time ÷ online slot time.</p>\n");
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
        b.append("<h2>Per interval, all queues</h2>\n<table>\n<tr><th>interval</th>");
        for (Metric m : shown) {
            b.append("<th>").append(label(m)).append("</th>");
        }
        b.append("</tr>\n");
        int all = s.row(ReplicationFigures.ALL);
        for (int i = 0; i < s.intervalCount(); i++) {
            b.append("<tr><td>").append(esc(when(sc, i))).append("</td>");
            for (Metric m : shown) {
                b.append("<td>")
                        .append(value(m, s.intervals()[all][i][m.ordinal()].mean()))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static void etaSection(StringBuilder b, List<PredictorError> errors) {
        List<PredictorError> ranked = new ArrayList<>(errors);
        ranked.sort(Comparator.comparingDouble(PredictorError::meanAbsoluteErrorSeconds)
                .thenComparing(PredictorError::predictor));
        b.append("<h2>ETA error by predictor (R8)</h2>\n");
        double max = 1;
        for (PredictorError e : ranked) {
            max = Math.max(max, Math.max(e.meanAbsoluteErrorSeconds(), e.rootMeanSquareErrorSeconds()));
        }
        int rowHeight = 26;
        int width = 760;
        int labelWidth = 170;
        int height = 20 + ranked.size() * rowHeight;
        b.append(svgOpen(width, height, "ETA error by predictor"));
        for (int k = 0; k < ranked.size(); k++) {
            PredictorError e = ranked.get(k);
            double y = 10 + k * rowHeight;
            double mae = (width - labelWidth - 60) * e.meanAbsoluteErrorSeconds() / max;
            double rmse = (width - labelWidth - 60) * e.rootMeanSquareErrorSeconds() / max;
            b.append(text(labelWidth - 6, y + 14, "end", e.predictor()));
            b.append(rect(labelWidth, y, rmse, 8, "#bbb"));
            b.append(rect(labelWidth, y + 9, mae, 10, COLOURS[0]));
            b.append(text(
                    labelWidth + Math.max(mae, rmse) + 4,
                    y + 16,
                    "start",
                    fmt(e.meanAbsoluteErrorSeconds(), 1) + " s"));
        }
        b.append("</svg>\n");
        b.append("<p class=\"legend\"><span style=\"color:")
                .append(COLOURS[0])
                .append(
                        "\">■ mean absolute error</span><span style=\"color:#999\">■ root mean square error</span></p>\n");
        b.append("<table>\n<tr><th>rank</th><th>predictor</th><th>predictions</th><th>MAE (s)</th><th>RMSE (s)</th>")
                .append("<th>within ±60 s</th></tr>\n");
        for (int k = 0; k < ranked.size(); k++) {
            PredictorError e = ranked.get(k);
            b.append("<tr><td>")
                    .append(k + 1)
                    .append("</td><td>")
                    .append(esc(e.predictor()))
                    .append("</td><td>")
                    .append(e.predictions())
                    .append("</td><td>")
                    .append(fmt(e.meanAbsoluteErrorSeconds(), 1))
                    .append("</td><td>")
                    .append(fmt(e.rootMeanSquareErrorSeconds(), 1))
                    .append("</td><td>")
                    .append(fmt(100 * e.shareWithin60Seconds(), 1))
                    .append("%</td></tr>\n");
        }
        b.append("</table>\n");
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
        // Erlang hook: Erlang C's service level per interval, when another component computed it.
        if (x.erlangServiceLevel() != null) {
            b.append(line(x.erlangServiceLevel(), 1.0, COLOURS[1], true));
        }
        b.append("</svg>\n<p class=\"legend\"><span style=\"color:")
                .append(COLOURS[0])
                .append("\">— simulated (band: 95% CI)</span><span style=\"color:#b22222\">- - target</span>");
        if (x.erlangServiceLevel() != null) {
            b.append("<span style=\"color:").append(COLOURS[1]).append("\">- - Erlang C</span>");
        }
        b.append("</p>\n");
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
        // Erlang hook: the agents Erlang C needs per interval, when another component computed them.
        double[] erlang = x.erlangAgents();
        if (erlang != null) {
            for (double v : erlang) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
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
        if (erlang != null) {
            b.append(line(erlang, max, COLOURS[1], true));
        }
        b.append(
                "</svg>\n<p class=\"legend\"><span style=\"color:#2e8b57\">■ agents online (time-weighted mean)</span>");
        if (erlang != null) {
            b.append("<span style=\"color:").append(COLOURS[1]).append("\">- - Erlang C staffing</span>");
        }
        b.append("</p>\n");
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
            b.append(text(
                    LEFT - 5,
                    y + 4,
                    "end",
                    percent ? fmt(100 * v, 0) + "%" : fmt(v, v < 10 && v != Math.rint(v) ? 1 : 0)));
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

    private static double niceCeiling(double v) {
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
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
