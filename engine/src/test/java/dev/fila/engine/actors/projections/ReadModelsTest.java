package dev.fila.engine.actors.projections;

import static dev.fila.engine.actors.projections.ProjectionFixtures.QUEUE;
import static dev.fila.engine.actors.projections.ProjectionFixtures.START;
import static dev.fila.engine.actors.projections.ProjectionFixtures.agent;
import static dev.fila.engine.actors.projections.ProjectionFixtures.await;
import static dev.fila.engine.actors.projections.ProjectionFixtures.config;
import static dev.fila.engine.actors.projections.ProjectionFixtures.customer;
import static dev.fila.engine.actors.projections.ProjectionFixtures.eventually;
import static dev.fila.engine.actors.projections.ProjectionFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.actors.FilaEngine;
import dev.fila.engine.actors.LineView;
import dev.fila.engine.actors.ManualClock;
import dev.fila.engine.actors.RequestReply;
import dev.fila.engine.actors.journal.TestPostgres;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Colour;
import dev.fila.engine.domain.agent.Presence;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestStatus;
import dev.fila.engine.domain.request.VisitorInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read models through {@link FilaEngine} on a real H2 file: each board after a scripted day, and a rebuild. */
class ReadModelsTest {

    @TempDir
    Path dir;

    /** What the scenario leaves behind, read from the engine itself (the truth the boards must show). */
    private record Outcome(LineView line, long servedWaitMillis) {}

    /**
     * Five customers enter; 2 steps away (R9); ana comes online and invites 1, who lets the 5 minutes
     * pass (R11: back 5 places, here to the back); ana then invites 3 (2 is away), who accepts (R12); 4
     * leaves (R13). The line is then 2 (away), 5, 1; ana holds 3 at her one-chat limit (R5 yellow).
     */
    private static Outcome scriptedDay(FilaEngine engine, ManualClock clock) {
        await(engine.agent("ana", agent("ana", 1)));
        for (long id = 1; id <= 5; id++) {
            RequestReply opened = await(engine.request(id, open(id, clock.instant())));
            assertThat(opened.accepted())
                    .as("open %d: %s", id, opened.rejection())
                    .isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(await(engine.request(2, new RequestCommand.SetAvailability(false)))
                        .accepted())
                .isTrue();
        await(engine.agent("ana", new AgentCommand.LogIn()));
        eventually("1 invited", () -> await(engine.requestState(1)).status() == RequestStatus.INVITED);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        eventually(
                "3 invited after 1's timeout",
                () -> await(engine.requestState(3)).status() == RequestStatus.INVITED);
        assertThat(await(engine.requestState(1)).status()).isEqualTo(RequestStatus.WAITING);
        clock.advance(Duration.ofSeconds(10));
        RequestReply accepted = await(engine.request(
                3, new RequestCommand.Accept(new VisitorInfo("/portal", "Firefox", "Linux", "10.0.0.3"))));
        long waited = ((RequestEvent.Accepted) accepted.events().get(0)).waitedMillis();
        assertThat(await(engine.request(4, new RequestCommand.Leave())).accepted())
                .isTrue();
        eventually("line 2, 5, 1", () -> ids(await(engine.line(QUEUE))).equals(List.of(2L, 5L, 1L)));
        eventually("ana yellow", () -> await(engine.agentState("ana")).colour() == Colour.YELLOW);
        return new Outcome(await(engine.line(QUEUE)), waited);
    }

    private static List<Long> ids(LineView line) {
        return line.places().stream().map(LineView.Place::requestId).toList();
    }

    @Test
    void R8_R9_R11_R13_queueBoardShowsTheLineInTheDomainsOrderWithItsEtas() {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            Outcome outcome = scriptedDay(engine, clock);
            ReadModels models = engine.readModels();
            eventually("the board shows 2, 5, 1", () -> ids(models.queueBoard(QUEUE))
                    .equals(List.of(2L, 5L, 1L)));
            LineView board = models.queueBoard(QUEUE);
            // Same places, positions, availability (R9) and ETAs as the queue entity computes now
            // (the manual clock has not moved since the last queue event).
            assertThat(board.places()).isEqualTo(outcome.line().places());
            assertThat(board.places().get(0).available()).isFalse();
            assertThat(board.places().get(2).position()).isEqualTo(3);
        }
    }

    @Test
    void R4_R5_agentBoardShowsPresenceColourAndTheInteractionHeld() {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            scriptedDay(engine, clock);
            ReadModels models = engine.readModels();
            // Ana was yellow once already, holding 1's invitation: wait for the card that holds 3.
            eventually("ana yellow on the board, serving 3", () -> models.agentCard("ana")
                    .map(card -> card.colour() == Colour.YELLOW
                            && card.held().size() == 1
                            && card.held().get(0).requestId() == 3
                            && !card.held().get(0).reserved())
                    .orElse(false));
            AgentCard ana = models.agentCard("ana").orElseThrow();
            assertThat(ana.presence()).isEqualTo(Presence.ONLINE);
            assertThat(ana.maxChats()).isEqualTo(1);
            assertThat(ana.held()).singleElement().satisfies(held -> {
                assertThat(held.requestId()).isEqualTo(3);
                assertThat(held.reserved()).isFalse();
            });
            assertThat(models.agentBoard()).extracting(AgentCard::agentId).containsExactly("ana");
        }
    }

    @Test
    void R24_requestHistoryShowsEachRequestsStatusAndSteps() {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            scriptedDay(engine, clock);
            ReadModels models = engine.readModels();
            eventually("4 left in the history", () -> statusOf(models, 4).equals(Optional.of(RequestStatus.LEFT)));
            eventually("3 in service in the history", () -> statusOf(models, 3)
                    .equals(Optional.of(RequestStatus.IN_SERVICE)));

            CustomerRequest first = models.requestHistory(customer(1)).get(0);
            assertThat(first.protocol()).isEqualTo("P-1");
            assertThat(first.status()).isEqualTo(RequestStatus.WAITING);
            assertThat(first.history())
                    .extracting(CustomerRequest.Step::kind)
                    .containsExactly("Opened", "Invited", "InvitationExpired");
            // R11: the penalty is recorded in the history.
            assertThat(first.history().get(2).detail()).contains("ana").contains("penalty 5");
            assertThat(models.requestHistory(customer(2)).get(0).history())
                    .extracting(CustomerRequest.Step::kind)
                    .containsExactly("Opened", "AvailabilityChanged");
            assertThat(models.requestHistory(customer(3)).get(0).history())
                    .extracting(CustomerRequest.Step::kind)
                    .containsExactly("Opened", "Invited", "Accepted");
            assertThat(models.requestHistory("nobody")).isEmpty();
        }
    }

    private static Optional<RequestStatus> statusOf(ReadModels models, long requestId) {
        return models.requestHistory(customer(requestId)).stream().findFirst().map(CustomerRequest::status);
    }

    @Test
    void dailyFiguresCountArrivalsServedAbandonedServiceLevelAndAverageWait() {
        ManualClock clock = new ManualClock(START);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            Outcome outcome = scriptedDay(engine, clock);
            ReadModels models = engine.readModels();
            LocalDate day = LocalDate.of(2025, 3, 3);
            eventually("one served and one abandoned", () -> models.dailyFigures(QUEUE, day)
                    .map(f -> f.served() == 1 && f.abandoned() == 1)
                    .orElse(false));
            DailyFigures figures = models.dailyFigures(QUEUE, day).orElseThrow();
            assertThat(figures.arrivals()).isEqualTo(5);
            // 3 waited through 1's five-minute invitation: over the 20 s target.
            assertThat(outcome.servedWaitMillis()).isGreaterThan(20_000);
            assertThat(figures.servedWithinTarget()).isZero();
            assertThat(figures.serviceLevel()).isZero();
            assertThat(figures.averageWaitMillis()).isEqualTo((double) outcome.servedWaitMillis());
            assertThat(figures.expired()).isZero();
            assertThat(models.dailyFigures(QUEUE, day.plusDays(1))).isEmpty();
        }
    }

    /**
     * On PostgreSQL (the engine's own {@code fila.journal = postgres} block, pointed at a fresh database:
     * the block's connection itself, since {@code fila.postgres.*} was substituted when the fixture's
     * configuration was loaded) the four
     * read models follow the entities' streams too: events carry no tag rows there either, and the
     * projections read each stream by persistence-id prefix ({@code EntityStreamReadJournalDao}).
     */
    @Test
    void R8_R24_onPostgresEveryReadModelFollowsTheEntitiesStreams() throws Exception {
        TestPostgres server = TestPostgres.require();
        TestPostgres database = server.createDatabase("read_models");
        try {
            ManualClock clock = new ManualClock(START);
            Config config = ConfigFactory.parseString(
                            """
                    fila.journal = postgres
                    fila.journals.postgres.pekko-persistence-jdbc.shared-databases.fila.db {
                      url = "%s", user = "%s", password = "%s"
                    }
                    """.formatted(database.url(), database.user(), database.password()))
                    .withFallback(config(dir))
                    .resolve();
            try (FilaEngine engine = FilaEngine.start(config, clock)) {
                Outcome outcome = scriptedDay(engine, clock);
                ReadModels models = engine.readModels();
                LocalDate day = LocalDate.of(2025, 3, 3);
                eventually("the board shows 2, 5, 1", () -> ids(models.queueBoard(QUEUE))
                        .equals(List.of(2L, 5L, 1L)));
                assertThat(models.queueBoard(QUEUE).places())
                        .isEqualTo(outcome.line().places());
                eventually("ana serving 3 on the agent board", () -> models.agentCard("ana")
                        .map(card -> card.held().size() == 1
                                && card.held().get(0).requestId() == 3
                                && !card.held().get(0).reserved())
                        .orElse(false));
                eventually("4 left in the history", () -> statusOf(models, 4).equals(Optional.of(RequestStatus.LEFT)));
                assertThat(models.requestHistory(customer(1)).get(0).history())
                        .extracting(CustomerRequest.Step::kind)
                        .containsExactly("Opened", "Invited", "InvitationExpired");
                eventually("one served and one abandoned", () -> models.dailyFigures(QUEUE, day)
                        .map(f -> f.arrivals() == 5 && f.served() == 1 && f.abandoned() == 1)
                        .orElse(false));
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void readModelsRebuildFromTheJournalWhenTheirTablesAndOffsetsAreDropped() throws Exception {
        ManualClock clock = new ManualClock(START);
        LineView board;
        List<AgentCard> agents;
        Map<Long, List<CustomerRequest>> histories = new TreeMap<>();
        DailyFigures figures;
        LocalDate day = LocalDate.of(2025, 3, 3);
        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            scriptedDay(engine, clock);
            ReadModels models = engine.readModels();
            eventually(
                    "every read model caught up",
                    () -> ids(models.queueBoard(QUEUE)).equals(List.of(2L, 5L, 1L))
                            && statusOf(models, 4).equals(Optional.of(RequestStatus.LEFT))
                            && statusOf(models, 3).equals(Optional.of(RequestStatus.IN_SERVICE))
                            && models.agentCard("ana")
                                    .map(c -> c.colour() == Colour.YELLOW)
                                    .orElse(false)
                            && models.dailyFigures(QUEUE, day)
                                    .map(f -> f.served() == 1 && f.abandoned() == 1)
                                    .orElse(false));
            board = models.queueBoard(QUEUE);
            agents = models.agentBoard();
            for (long id = 1; id <= 5; id++) {
                histories.put(id, models.requestHistory(customer(id)));
            }
            figures = models.dailyFigures(QUEUE, day).orElseThrow();
        }

        try (Connection connection = DriverManager.getConnection(ProjectionFixtures.jdbcUrl(dir), "sa", "");
                Statement statement = connection.createStatement()) {
            for (String table : ReadModelSchema.TABLES) {
                statement.execute("DROP TABLE " + table);
            }
            statement.execute("DROP TABLE \"pekko_projection_offset_store\"");
            statement.execute("DROP TABLE \"pekko_projection_management\"");
        }

        try (FilaEngine engine = FilaEngine.start(config(dir), clock)) {
            ReadModels models = engine.readModels();
            eventually(
                    "the same boards again",
                    () -> models.queueBoard(QUEUE).equals(board)
                            && models.agentBoard().equals(agents)
                            && models.dailyFigures(QUEUE, day).equals(Optional.of(figures)));
            for (long id = 1; id <= 5; id++) {
                long requestId = id;
                eventually("history of " + id, () -> models.requestHistory(customer(requestId))
                        .equals(histories.get(requestId)));
            }
        }
    }
}
