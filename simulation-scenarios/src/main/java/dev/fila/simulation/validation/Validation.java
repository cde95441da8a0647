package dev.fila.simulation.validation;

import dev.fila.simulation.figures.Estimate;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A replay's simulated figures beside the real ones, per interval, per hour of the day and for the
 * whole horizon (all queues together): service level, average speed of answer and abandonment, each
 * with its error, absolute (simulated − real) and relative (that ÷ real).
 *
 * <p>Per interval and overall the simulated figures are the replications' means with their 95%
 * confidence half-widths. Per hour of the day the intervals that start in that hour are pooled: the
 * real figures from their summed counts; the simulated ones from the summed <em>means</em> of the
 * counts (answered within T, abandoned, arrivals) and, for the average wait, the served-weighted mean
 * of the intervals' mean waits. That pooling has no confidence interval of its own (it is reported as
 * NaN).
 */
public final class Validation {

    /** The three compared figures. */
    public enum Figure {
        SERVICE_LEVEL("service_level"),
        AVERAGE_SPEED_OF_ANSWER_SECONDS("asa_seconds"),
        ABANDONMENT_RATE("abandonment");

        private final String column;

        Figure(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    /**
     * One line of the comparison.
     *
     * @param label the interval's local start, the hour of the day ({@code 07h}) or {@code month}/{@code
     *     overall}
     * @param real the figures that happened
     * @param simulated the simulated means, in {@link Figure} order
     * @param halfWidth their 95% half-widths (NaN when unknown)
     * @param simulatedArrivals the mean simulated arrivals (equal to the real ones for a full trace)
     * @param agentsOnline the mean agents online (time-weighted) in the span
     */
    public record Row(
            String label,
            RealFigures.Tally real,
            double[] simulated,
            double[] halfWidth,
            double simulatedArrivals,
            double agentsOnline) {

        public double real(Figure f) {
            return switch (f) {
                case SERVICE_LEVEL -> real.serviceLevel();
                case AVERAGE_SPEED_OF_ANSWER_SECONDS -> real.averageSpeedOfAnswerSeconds();
                case ABANDONMENT_RATE -> real.abandonmentRate();
            };
        }

        public double simulated(Figure f) {
            return simulated[f.ordinal()];
        }

        public double halfWidth(Figure f) {
            return halfWidth[f.ordinal()];
        }

        /** Simulated − real. */
        public double error(Figure f) {
            return simulated(f) - real(f);
        }

        /** (Simulated − real) ÷ real; NaN when the real figure is zero or undefined. */
        public double relativeError(Figure f) {
            double r = real(f);
            return r == 0 ? Double.NaN : error(f) / r;
        }
    }

    private final Scenario scenario;
    private final Row overall;
    private final List<Row> intervals;
    private final List<Row> hours;

    private Validation(Scenario scenario, Row overall, List<Row> intervals, List<Row> hours) {
        this.scenario = scenario;
        this.overall = overall;
        this.intervals = List.copyOf(intervals);
        this.hours = List.copyOf(hours);
    }

    /** Compares a run of the scenario with the real figures of its trace. */
    public static Validation of(RunSummary simulated, RealFigures real) {
        Scenario sc = simulated.scenario();
        String all = ReplicationFigures.ALL;
        if (real.intervals().size() != simulated.intervalCount()) {
            throw new IllegalArgumentException(
                    real.intervals().size() + " real intervals, " + simulated.intervalCount() + " simulated");
        }
        Row overall = row(
                "overall",
                real.overall(),
                f -> simulated.overall(all, f),
                simulated.overall(all, Metric.AGENTS_ONLINE).mean());
        List<Row> intervals = new ArrayList<>();
        for (int i = 0; i < simulated.intervalCount(); i++) {
            int at = i;
            intervals.add(row(
                    LocalDateTime.ofInstant(
                                    Instant.ofEpochMilli(sc.startMillis() + i * sc.intervalMillis()), sc.timeZone())
                            .toString(),
                    real.intervals().get(i),
                    f -> simulated.interval(all, at, f),
                    simulated.interval(all, at, Metric.AGENTS_ONLINE).mean()));
        }
        List<Row> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            RealFigures.Tally r = RealFigures.Tally.EMPTY;
            double arrivals = 0;
            double within = 0;
            double abandoned = 0;
            double served = 0;
            double waitSum = 0;
            double online = 0;
            int spans = 0;
            for (int i = 0; i < simulated.intervalCount(); i++) {
                long start = sc.startMillis() + i * sc.intervalMillis();
                if (LocalDateTime.ofInstant(Instant.ofEpochMilli(start), sc.timeZone())
                                .getHour()
                        != h) {
                    continue;
                }
                r = r.plus(real.intervals().get(i));
                arrivals += simulated.interval(all, i, Metric.ARRIVALS).mean();
                within += simulated
                        .interval(all, i, Metric.ANSWERED_WITHIN_TARGET)
                        .mean();
                abandoned += simulated.interval(all, i, Metric.ABANDONED).mean();
                double s = simulated.interval(all, i, Metric.SERVED).mean();
                double asa = simulated
                        .interval(all, i, Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS)
                        .mean();
                if (s > 0 && Double.isFinite(asa)) {
                    served += s;
                    waitSum += s * asa;
                }
                online += simulated.interval(all, i, Metric.AGENTS_ONLINE).mean();
                spans++;
            }
            if (spans == 0) {
                continue;
            }
            double[] sim = {
                arrivals == 0 ? Double.NaN : within / arrivals,
                served == 0 ? Double.NaN : waitSum / served,
                arrivals == 0 ? Double.NaN : abandoned / arrivals
            };
            double[] none = {Double.NaN, Double.NaN, Double.NaN};
            hours.add(new Row(String.format(Locale.ROOT, "%02dh", h), r, sim, none, arrivals, online / spans));
        }
        return new Validation(sc, overall, intervals, hours);
    }

    private interface Source {
        Estimate get(Metric m);
    }

    private static Row row(String label, RealFigures.Tally real, Source sim, double online) {
        Estimate[] e = {
            sim.get(Metric.SERVICE_LEVEL),
            sim.get(Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS),
            sim.get(Metric.ABANDONMENT_RATE)
        };
        double[] mean = new double[3];
        double[] half = new double[3];
        for (int k = 0; k < 3; k++) {
            mean[k] = e[k].mean();
            half[k] = e[k].halfWidth();
        }
        return new Row(label, real, mean, half, sim.get(Metric.ARRIVALS).mean(), online);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Row overall() {
        return overall;
    }

    public List<Row> intervals() {
        return intervals;
    }

    /** One row per hour of the day that has intervals, in hour order. */
    public List<Row> hoursOfDay() {
        return hours;
    }

    /**
     * The share of intervals with at least {@code minArrivals} real arrivals whose real service level
     * lies within the simulated 95% confidence interval widened by {@code slack} on each side.
     */
    public double shareOfIntervalsWithin(int minArrivals, double slack) {
        int n = 0;
        int in = 0;
        for (Row r : intervals) {
            if (r.real().arrivals() < minArrivals || !Double.isFinite(r.simulated(Figure.SERVICE_LEVEL))) {
                continue;
            }
            n++;
            double half = Double.isFinite(r.halfWidth(Figure.SERVICE_LEVEL)) ? r.halfWidth(Figure.SERVICE_LEVEL) : 0;
            if (Math.abs(r.error(Figure.SERVICE_LEVEL)) <= half + slack) {
                in++;
            }
        }
        return n == 0 ? Double.NaN : (double) in / n;
    }

    /** Mean absolute error of a figure over the intervals with at least {@code minArrivals} real arrivals. */
    public double meanAbsoluteError(Figure f, int minArrivals) {
        double sum = 0;
        int n = 0;
        for (Row r : intervals) {
            double e = r.error(f);
            if (r.real().arrivals() >= minArrivals && Double.isFinite(e)) {
                sum += Math.abs(e);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    // ---------------------------------------------------------------- output

    /** The CSV header of {@link #writeCsv}'s files. */
    public static final String CSV_HEADER = "span,arrivals_real,arrivals_sim,agents_online_sim,"
            + "service_level_real,service_level_sim,service_level_sim_ci,service_level_error,service_level_rel_error,"
            + "asa_seconds_real,asa_seconds_sim,asa_seconds_sim_ci,asa_seconds_error,asa_seconds_rel_error,"
            + "abandonment_real,abandonment_sim,abandonment_sim_ci,abandonment_error,abandonment_rel_error";

    /**
     * Writes {@code validation-intervals.csv} (one row per interval, then the overall row) and {@code
     * validation-hours.csv} (one row per hour of the day, then the overall row) into {@code dir}.
     */
    public void writeCsv(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("validation-intervals.csv"), intervals);
        write(dir.resolve("validation-hours.csv"), hours);
    }

    private void write(Path file, List<Row> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER);
            out.write('\n');
            for (Row r : rows) {
                out.write(csv(r));
            }
            out.write(csv(overall));
        }
    }

    private static String csv(Row r) {
        StringBuilder b = new StringBuilder(r.label());
        b.append(',').append(r.real().arrivals());
        b.append(',').append(num(r.simulatedArrivals()));
        b.append(',').append(num(r.agentsOnline()));
        for (Figure f : Figure.values()) {
            b.append(',').append(num(r.real(f)));
            b.append(',').append(num(r.simulated(f)));
            b.append(',').append(num(r.halfWidth(f)));
            b.append(',').append(num(r.error(f)));
            b.append(',').append(num(r.relativeError(f)));
        }
        return b.append('\n').toString();
    }

    /** Six significant digits without trailing zeros; empty when undefined. */
    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The overall comparison and the hour-of-day table, as text for a terminal (or Markdown). */
    public String table() {
        StringBuilder b = new StringBuilder();
        long t = scenario.serviceLevel().answerWithinMillis() / 1000;
        b.append(String.format(
                Locale.ROOT,
                "| span | calls | agents (sim) | SL≤%ds real | SL sim | error | ASA real (s) | ASA sim | error |"
                        + " abandon real | abandon sim | error |%n",
                t));
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : hours) {
            b.append(line(r));
        }
        b.append(line(overall));
        return b.toString();
    }

    private static String line(Row r) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                r.label(),
                r.real().arrivals(),
                r.agentsOnline(),
                pct(r.real(Figure.SERVICE_LEVEL)),
                pct(r.simulated(Figure.SERVICE_LEVEL), r.halfWidth(Figure.SERVICE_LEVEL)),
                points(r.error(Figure.SERVICE_LEVEL)),
                sec(r.real(Figure.AVERAGE_SPEED_OF_ANSWER_SECONDS)),
                sec(
                        r.simulated(Figure.AVERAGE_SPEED_OF_ANSWER_SECONDS),
                        r.halfWidth(Figure.AVERAGE_SPEED_OF_ANSWER_SECONDS)),
                signedSec(r.error(Figure.AVERAGE_SPEED_OF_ANSWER_SECONDS)),
                pct(r.real(Figure.ABANDONMENT_RATE)),
                pct(r.simulated(Figure.ABANDONMENT_RATE), r.halfWidth(Figure.ABANDONMENT_RATE)),
                points(r.error(Figure.ABANDONMENT_RATE)));
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "–";
    }

    private static String pct(double v, double half) {
        return Double.isFinite(half) ? pct(v) + String.format(Locale.ROOT, " ± %.1f", 100 * half) : pct(v);
    }

    private static String points(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f pt", 100 * v) : "–";
    }

    private static String sec(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "–";
    }

    private static String sec(double v, double half) {
        return Double.isFinite(half) ? sec(v) + String.format(Locale.ROOT, " ± %.0f", half) : sec(v);
    }

    private static String signedSec(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.0f s", v) : "–";
    }
}
