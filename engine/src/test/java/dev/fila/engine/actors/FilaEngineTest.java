package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.QUEUE;
import static dev.fila.engine.actors.LiveFixtures.START;
import static dev.fila.engine.actors.LiveFixtures.agent;
import static dev.fila.engine.actors.LiveFixtures.await;
import static dev.fila.engine.actors.LiveFixtures.config;
import static dev.fila.engine.actors.LiveFixtures.eventually;
import static dev.fila.engine.actors.LiveFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fila.engine.domain.Notification;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentRejection;
import dev.fila.engine.domain.agent.Colour;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletionException;
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

    @Test
    void aRejectedCommandChangesNothingAndAnUnknownIdIsAnErrorNeverANewEntity() throws Exception {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            await(engine.request(1, open(1, START)));
            RequestState before = await(engine.requestState(1));

            // Nobody invited request 1: accepting is refused with its reason code, and nothing changes.
            RequestReply refused = await(engine.request(1, new RequestCommand.Accept(VisitorInfo.unknown())));
            assertThat(refused.accepted()).isFalse();
            assertThat(refused.events()).isEmpty();
            assertThat(refused.rejection().code()).isEqualTo(RequestRejection.Code.WRONG_STATE);
            assertThat(await(engine.requestState(1))).isEqualTo(before);
            // R6: an opening without a description is refused, naming the field.
            RequestCommand.Open noDescription = open(2, START);
            noDescription = new RequestCommand.Open(
                    2,
                    "P-2",
                    "customer-2",
                    QUEUE,
                    noDescription.channel(),
                    0,
                    new dev.fila.engine.domain.request.RequestDetails(
                            "technical",
                            "ERP",
                            "billing",
                            "invoices",
                            " ",
                            false,
                            before.details().availableUntilMillis()),
                    noDescription.standing(),
                    true);
            RequestReply invalid = await(engine.request(2, noDescription));
            assertThat(invalid.rejection().code()).isEqualTo(RequestRejection.Code.INVALID_FIELDS);
            assertThat(invalid.rejection().fields()).containsExactly("description");

            // Unknown ids: the domain's NOT_FOUND / NOT_REGISTERED, and queries fail; nothing is created.
            assertThat(await(engine.request(999, new RequestCommand.Leave()))
                            .rejection()
                            .code())
                    .isEqualTo(RequestRejection.Code.NOT_FOUND);
            assertThat(await(engine.agent("bob", new AgentCommand.LogIn()))
                            .rejection()
                            .code())
                    .isEqualTo(AgentRejection.Code.NOT_REGISTERED);
            assertThatThrownBy(
                            () -> engine.requestState(999).toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(UnknownEntityException.class);
            assertThatThrownBy(
                            () -> engine.agentState("bob").toCompletableFuture().join())
                    .hasCauseInstanceOf(UnknownEntityException.class);
            assertThatThrownBy(
                            () -> engine.line("nowhere").toCompletableFuture().join())
                    .hasCauseInstanceOf(UnknownEntityException.class);
            assertThatThrownBy(
                            () -> engine.requestState(2).toCompletableFuture().join())
                    .hasCauseInstanceOf(UnknownEntityException.class);
        }
        assertThat(eventsOf("Request|1")).isEqualTo(1);
        assertThat(eventsOf("Request|2")).isZero();
        assertThat(eventsOf("Request|999")).isZero();
        assertThat(eventsOf("Agent|bob")).isZero();
    }

    private long eventsOf(String persistenceId) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir + "/fila", "sa", "");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from \"event_journal\" where \"persistence_id\" = ?")) {
            query.setString(1, persistenceId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
