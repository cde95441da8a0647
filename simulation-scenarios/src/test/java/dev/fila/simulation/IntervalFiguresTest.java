package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Per-interval figures on a scenario small enough to check by hand. */
class IntervalFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** One agent taking one chat at a time, customers accepting at once, two 30-minute intervals. */
    private static final Scenario TINY = ScenarioReader.read("tiny.yaml", """
            name: tiny
            seed: 1
            start: 2026-11-23T08:00
            horizon: 1h
            timeZone: America/Sao_Paulo
            intervals: 30m
            queues: [{id: support}]
            agents: [{id: ana, queues: {support: 1}, maxChats: 1}]
            load: {arrivalsPerHour: 1, handleTime: {constant: 1m}, acceptDelay: {constant: 0s}}
            serviceLevel: {answerWithin: 20s, target: 0.8}
            """);

    /**
     * 08:00 A is served at once for 10 min; 08:01 B waits, gives up at 08:03 (R13); 08:05 C waits until
     * A is done at 08:10 (5 min) and is served for 4 min; 08:40 D is served at once for 1 min.
     */
    private static ReplicationFigures run() {
        ListLoad load = ListLoad.on("2026-11-23", ZONE)
                .arrival("08:00:00", "support", 600, -1)
                .arrival("08:01:00", "support", 300, 120)
                .arrival("08:05:00", "support", 240, -1)
                .arrival("08:40:00", "support", 60, -1)
                .build();
        return Simulation.run(TINY, load, new SplittableRandom(1)).figures();
    }

    @Test
    void arrivalFiguresCountByTheIntervalOfArrivalWithTheIssuesDefinitions() {
        ReplicationFigures f = run();
        String q = "support";
        assertThat(f.interval(q, 0, Metric.ARRIVALS)).isEqualTo(3);
        assertThat(f.interval(q, 0, Metric.SERVED)).isEqualTo(2);
        assertThat(f.interval(q, 0, Metric.ABANDONED)).isEqualTo(1);
        // answered within 20 s: only A; abandoned B counts as not answered
        assertThat(f.interval(q, 0, Metric.SERVICE_LEVEL)).isCloseTo(1 / 3.0, within(1e-12));
        // ASA: mean wait of the answered, A 0 s and C 300 s
        assertThat(f.interval(q, 0, Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS)).isEqualTo(150.0);
        assertThat(f.interval(q, 0, Metric.ABANDONMENT_RATE)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(f.interval(q, 0, Metric.LONGEST_WAIT_SECONDS)).isEqualTo(300.0);
        assertThat(f.interval(q, 1, Metric.ARRIVALS)).isEqualTo(1);
        assertThat(f.interval(q, 1, Metric.SERVICE_LEVEL)).isEqualTo(1.0);
        assertThat(f.interval(q, 1, Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS)).isZero();
    }

    @Test
    void timeFiguresAreIntegralsOverTheInterval() {
        ReplicationFigures f = run();
        String q = "support";
        // busy 08:00–08:14 of 30 minutes, then 08:40–08:41
        assertThat(f.interval(q, 0, Metric.OCCUPANCY)).isCloseTo(14 / 30.0, within(1e-12));
        assertThat(f.interval(q, 1, Metric.OCCUPANCY)).isCloseTo(1 / 30.0, within(1e-12));
        assertThat(f.interval(q, 0, Metric.AGENTS_ONLINE)).isEqualTo(1.0);
        // B in line 08:01–08:03, C 08:05–08:10: 7 minutes of one waiting customer
        assertThat(f.interval(q, 0, Metric.QUEUE_LENGTH_MEAN)).isCloseTo(7 / 30.0, within(1e-12));
        assertThat(f.interval(q, 0, Metric.QUEUE_LENGTH_MAX)).isEqualTo(1);
        assertThat(f.interval(q, 1, Metric.QUEUE_LENGTH_MAX))
                .as("D was invited the instant it came")
                .isZero();
        assertThat(f.overall(q, Metric.OCCUPANCY)).isCloseTo(15 / 60.0, within(1e-12));
        assertThat(f.overall(q, Metric.SERVICE_LEVEL)).isEqualTo(0.5);
        assertThat(f.agentOccupancy()).containsExactly(15 / 60.0);
        // the sampled series: C waiting at 08:06 (sample step is one minute here)
        assertThat(f.sampleStepMillis()).isEqualTo(60_000);
        assertThat(f.queueLengthSeries()[f.row(q)][6]).isEqualTo(1);
        assertThat(f.queueLengthSeries()[f.row(q)][4]).isZero();
    }

    @Test
    void theRowOfAllQueuesEqualsTheOnlyQueue() {
        ReplicationFigures f = run();
        for (Metric m : Metric.values()) {
            assertThat(f.overall(ReplicationFigures.ALL, m)).as(m.key()).isEqualTo(f.overall("support", m));
        }
    }
}
