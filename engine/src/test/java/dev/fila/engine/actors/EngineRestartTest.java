package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.QUEUE;
import static dev.fila.engine.actors.LiveFixtures.START;
import static dev.fila.engine.actors.LiveFixtures.agent;
import static dev.fila.engine.actors.LiveFixtures.anaInvitesRequestOne;
import static dev.fila.engine.actors.LiveFixtures.await;
import static dev.fila.engine.actors.LiveFixtures.config;
import static dev.fila.engine.actors.LiveFixtures.eventually;
import static dev.fila.engine.actors.LiveFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.agent.Colour;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State and timers survive a restart of the engine on the same H2 file (item 2 and 3 of the issue). */
class EngineRestartTest {

    @TempDir
    Path dir;

    @Test
    void R11_invitationSentFourMinutesBeforeARestartTimesOutOneMinuteAfterItWithItsPenalty() {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            anaInvitesRequestOne(engine);
            await(engine.request(2, open(2, START)));
            eventually("request 2 waits behind", () -> await(engine.line(QUEUE)).positionOf(2) == 2);
            clock.advance(Duration.ofMinutes(4));
        }

        List<EngineChange> changes = new CopyOnWriteArrayList<>();
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            engine.subscribe(changes::add);
            // Nobody asks request 1 anything: its queue wakes it on recovery, and it re-arms its deadlines.
            clock.advance(Duration.ofSeconds(59));
            sleep(300);
            assertThat(changes)
                    .noneMatch(c -> c instanceof EngineChange.RequestChanged r
                            && r.event() instanceof RequestEvent.InvitationExpired);

            clock.advance(Duration.ofSeconds(1)); // exactly acceptTimeout (5 min) after the invitation
            eventually("the invitation ran out", () -> changes.stream()
                    .anyMatch(c -> c instanceof EngineChange.RequestChanged r
                            && r.requestId() == 1
                            && r.event() instanceof RequestEvent.InvitationExpired e
                            && e.penaltyPositions() == 5
                            && e.atMillis() == START.plus(Duration.ofMinutes(5)).toEpochMilli()));
            RequestState first = await(engine.requestState(1));
            assertThat(first.penalties()).isEqualTo(1);
            // R11: back behind request 2 (fewer than 5 stood behind it: to the back); the freed agent
            // invites request 2.
            eventually("request 1 moved back", () -> await(engine.line(QUEUE)).positionOf(1) == 2);
            eventually("request 2 invited", () -> await(engine.requestState(2)).status() == RequestStatus.INVITED);
        }
    }

    @Test
    void queuePositionsAgentCapacityAndRequestsAreWhatTheyWereAfterARestart() {
        ManualClock clock = new ManualClock(START);
        List<Long> lineBefore;
        AgentState anaBefore;
        List<RequestState> requestsBefore;
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            await(engine.agent("ana", agent("ana", 2)));
            await(engine.agent("ana", new AgentCommand.LogIn()));
            for (long id = 1; id <= 5; id++) {
                await(engine.request(id, open(id, START)));
                clock.advance(Duration.ofSeconds(1));
            }
            eventually("two invited", () -> await(engine.requestState(2)).status() == RequestStatus.INVITED);
            await(engine.request(1, new RequestCommand.Accept(VisitorInfo.unknown())));
            await(engine.request(4, new RequestCommand.SetAvailability(false))); // R9: keeps its place
            eventually("request 1 served", () -> await(engine.line(QUEUE)).positionOf(1) == 0);
            lineBefore = requestIds(await(engine.line(QUEUE)));
            anaBefore = await(engine.agentState("ana"));
            requestsBefore = states(engine);
        }
        assertThat(lineBefore).containsExactly(2L, 3L, 4L, 5L);
        assertThat(anaBefore.colour()).isEqualTo(Colour.YELLOW);

        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            assertThat(requestIds(await(engine.line(QUEUE)))).isEqualTo(lineBefore);
            assertThat(await(engine.line(QUEUE)).places().get(2).available()).isFalse();
            assertThat(await(engine.agentState("ana"))).isEqualTo(anaBefore);
            assertThat(states(engine)).isEqualTo(requestsBefore);

            // And it goes on from there: closing request 1 frees a slot for request 3 (R2, R10).
            await(engine.request(1, new RequestCommand.Close()));
            eventually("request 3 invited", () -> await(engine.requestState(3)).status() == RequestStatus.INVITED);
        }
    }

    private static List<Long> requestIds(LineView line) {
        return line.places().stream().map(LineView.Place::requestId).toList();
    }

    private static List<RequestState> states(FilaEngine engine) {
        return java.util.stream.LongStream.rangeClosed(1, 5)
                .mapToObj(id -> await(engine.requestState(id)))
                .toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
