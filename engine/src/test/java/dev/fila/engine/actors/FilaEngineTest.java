package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.QUEUE;
import static dev.fila.engine.actors.LiveFixtures.START;
import static dev.fila.engine.actors.LiveFixtures.agent;
import static dev.fila.engine.actors.LiveFixtures.await;
import static dev.fila.engine.actors.LiveFixtures.config;
import static dev.fila.engine.actors.LiveFixtures.eventually;
import static dev.fila.engine.actors.LiveFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Colour;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live engine end to end, through its facade, on a real H2 file. */
class FilaEngineTest {

    @TempDir
    Path dir;

    @Test
    void R10_R12_R16_customerIsInvitedAcceptsIsServedAndAnswersTheSurvey() throws Exception {
        ManualClock clock = new ManualClock(START);
        List<EngineChange> changes = new CopyOnWriteArrayList<>();
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            engine.subscribe(changes::add);
            assertThat(await(engine.agent("ana", agent("ana", 1))).accepted()).isTrue();
            assertThat(await(engine.agent("ana", new AgentCommand.LogIn())).accepted())
                    .isTrue();

            RequestReply opened = await(engine.request(1, open(1, START)));
            assertThat(opened.accepted()).isTrue();
            assertThat(opened.events()).singleElement().isInstanceOf(RequestEvent.Opened.class);

            // R10: the free agent's invitation reaches the customer.
            eventually("request 1 invited", () -> await(engine.requestState(1)).status() == RequestStatus.INVITED);
            assertThat(await(engine.requestState(1)).invitation().agentId()).isEqualTo("ana");
            assertThat(await(engine.line(QUEUE)).positionOf(1)).isEqualTo(1);

            clock.advance(java.time.Duration.ofSeconds(20));
            RequestReply accepted = await(engine.request(
                    1, new RequestCommand.Accept(new VisitorInfo("/portal", "Firefox", "Linux", "10.0.0.1"))));
            assertThat(accepted.events()).singleElement().isInstanceOf(RequestEvent.Accepted.class);
            // R12: served, out of the line; R5: an agent at its one-chat limit is yellow.
            assertThat(await(engine.requestState(1)).status()).isEqualTo(RequestStatus.IN_SERVICE);
            eventually(
                    "request 1 left the line", () -> await(engine.line(QUEUE)).positionOf(1) == 0);
            eventually("ana yellow", () -> await(engine.agentState("ana")).colour() == Colour.YELLOW);

            assertThat(await(engine.request(1, new RequestCommand.Close())).accepted())
                    .isTrue();
            eventually("ana green again", () -> await(engine.agentState("ana")).colour() == Colour.GREEN);
            // R16: the survey is offered once closed, and answered.
            assertThat(await(engine.requestState(1)).status()).isEqualTo(RequestStatus.CLOSED);
            assertThat(await(engine.request(1, new RequestCommand.AnswerSurvey(5, "quick")))
                            .accepted())
                    .isTrue();
            assertThat(await(engine.requestState(1)).status()).isEqualTo(RequestStatus.SURVEYED);
        }
        // Subscribers heard the request's recorded events and the queue's R8 line changes.
        assertThat(changes)
                .filteredOn(c -> c instanceof EngineChange.RequestChanged r && r.requestId() == 1)
                .extracting(c ->
                        ((EngineChange.RequestChanged) c).event().getClass().getSimpleName())
                .containsExactly("Opened", "Invited", "Accepted", "Closed", "SurveyAnswered");
        assertThat(changes).anySatisfy(c -> assertThat(c)
                .isEqualTo(new EngineChange.Notified(new Notification.LineChanged(QUEUE, 1))));
    }
}
