package dev.fila.engine.actors;

import static dev.fila.engine.actors.LiveFixtures.QUEUE;
import static dev.fila.engine.actors.LiveFixtures.START;
import static dev.fila.engine.actors.LiveFixtures.agent;
import static dev.fila.engine.actors.LiveFixtures.eventually;
import static dev.fila.engine.actors.LiveFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.Effect;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentRejection;
import dev.fila.engine.domain.agent.AgentState;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three shells on Pekko's in-memory journal, with the test kit's serialization round trip on for
 * commands, events and (request, agent) states: decide is called, events persisted, effects carried
 * out, and a restart recovers the same state. The rules themselves are tested in the domain.
 */
class EntityShellTest {

    private static final Config CONFIG = testConfig();
    private static final ActorTestKit TEST_KIT = ActorTestKit.create(CONFIG);

    private final ManualClock clock = new ManualClock(START);
    private final RecordingPostman postman = new RecordingPostman();
    private ShellContext shell;

    private static Config testConfig() {
        Config loaded = ConfigFactory.load();
        return ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(EventSourcedBehaviorTestKit.config())
                .withFallback(PersistenceTestKitSnapshotPlugin.config())
                .withFallback(loaded.getConfig("fila.runtime"))
                .withFallback(loaded);
    }

    @AfterAll
    static void shutDown() {
        TEST_KIT.shutdownTestKit();
    }

    @BeforeEach
    void setUp() {
        QueueSettings queue =
                QueueSettings.defaults(QUEUE, ZoneOffset.UTC).withCalendar(BusinessCalendar.alwaysOpen(ZoneOffset.UTC));
        EngineSettings settings =
                new EngineSettings(Map.of(QUEUE, queue), 3, Duration.ofMillis(20), Duration.ofSeconds(5));
        shell = new ShellContext(clock, settings, new ChangeHub(), postman);
    }

    @Test
    void requestShellPersistsTheDecisionCarriesOutItsEffectsAndReArmsItsInvitationAfterARestart_R11() {
        var kit = EventSourcedBehaviorTestKit.<RequestEntity.Command, RequestEvent, RequestState>create(
                TEST_KIT.system(),
                RequestEntity.create("1", new RequestDecider(shell.settings().queues()), shell, null),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());

        var opened = kit.<RequestReply>runCommand(replyTo -> new RequestEntity.Handle(open(1, START), replyTo));
        assertThat(opened.reply().accepted()).isTrue();
        assertThat(opened.events()).singleElement().isInstanceOf(RequestEvent.Opened.class);
        assertThat(postman.sent)
                .anyMatch(e -> e instanceof Effect.ToQueue q
                        && q.command() instanceof QueueCommand.Enqueue enqueue
                        && enqueue.requestId() == 1);

        var invited = kit.runCommand(new RequestEntity.Handle(new RequestCommand.Invite("ana"), null));
        assertThat(invited.events()).singleElement().isInstanceOf(RequestEvent.Invited.class);
        clock.advance(Duration.ofMinutes(4));

        var restarted = kit.restart();
        assertThat(restarted.state()).isEqualTo(invited.state());
        assertThat(restarted.state().status()).isEqualTo(RequestStatus.INVITED);

        clock.advance(Duration.ofMinutes(1));
        eventually("the re-armed invitation ran out", () -> kit.getState().penalties() == 1);
        assertThat(kit.getState().status()).isEqualTo(RequestStatus.WAITING);
        eventually(
                "the penalty and the release were sent",
                () -> postman.sent.contains(new Effect.ToQueue(QUEUE, new QueueCommand.ApplyPenalty(1)))
                        && postman.sent.contains(new Effect.ToAgent("ana", new AgentCommand.Release(1))));
    }

    @Test
    void requestShellRejectsCommandsToAnUnopenedRequestAndPersistsNothing() {
        var kit = EventSourcedBehaviorTestKit.<RequestEntity.Command, RequestEvent, RequestState>create(
                TEST_KIT.system(),
                RequestEntity.create("9", new RequestDecider(shell.settings().queues()), shell, null),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        var result =
                kit.<RequestReply>runCommand(replyTo -> new RequestEntity.Handle(new RequestCommand.Leave(), replyTo));
        assertThat(result.reply().accepted()).isFalse();
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(kit.restart().state().isOpened()).isFalse();
    }

    @Test
    void agentShellPersistsReportsCapacityAndRecoversWithSnapshots_R2_R4() {
        var kit = EventSourcedBehaviorTestKit.<AgentEntity.Command, AgentEvent, AgentState>create(
                TEST_KIT.system(),
                AgentEntity.create("ana", new AgentDecider(), shell, null),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());

        var unknown = kit.<AgentReply>runCommand(replyTo -> new AgentEntity.Handle(new AgentCommand.LogIn(), replyTo));
        assertThat(unknown.reply().rejection().code()).isEqualTo(AgentRejection.Code.NOT_REGISTERED);
        assertThat(unknown.hasNoEvents()).isTrue();

        kit.runCommand(new AgentEntity.Handle(agent("ana", 2), null));
        kit.runCommand(new AgentEntity.Handle(new AgentCommand.LogIn(), null));
        assertThat(postman.sent)
                .anyMatch(e -> e instanceof Effect.ToQueue q
                        && q.command() instanceof QueueCommand.AgentCapacity c
                        && c.online()
                        && c.freeChatSlots() == 2);
        var offered = kit.runCommand(new AgentEntity.Handle(new AgentCommand.Offer(5, QUEUE, false), null));
        assertThat(offered.events()).singleElement().isInstanceOf(AgentEvent.SlotReserved.class);
        assertThat(postman.sent).contains(new Effect.ToRequest(5, new RequestCommand.Invite("ana")));
        kit.runCommand(new AgentEntity.Handle(new AgentCommand.InteractionStarted(5), null));

        // Four events with snapshot-every = 3: the restart starts from a snapshot, then one event.
        var restarted = kit.restart();
        assertThat(restarted.state()).isEqualTo(kit.getState());
        assertThat(restarted.state().freeChatSlots()).isEqualTo(1);
        assertThat(kit.snapshotTestKit().orElseThrow().persistedInStorage("Agent|ana"))
                .isNotEmpty();
    }

    @Test
    void agentShellReportsItsCapacityAndAsksEachHeldRequestToConfirmItsSlotAfterARestart_R2_R11_R12() {
        var kit = EventSourcedBehaviorTestKit.<AgentEntity.Command, AgentEvent, AgentState>create(
                TEST_KIT.system(),
                AgentEntity.create("bo", new AgentDecider(), shell, null),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        kit.runCommand(new AgentEntity.Handle(agent("bo", 2), null));
        kit.runCommand(new AgentEntity.Handle(new AgentCommand.LogIn(), null));
        kit.runCommand(new AgentEntity.Handle(new AgentCommand.Offer(7, QUEUE, false), null));
        kit.runCommand(new AgentEntity.Handle(new AgentCommand.Offer(8, QUEUE, false), null));
        kit.runCommand(new AgentEntity.Handle(new AgentCommand.InteractionStarted(8), null));
        postman.sent.clear();

        kit.restart();
        eventually(
                "the capacity report and one confirmation per held slot were sent",
                () -> postman.sent.contains(new Effect.ToRequest(7, new RequestCommand.ConfirmHold(7, "bo", true)))
                        && postman.sent.contains(
                                new Effect.ToRequest(8, new RequestCommand.ConfirmHold(8, "bo", false)))
                        && postman.sent.stream()
                                .anyMatch(e -> e instanceof Effect.ToQueue q
                                        && q.command() instanceof QueueCommand.AgentCapacity c
                                        && c.agentId().equals("bo")
                                        && c.freeChatSlots() == 0));
    }

    @Test
    void requestShellAnswersAConfirmationForAnUnopenedRequestWithAReleaseAndPersistsNothing_R2() {
        var kit = EventSourcedBehaviorTestKit.<RequestEntity.Command, RequestEvent, RequestState>create(
                TEST_KIT.system(),
                RequestEntity.create("11", new RequestDecider(shell.settings().queues()), shell, null),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        var result = kit.<RequestReply>runCommand(
                replyTo -> new RequestEntity.Handle(new RequestCommand.ConfirmHold(11, "bo", true), replyTo));
        assertThat(result.reply().accepted()).isTrue();
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(postman.sent).contains(new Effect.ToAgent("bo", new AgentCommand.Release(11)));
        assertThat(kit.restart().state().isOpened()).isFalse();
    }

    @Test
    void requestShellAnswersAnOfferConfirmationForAnUnopenedRequestWithARemovalAndPersistsNothing_R10() {
        var kit = EventSourcedBehaviorTestKit.<RequestEntity.Command, RequestEvent, RequestState>create(
                TEST_KIT.system(),
                RequestEntity.create("12", new RequestDecider(shell.settings().queues()), shell, null),
                EventSourcedBehaviorTestKit.enabledSerializationSettings());
        var result = kit.<RequestReply>runCommand(
                replyTo -> new RequestEntity.Handle(new RequestCommand.ConfirmOffer(12, QUEUE), replyTo));
        assertThat(result.reply().accepted()).isTrue();
        assertThat(result.hasNoEvents()).isTrue();
        assertThat(postman.sent).contains(new Effect.ToQueue(QUEUE, new QueueCommand.Remove(12, LineExit.REJECTED)));
        assertThat(kit.restart().state().isOpened()).isFalse();
    }

    @Test
    void queueShellAsksEachRequestInItsLineAfterARestartOfferedOrNot_R10_R11_R14() {
        var kit = EventSourcedBehaviorTestKit.<QueueEntity.Command, QueueEvent, QueueState>create(
                TEST_KIT.system(),
                QueueEntity.journal(QUEUE, shell),
                EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
        for (long id = 1; id <= 2; id++) {
            kit.runCommand(new QueueEntity.Handle(
                    new QueueCommand.Enqueue(id, Channel.CHAT, 0, START.toEpochMilli() + id, false), null));
        }
        var offered = kit.runCommand(new QueueEntity.Handle(
                new QueueCommand.AgentCapacity("ana", 1, 1, true, true, START.toEpochMilli()), null));
        assertThat(offered.events()).contains(new QueueEvent.Offered(1, "ana", false, clock.millis()));
        postman.sent.clear();

        kit.restart();
        eventually(
                "request 1, offered, was asked whether the offer arrived",
                () -> postman.sent.contains(new Effect.ToRequest(1, new RequestCommand.ConfirmOffer(1, QUEUE))));
        eventually(
                "request 2, waiting, was told it waits (which wakes it)",
                () -> postman.sent.contains(new Effect.ToRequest(2, new RequestCommand.ConfirmQueued(2, QUEUE))));
        assertThat(postman.sent)
                .as("nothing is offered anew on recovery")
                .containsExactly(
                        new Effect.ToRequest(1, new RequestCommand.ConfirmOffer(1, QUEUE)),
                        new Effect.ToRequest(2, new RequestCommand.ConfirmQueued(2, QUEUE)));
    }

    @Test
    void queueShellPersistsTheLineAndRecoversItsPositions_R8() {
        // The queue's state is the domain's mutable order-statistic line, not serializable itself (its
        // snapshots are QueueSnapshots, below): the state is left out of the round trip.
        var kit = EventSourcedBehaviorTestKit.<QueueEntity.Command, QueueEvent, QueueState>create(
                TEST_KIT.system(),
                QueueEntity.journal(QUEUE, shell),
                EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
        for (long id = 1; id <= 3; id++) {
            QueueCommand enqueue = new QueueCommand.Enqueue(id, Channel.CHAT, 0, START.toEpochMilli() + id, false);
            var entered = kit.<QueueReply>runCommand(replyTo -> new QueueEntity.Handle(enqueue, replyTo));
            assertThat(entered.reply().accepted()).isTrue();
        }
        var twice = kit.<QueueReply>runCommand(replyTo -> new QueueEntity.Handle(
                new QueueCommand.Enqueue(2, Channel.CHAT, 0, START.toEpochMilli(), false), replyTo));
        assertThat(twice.reply().accepted()).isFalse();
        assertThat(twice.hasNoEvents()).isTrue();
        kit.runCommand(new QueueEntity.Handle(new QueueCommand.SetAvailability(2, false), null));

        LineView before = kit.<LineView>runCommand(QueueEntity.GetLine::new).reply();
        assertThat(before.places()).extracting(LineView.Place::requestId).containsExactly(1L, 2L, 3L);
        kit.restart();
        LineView after = kit.<LineView>runCommand(QueueEntity.GetLine::new).reply();
        assertThat(after).isEqualTo(before);
        assertThat(after.places().get(1).available()).isFalse();
    }

    /**
     * A batch decides each command against the state its predecessors leave, writes all their events
     * at once and answers each caller: the second Enqueue of request 2 in the same batch is refused (the
     * first is already folded), and the line comes back after a restart as one write left it.
     */
    @Test
    void queueShellDecidesABatchInOrderAgainstItsOwnEarlierCommands_R8() {
        var kit = EventSourcedBehaviorTestKit.<QueueEntity.Command, QueueEvent, QueueState>create(
                TEST_KIT.system(),
                QueueEntity.journal(QUEUE, shell),
                EventSourcedBehaviorTestKit.disabledSerializationSettings());
        var replies = TEST_KIT.<QueueReply>createTestProbe();
        var done = TEST_KIT.<QueueEntity.Command>createTestProbe();
        List<QueueEntity.Command> commands = new java.util.ArrayList<>();
        for (long id : new long[] {1, 2, 3, 2}) {
            commands.add(new QueueEntity.Handle(
                    new QueueCommand.Enqueue(id, Channel.CHAT, 0, START.toEpochMilli() + id, false), replies.ref()));
        }
        var result = kit.runCommand(new QueueEntity.Batch(commands, done.ref()));

        assertThat(result.events()).hasSize(3).allMatch(e -> e instanceof QueueEvent.Enqueued);
        assertThat(replies.receiveMessage().accepted()).isTrue();
        assertThat(replies.receiveMessage().accepted()).isTrue();
        assertThat(replies.receiveMessage().accepted()).isTrue();
        assertThat(replies.receiveMessage().accepted()).isFalse();
        done.expectMessage(QueueEntity.BatchDone.INSTANCE);
        LineView before = kit.<LineView>runCommand(QueueEntity.GetLine::new).reply();
        assertThat(before.places()).extracting(LineView.Place::requestId).containsExactly(1L, 2L, 3L);
        kit.restart();
        assertThat(kit.<LineView>runCommand(QueueEntity.GetLine::new).reply()).isEqualTo(before);
    }

    @Test
    void queueShellSnapshotsItsLineAndRecoversFromTheSnapshotAloneWithTheSameLineAgentsAndFigures_R2_R8() {
        var kit = EventSourcedBehaviorTestKit.<QueueEntity.Command, QueueEvent, QueueState>create(
                TEST_KIT.system(),
                QueueEntity.journal(QUEUE, shell),
                EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
        String persistenceId = "Queue|" + QUEUE;
        for (long id = 1; id <= 6; id++) {
            Channel channel = id % 3 == 0 ? Channel.VOICE : Channel.CHAT;
            kit.runCommand(new QueueEntity.Handle(
                    new QueueCommand.Enqueue(id, channel, (int) (id % 2), START.toEpochMilli() + id, false), null));
            clock.advance(Duration.ofSeconds(7));
        }
        kit.runCommand(new QueueEntity.Handle(
                new QueueCommand.AgentCapacity("ana", 2, 2, true, true, START.toEpochMilli(), 240_000), null));
        kit.runCommand(new QueueEntity.Handle(new QueueCommand.Route(), null));
        kit.runCommand(new QueueEntity.Handle(new QueueCommand.Remove(5, LineExit.LEFT), null));
        // One more event at a time until the last one is snapshotted (snapshot-every = 3 here).
        boolean available = false;
        while (kit.persistenceTestKit().persistedInStorage(persistenceId).size() % 3 != 0) {
            kit.runCommand(new QueueEntity.Handle(new QueueCommand.SetAvailability(4, available), null));
            available = !available;
        }
        QueueState before = kit.getState();
        LineView lineBefore = kit.<LineView>runCommand(QueueEntity.GetLine::new).reply();
        var stored = kit.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId);
        assertThat(stored).isNotEmpty();
        assertThat(stored.get(stored.size() - 1).second()).isEqualTo(before.toSnapshot());

        // Without its events, the queue can only come back from its snapshot.
        kit.persistenceTestKit().clearByIdPreservingSeqNumbers(persistenceId);
        QueueState after = kit.restart().state();

        assertThat(kit.<LineView>runCommand(QueueEntity.GetLine::new).reply()).isEqualTo(lineBefore);
        assertThat(lineBefore.places()).isNotEmpty();
        assertThat(after.toSnapshot()).isEqualTo(before.toSnapshot());
        assertThat(after.agent("ana")).isEqualTo(before.agent("ana")).isNotNull();
        assertThat(List.of(after.servedCount(), after.offersMade(), after.abandonments(), after.meanHandleMillis()))
                .isEqualTo(List.of(
                        before.servedCount(), before.offersMade(), before.abandonments(), before.meanHandleMillis()));
        assertThat(after.abandonments()).isEqualTo(1);
    }

    /** Records the sends of decisions as the domain's own effect records. */
    private static final class RecordingPostman implements Postman {
        final List<Effect> sent = new CopyOnWriteArrayList<>();

        @Override
        public void toRequest(long requestId, RequestCommand command) {
            sent.add(new Effect.ToRequest(requestId, command));
        }

        @Override
        public void toAgent(String agentId, AgentCommand command) {
            sent.add(new Effect.ToAgent(agentId, command));
        }

        @Override
        public void toQueue(String queueId, QueueCommand command) {
            sent.add(new Effect.ToQueue(queueId, command));
        }
    }
}
