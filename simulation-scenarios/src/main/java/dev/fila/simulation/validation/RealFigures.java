package dev.fila.simulation.validation;

import dev.fila.simulation.load.LoadRecord;
import dev.fila.simulation.load.LoadSource;
import dev.fila.simulation.load.LoadSources;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The figures that actually happened in a recorded load, per interval and overall, by the
 * definitions the simulation uses ({@link dev.fila.simulation.figures.Metric}): a row with a
 * <em>censored</em> patience was served after waiting that long (its wait); a row with an uncensored
 * patience abandoned after that long; a row with no patience is counted as an arrival whose outcome is
 * unknown ({@link Tally#unclassified()}: neither answered nor abandoned). So <em>service level</em> =
 * served within T ÷ all arrivals, <em>average speed of answer</em> = mean wait of the served,
 * <em>abandonment rate</em> = abandoned ÷ all arrivals. Arrivals count in the interval they arrived
 * in; the overall figures leave out arrivals before the warm-up, as the simulation's do.
 *
 * @param intervals one tally per reporting interval of the scenario
 * @param overall the tally of every arrival from the end of the warm-up to the horizon
 */
public record RealFigures(List<Tally> intervals, Tally overall) {

    public RealFigures {
        intervals = List.copyOf(intervals);
    }

    /**
     * Arrivals and outcomes of one span.
     *
     * @param answeredWithinTarget served after waiting at most T
     * @param servedWaitSeconds the sum of the served calls' waits
     */
    public record Tally(
            long arrivals,
            long answeredWithinTarget,
            long served,
            double servedWaitSeconds,
            long abandoned,
            long unclassified) {

        public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0);

        /** Served within T ÷ all arrivals; NaN without arrivals. */
        public double serviceLevel() {
            return arrivals == 0 ? Double.NaN : (double) answeredWithinTarget / arrivals;
        }

        /** Mean wait of the served, seconds; NaN when none was served. */
        public double averageSpeedOfAnswerSeconds() {
            return served == 0 ? Double.NaN : servedWaitSeconds / served;
        }

        /** Abandoned ÷ all arrivals; NaN without arrivals. */
        public double abandonmentRate() {
            return arrivals == 0 ? Double.NaN : (double) abandoned / arrivals;
        }

        /** The tally of both spans together. */
        public Tally plus(Tally o) {
            return new Tally(
                    arrivals + o.arrivals,
                    answeredWithinTarget + o.answeredWithinTarget,
                    served + o.served,
                    servedWaitSeconds + o.servedWaitSeconds,
                    abandoned + o.abandoned,
                    unclassified + o.unclassified);
        }
    }

    /** The real figures of the scenario's trace, for its intervals, target T and warm-up. */
    public static RealFigures of(Scenario scenario) {
        if (!scenario.load().replaysTrace()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " replays no trace");
        }
        try (LoadSource trace = LoadSources.forReplication(scenario, new SplittableRandom[4])) {
            return of(
                    trace,
                    scenario.startMillis(),
                    scenario.horizonMillis(),
                    scenario.intervalMillis(),
                    scenario.serviceLevel().answerWithinMillis(),
                    scenario.warmupMillis());
        }
    }

    /**
     * Tallies {@code trace} (rows outside {@code [startMillis, startMillis + horizonMillis)} are
     * skipped) in intervals of {@code intervalMillis}; the caller closes the source.
     */
    public static RealFigures of(
            LoadSource trace,
            long startMillis,
            long horizonMillis,
            long intervalMillis,
            long answerWithinMillis,
            long warmupMillis) {
        int n = (int) ((horizonMillis + intervalMillis - 1) / intervalMillis);
        long[][] counts = new long[n][5];
        double[] waits = new double[n];
        long[] overall = new long[5];
        double overallWaits = 0;
        long endMillis = startMillis + horizonMillis;
        while (trace.hasNext()) {
            LoadRecord r = trace.next();
            if (r.arrivalMillis() < startMillis || r.arrivalMillis() >= endMillis) {
                continue;
            }
            int i = (int) ((r.arrivalMillis() - startMillis) / intervalMillis);
            boolean counted = r.arrivalMillis() - startMillis >= warmupMillis;
            int outcome; // 2 served, 3 abandoned, 4 unclassified
            double wait = 0;
            boolean within = false;
            if (!r.hasPatience()) {
                outcome = 4;
            } else if (r.patienceCensored()) {
                outcome = 2;
                wait = r.patienceMillis() / 1000.0;
                within = r.patienceMillis() <= answerWithinMillis;
            } else {
                outcome = 3;
            }
            for (long[] c : counted ? new long[][] {counts[i], overall} : new long[][] {counts[i]}) {
                c[0]++;
                c[outcome]++;
                if (within) {
                    c[1]++;
                }
            }
            if (outcome == 2) {
                waits[i] += wait;
                if (counted) {
                    overallWaits += wait;
                }
            }
        }
        List<Tally> tallies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tallies.add(tally(counts[i], waits[i]));
        }
        return new RealFigures(tallies, tally(overall, overallWaits));
    }

    private static Tally tally(long[] c, double waits) {
        return new Tally(c[0], c[1], c[2], waits, c[3], c[4]);
    }
}
