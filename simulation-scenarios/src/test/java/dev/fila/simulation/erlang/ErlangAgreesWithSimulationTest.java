package dev.fila.simulation.erlang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.PriorityPolicy;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.simulation.RequestRecord;
import dev.fila.simulation.Simulation;
import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.scenario.Distribution;
import dev.fila.simulation.scenario.Scenario;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Where Erlang's assumptions hold — one queue open around the clock, Poisson arrivals, exponential handle
 * times, one chat per agent (R2 with maxChats 1), invitations accepted at once (R11 never fires), nobody
 * stepping away (R9), no priorities (R19), and for Erlang A exponential patience (R13) — the simulated
 * figures agree with the analytic ones: each Erlang value lies in the 95% Student-t confidence interval
 * of the mean over independent replications.
 *
 * <p>Each replication counts only the callers who arrive after a one-hour warm-up (the run starts empty
 * and idle, not in steady state) and an hour before the end (so that nearly everyone counted has been
 * answered or has left: the run stops at its horizon). The interval is widened by a stated tolerance
 * for what is left of that start-up bias: 0.002 on the shares and 1% on the mean wait, a fraction of the
 * intervals' own half-widths (about ±0.009 and ±7% for M/M/6, ±0.005 and ±2% for M/M/5+M with 500 hours
 * per replication) and far below the difference one agent makes here (Erlang C's service level is 0.47 with 6
 * agents and 0.74 with 7).
 */
class ErlangAgreesWithSimulationTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final double ARRIVALS_PER_HOUR = 100;
    private static final double HANDLE_SECONDS = 180; // a = 5 erlangs
    private static final double WITHIN_SECONDS = 20;
    private static final int REPLICATIONS = 10;
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long HORIZON_MILLIS = 502 * HOUR_MILLIS;
    private static final double SHARE_TOLERANCE = 0.002;
    private static final double WAIT_RELATIVE_TOLERANCE = 0.01;

    @Test
    void simulatedMM6AgreesWithErlangC() {
        ErlangResult erlang = ErlangC.evaluate(ARRIVALS_PER_HOUR, HANDLE_SECONDS, 6, WITHIN_SECONDS);
        Replicated sim = replicate(6, null);

        assertWithin("service level", erlang.serviceLevel(), sim.serviceLevel(), SHARE_TOLERANCE);
        assertWithin("probability of wait", erlang.probabilityOfWait(), sim.probabilityOfWait(), SHARE_TOLERANCE);
        assertWithin(
                "ASA",
                erlang.averageSpeedOfAnswerSeconds(),
                sim.averageSpeedOfAnswerSeconds(),
                WAIT_RELATIVE_TOLERANCE * erlang.averageSpeedOfAnswerSeconds());
        assertThat(sim.abandonmentRate().mean()).isZero();
    }

    @Test
    void simulatedMM5PlusMAgreesWithErlangA() {
        double patienceSeconds = 300;
        ErlangResult erlang = ErlangA.evaluate(ARRIVALS_PER_HOUR, HANDLE_SECONDS, patienceSeconds, 5, WITHIN_SECONDS);
        Replicated sim = replicate(5, new Distribution.Exponential(patienceSeconds * 1000));

        assertWithin("service level", erlang.serviceLevel(), sim.serviceLevel(), SHARE_TOLERANCE);
        assertWithin("probability of wait", erlang.probabilityOfWait(), sim.probabilityOfWait(), SHARE_TOLERANCE);
        assertWithin("abandonment", erlang.abandonmentRate(), sim.abandonmentRate(), SHARE_TOLERANCE);
        assertWithin(
                "ASA",
                erlang.averageSpeedOfAnswerSeconds(),
                sim.averageSpeedOfAnswerSeconds(),
                WAIT_RELATIVE_TOLERANCE * erlang.averageSpeedOfAnswerSeconds());
    }

    private static void assertWithin(String figure, double erlang, Interval sim, double tolerance) {
        assertThat(erlang)
                .as(
                        "%s: Erlang %.5f, simulated %.5f ± %.5f (+ %.5f)",
                        figure, erlang, sim.mean(), sim.halfWidth(), tolerance)
                .isBetween(sim.mean() - sim.halfWidth() - tolerance, sim.mean() + sim.halfWidth() + tolerance);
    }

    // ---------------------------------------------------------------- replications

    private record Interval(double mean, double halfWidth) {

        static Interval of(double[] values) {
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(squares / (values.length - 1));
            double t = new TDistribution(values.length - 1).inverseCumulativeProbability(0.975);
            return new Interval(mean, t * sd / Math.sqrt(values.length));
        }
    }

    private record Replicated(
            Interval serviceLevel,
            Interval probabilityOfWait,
            Interval averageSpeedOfAnswerSeconds,
            Interval abandonmentRate) {}

    private static Replicated replicate(int agents, Distribution patience) {
        double[][] figures = new double[4][REPLICATIONS];
        for (int i = 0; i < REPLICATIONS; i++) {
            SimulationResult result = Simulation.run(scenario(agents, patience, 1_000 + i));
            List<RequestRecord> counted = new ArrayList<>();
            for (RequestRecord r : result.requests()) {
                if (r.arrivalMillis() >= HOUR_MILLIS && r.arrivalMillis() < HORIZON_MILLIS - HOUR_MILLIS) {
                    counted.add(r);
                }
            }
            long answered = 0;
            long answeredInTime = 0;
            long waited = 0;
            long abandoned = 0;
            double answeredWaitMillis = 0;
            for (RequestRecord r : counted) {
                if (r.waitMillis() > 0) {
                    waited++;
                }
                switch (r.outcome()) {
                    case SERVED -> {
                        answered++;
                        answeredWaitMillis += r.waitMillis();
                        if (r.waitMillis() <= WITHIN_SECONDS * 1000) {
                            answeredInTime++;
                        }
                    }
                    case ABANDONED -> abandoned++;
                    default -> {}
                }
            }
            figures[0][i] = (double) answeredInTime / counted.size();
            figures[1][i] = (double) waited / counted.size();
            figures[2][i] = answeredWaitMillis / answered / 1000;
            figures[3][i] = (double) abandoned / counted.size();
        }
        return new Replicated(
                Interval.of(figures[0]), Interval.of(figures[1]), Interval.of(figures[2]), Interval.of(figures[3]));
    }

    private static Scenario scenario(int agents, Distribution patience, long seed) {
        QueueSettings queue = QueueSettings.defaults("support", ZONE)
                .withCalendar(BusinessCalendar.alwaysOpen(ZONE))
                .withPriority(PriorityPolicy.none());
        List<Scenario.AgentSpec> staff = new ArrayList<>();
        for (int i = 1; i <= agents; i++) {
            staff.add(new Scenario.AgentSpec("agent-" + i, Map.of("support", 1), 1));
        }
        Scenario.Load load = new Scenario.Load(
                ARRIVALS_PER_HOUR,
                new Distribution.Exponential(HANDLE_SECONDS * 1000),
                patience,
                new Distribution.Constant(0),
                0,
                Map.of(Channel.CHAT, 1.0),
                Map.of("support", 1.0),
                0,
                null,
                null);
        LocalDateTime start = LocalDateTime.of(2026, 11, 23, 0, 0);
        return new Scenario(
                "erlang-agreement",
                seed,
                start,
                ZONE,
                start.atZone(ZONE).toInstant().toEpochMilli(),
                HORIZON_MILLIS,
                List.of(queue),
                staff,
                load,
                new Scenario.ServiceLevel((long) (WITHIN_SECONDS * 1000), 0.8));
    }
}
