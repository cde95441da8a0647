package dev.fila.simulation.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonLoadTest {

    /** 200 days in 1-hour intervals; the rate steps through the day: 0, 30, 120 and 10 per hour. */
    private static final Scenario DAYS = ScenarioReader.read("nhpp.yaml", """
            name: nhpp
            seed: 3
            start: 2026-01-05T00:00
            horizon: 200d
            timeZone: UTC
            intervals: 1h
            queues: [{id: support, hours: {mon-sun: "00:00-24:00"}}]
            agents: [{id: ana, queues: {support: 1}}]
            load:
              arrivalsPerHour: {"00:00": 0, "06:00": 30, "12:00": 120, "18:00": 10}
              handleTime: {exponential: 3m}
            """);

    private static PoissonLoad load(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        return new PoissonLoad(DAYS, new SplittableRandom[] {root.split(), root.split(), root.split(), root.split()});
    }

    @Test
    void arrivalsPerIntervalMatchTheirPiecewiseRatesWithinPoissonTolerance() {
        int intervals = DAYS.intervalCount();
        long[] counts = new long[intervals];
        long last = Long.MIN_VALUE;
        try (PoissonLoad load = load(11)) {
            while (load.hasNext()) {
                LoadRecord r = load.next();
                assertThat(r.arrivalMillis()).isGreaterThanOrEqualTo(last);
                last = r.arrivalMillis();
                assertThat(r.arrivalMillis() - DAYS.startMillis()).isBetween(0L, DAYS.horizonMillis() - 1);
                counts[(int) ((r.arrivalMillis() - DAYS.startMillis()) / DAYS.intervalMillis())]++;
            }
        }
        double[] total = new double[4];
        double[] expected = new double[4];
        for (int i = 0; i < intervals; i++) {
            int piece = (i % 24) / 6;
            total[piece] += counts[i];
            expected[piece] += DAYS.load().ratePerHour(i);
        }
        assertThat(total[0]).as("no arrivals while the rate is 0").isZero();
        for (int piece = 1; piece < 4; piece++) {
            double tolerance = 4 * Math.sqrt(expected[piece]);
            assertThat(total[piece])
                    .as("piece " + piece)
                    .isBetween(expected[piece] - tolerance, expected[piece] + tolerance);
        }
        // Poisson counts: the variance of the per-interval counts equals their mean (index of dispersion ~ 1)
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < intervals; i++) {
            if ((i % 24) / 6 == 2) {
                sum += counts[i];
                squares += (double) counts[i] * counts[i];
                n++;
            }
        }
        double mean = sum / n;
        double variance = (squares - n * mean * mean) / (n - 1);
        assertThat(mean).isCloseTo(120, org.assertj.core.data.Offset.offset(4 * Math.sqrt(120.0 / n)));
        assertThat(variance / mean).isBetween(0.8, 1.2);
    }

    @Test
    void theSameStreamsGiveTheSameArrivals() {
        try (PoissonLoad a = load(5);
                PoissonLoad b = load(5)) {
            for (int k = 0; k < 1000; k++) {
                assertThat(b.next()).isEqualTo(a.next());
            }
        }
    }
}
