package dev.fila.engine.actors.projections;

import static dev.fila.engine.actors.projections.ProjectionFixtures.QUEUE;
import static dev.fila.engine.actors.projections.ProjectionFixtures.START;
import static dev.fila.engine.actors.projections.ProjectionFixtures.agent;
import static dev.fila.engine.actors.projections.ProjectionFixtures.await;
import static dev.fila.engine.actors.projections.ProjectionFixtures.config;
import static dev.fila.engine.actors.projections.ProjectionFixtures.eventually;
import static dev.fila.engine.actors.projections.ProjectionFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.actors.FilaEngine;
import dev.fila.engine.actors.ManualClock;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Colour;
import dev.fila.engine.domain.request.RequestCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 5: live updates are pushed within 100 ms of the event. The deadline is the issue's functional
 * requirement, not a speed claim. Measured from sending the {@code Leave} (so it includes the request's
 * and the queue's journal writes) to the subscriber's receipt, on the shared 2-core machine: medians of
 * 6–20 ms, worst 15–49 ms over three runs (the worst is the first, cold change). The test asserts the
 * issue's bound and no tighter one; the margin is about 2× in the worst run seen.
 */
class LiveUpdatesTest {

    private static final long DEADLINE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @TempDir
    Path dir;

    /** When each (request, position) pair was first heard, by System.nanoTime. */
    private final Map<String, Long> heardAt = new ConcurrentHashMap<>();

    private void record(LiveChange change) {
        if (change instanceof LiveChange.PositionChanged p) {
            heardAt.putIfAbsent(p.requestId() + "@" + p.position(), System.nanoTime());
        }
    }

    @Test
    void R8_R13_whenTheCustomerAheadLeavesEveryoneBehindHearsTheirNewPositionWithin100ms() throws Exception {
        ManualClock clock = new ManualClock(START);
        int customers = 8;
        try (FilaEngine engine = FilaEngine.start(config(dir), clock);
                AutoCloseable subscription = engine.subscribeLive(this::record)) {
            for (long id = 1; id <= customers; id++) {
                assertThat(await(engine.request(id, open(id, clock.instant()))).accepted())
                        .isTrue();
            }
            eventually(
                    "every customer heard their first position",
                    () -> heardAt.containsKey(customers + "@" + customers));

            // The front customer leaves, again and again; every one behind moves up by one (R8). The
            // first departure warms the path up (class loading, JIT) and is not measured.
            List<Long> latenciesNanos = new ArrayList<>();
            for (long leaving = 1; leaving < customers; leaving++) {
                boolean measured = leaving > 1;
                long sentAt = System.nanoTime();
                assertThat(await(engine.request(leaving, new RequestCommand.Leave()))
                                .accepted())
                        .isTrue();
                for (long behind = leaving + 1; behind <= customers; behind++) {
                    String key = behind + "@" + (behind - leaving);
                    eventually("request " + key, () -> heardAt.containsKey(key));
                    if (measured) {
                        latenciesNanos.add(heardAt.get(key) - sentAt);
                    }
                }
                String goneKey = leaving + "@0";
                eventually("request " + leaving + " heard it is out of the line", () -> heardAt.containsKey(goneKey));
            }
            long worst =
                    latenciesNanos.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf(
                    "live position updates: %d measured, worst %.2f ms, median %.2f ms (send of Leave to receipt)%n",
                    latenciesNanos.size(),
                    worst / 1e6,
                    latenciesNanos.stream().sorted().toList().get(latenciesNanos.size() / 2) / 1e6);
            assertThat(latenciesNanos)
                    .hasSize((customers - 1) * (customers - 2) / 2)
                    .allSatisfy(nanos -> assertThat(nanos).isLessThan(DEADLINE_NANOS));
        }
    }

    @Test
    void R5_agentBoardChangesArePushedAsTheAgentsColourChanges() throws Exception {
        ManualClock clock = new ManualClock(START);
        List<AgentCard> cards = new CopyOnWriteArrayList<>();
        try (FilaEngine engine = FilaEngine.start(config(dir), clock);
                AutoCloseable subscription = engine.subscribeLive(change -> {
                    if (change instanceof LiveChange.AgentBoardChanged a) {
                        cards.add(a.card());
                    }
                })) {
            await(engine.agent("ana", agent("ana", 1)));
            await(engine.agent("ana", new AgentCommand.LogIn()));
            eventually(
                    "ana green",
                    () -> !cards.isEmpty() && cards.get(cards.size() - 1).colour() == Colour.GREEN);
            await(engine.request(1, open(1, clock.instant())));
            // The invitation reserves ana's only slot (R11): at her limit she shows yellow (R5).
            eventually("ana yellow", () -> cards.get(cards.size() - 1).colour() == Colour.YELLOW);
            assertThat(cards.get(cards.size() - 1).held()).singleElement().satisfies(held -> assertThat(held.reserved())
                    .isTrue());
        }
    }

    @Test
    void nobodyListeningAfterTheLastSubscriptionCloses() throws Exception {
        ManualClock clock = new ManualClock(START);
        List<LiveChange> heard = new CopyOnWriteArrayList<>();
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            AutoCloseable subscription = engine.subscribeLive(heard::add);
            await(engine.request(1, open(1, clock.instant())));
            eventually("1 heard", () -> !heard.isEmpty());
            subscription.close();
            int before = heard.size();
            await(engine.request(2, open(2, clock.instant())));
            // The line changed (2 entered); a closed subscription hears none of it.
            eventually("2 in line", () -> await(engine.line(QUEUE)).positionOf(2) == 2);
            Thread.sleep(200);
            assertThat(heard).hasSize(before);
        }
    }
}
