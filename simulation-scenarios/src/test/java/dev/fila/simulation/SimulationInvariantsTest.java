package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.PriorityPolicy;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.simulation.kernel.InvariantObserver;
import dev.fila.simulation.scenario.Distribution;
import dev.fila.simulation.scenario.Scenario;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random scenarios (several queues, mixed chat/voice/video, agents with several skills, step-aways,
 * customers who never answer) run through the kernel, checked after every event and at the end. A
 * seeded loop over many seeds: each failure names its seed.
 */
class SimulationInvariantsTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    static Scenario randomScenario(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int queueCount = 1 + r.nextInt(3);
        List<QueueSettings> queues = new ArrayList<>();
        Map<String, Double> queueMix = new LinkedHashMap<>();
        for (int q = 0; q < queueCount; q++) {
            String id = "q" + q;
            queues.add(new QueueSettings(
                    id,
                    BusinessCalendar.defaults(ZONE),
                    EnumSet.of(Channel.CHAT, Channel.VOICE, Channel.VIDEO),
                    60_000 + r.nextInt(240_000),
                    r.nextInt(6),
                    90_000,
                    r.nextBoolean(),
                    PriorityPolicy.defaults(),
                    300_000));
            queueMix.put(id, 0.2 + r.nextDouble());
        }
        List<Scenario.AgentSpec> agents = new ArrayList<>();
        int agentCount = 1 + r.nextInt(6);
        for (int a = 0; a < agentCount; a++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            for (int q = 0; q < queueCount; q++) {
                if (q == a % queueCount || r.nextInt(3) == 0) {
                    skills.put("q" + q, 1 + r.nextInt(3));
                }
            }
            agents.add(new Scenario.AgentSpec("agent-" + a, skills, 1 + r.nextInt(4)));
        }
        Map<Channel, Double> channelMix = new LinkedHashMap<>();
        channelMix.put(Channel.CHAT, 0.6);
        channelMix.put(Channel.VOICE, 0.25);
        channelMix.put(Channel.VIDEO, 0.15);
        Scenario.Load load = new Scenario.Load(
                20 + r.nextInt(60),
                new Distribution.Exponential(120_000 + r.nextInt(300_000)),
                r.nextBoolean() ? new Distribution.Exponential(300_000 + r.nextInt(900_000)) : null,
                new Distribution.Exponential(5_000 + r.nextInt(120_000)),
                0.1,
                channelMix,
                queueMix,
                0.1,
                r.nextBoolean() ? new Distribution.LogNormal(1_800_000, 900_000) : null,
                new Scenario.StepAway(
                        0.2, new Distribution.Exponential(60_000), new Distribution.Exponential(120_000)));
        LocalDateTime start = LocalDateTime.of(2026, 11, 23, 18, 0);
        return new Scenario(
                "random-" + seed,
                seed,
                start,
                ZONE,
                start.atZone(ZONE).toInstant().toEpochMilli(),
                4 * 3_600_000L,
                queues,
                agents,
                load,
                new Scenario.ServiceLevel(20_000, 0.8));
    }

    @Test
    void capacityPlacesPositionsAndConservationHoldInRandomScenarios() {
        long totalArrivals = 0;
        long totalPenalties = 0;
        long totalRejected = 0;
        for (long seed = 1; seed <= 40; seed++) {
            InvariantObserver observer = new InvariantObserver();
            SimulationResult r = Simulation.run(randomScenario(seed), observer);
            assertThat(observer.violations).as("seed %d", seed).isEmpty();
            assertThat(r.arrivals())
                    .as("conservation, seed %d", seed)
                    .isEqualTo(r.served() + r.abandoned() + r.expired() + r.rejected() + r.waitingAtEnd());
            assertThat(r.requests()).hasSize((int) r.arrivals());
            assertThat(r.internalRejections()).as("seed %d", seed).isZero();
            assertThat(r.agentOccupancy()).isBetween(0.0, 1.0);
            totalArrivals += r.arrivals();
            totalPenalties += r.penaltiesApplied();
            totalRejected += r.rejected();
        }
        // The loop really exercised the rules it checks: closing at 21:00 (R7), penalties (R11).
        assertThat(totalArrivals).isGreaterThan(1000);
        assertThat(totalPenalties).isPositive();
        assertThat(totalRejected).isPositive();
    }
}
