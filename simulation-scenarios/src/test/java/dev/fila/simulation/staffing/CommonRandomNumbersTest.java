package dev.fila.simulation.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.simulation.RequestRecord;
import dev.fila.simulation.Simulation;
import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.kernel.KernelListener;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The staffing search compares staffing levels on common random numbers: with the same seed, runs that
 * differ only in staffing see the same customers — the same arrivals, queues, channels and priorities,
 * and the same behaviour (R9 how long after arriving a customer steps away and for how long, R11 who
 * never answers), however differently the queue then unfolds.
 */
class CommonRandomNumbersTest {

    private static final String SCENARIO = """
            name: crn
            seed: 11
            start: 2026-11-23T08:00
            horizon: 4h
            timeZone: UTC
            queues:
              - id: support
                channels: [chat, voice]
                hours: {mon-sun: "00:00-24:00"}
            staffing:
              support: {plan: %d, maxChats: 1}
            load:
              arrivalsPerHour: 60
              handleTime: {exponential: 5m}
              patience: {exponential: 10m}
              acceptDelay: {exponential: 10s}
              neverAccepts: 0.1
              channelMix: {chat: 0.7, voice: 0.3}
              priorityShare: 0.2
              stepAway: {share: 0.5, after: {exponential: 30s}, duration: {exponential: 2m}}
            serviceLevel: {answerWithin: 20s, target: 0.8}
            """;

    @Test
    void sameSeedGivesTheSameCustomersWhateverTheStaffing_R9_R11() {
        Run few = run(2);
        Run many = run(6);

        assertThat(few.result.arrivals()).isEqualTo(many.result.arrivals()).isGreaterThan(150);
        for (int i = 0; i < few.result.requests().size(); i++) {
            RequestRecord a = few.result.requests().get(i);
            RequestRecord b = many.result.requests().get(i);
            assertThat(List.of(a.arrivalMillis(), a.queueId(), a.channel(), a.priority()))
                    .isEqualTo(List.of(b.arrivalMillis(), b.queueId(), b.channel(), b.priority()));
        }
        // The staffing changes how the queue unfolds ...
        assertThat(few.result.serviceLevel()).isLessThan(many.result.serviceLevel());
        // ... but a customer who steps away in both runs steps away after the same time, for the same time.
        int compared = 0;
        for (Map.Entry<Long, long[]> e : few.stepAway.entrySet()) {
            long[] other = many.stepAway.get(e.getKey());
            if (other != null && e.getValue()[1] >= 0 && other[1] >= 0) {
                assertThat(other)
                        .as("request %d: after arrival, away, back", e.getKey())
                        .containsExactly(e.getValue());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(10);
    }

    private record Run(SimulationResult result, Map<Long, long[]> stepAway) {}

    private static Run run(int agents) {
        Scenario scenario = ScenarioReader.read("crn.yaml", SCENARIO.formatted(agents));
        Map<Long, Long> opened = new HashMap<>();
        Map<Long, long[]> away = new HashMap<>();
        List<KernelListener> listeners = new ArrayList<>();
        listeners.add(new KernelListener() {
            @Override
            public void onRequestEvent(long nowMillis, long requestId, RequestEvent event, RequestState state) {
                switch (event) {
                    case RequestEvent.Opened o -> opened.put(requestId, nowMillis);
                    case RequestEvent.AvailabilityChanged c
                    when !c.available() && !away.containsKey(requestId) ->
                        away.put(requestId, new long[] {nowMillis - opened.get(requestId), -1});
                    case RequestEvent.AvailabilityChanged c
                    when c.available() && away.containsKey(requestId) -> {
                        long[] times = away.get(requestId);
                        if (times[1] < 0) {
                            times[1] = nowMillis - opened.get(requestId) - times[0];
                        }
                    }
                    default -> {}
                }
            }
        });
        SimulationResult result = Simulation.run(
                scenario, new SplittableRandom(scenario.seed()), listeners.toArray(KernelListener[]::new));
        return new Run(result, away);
    }
}
