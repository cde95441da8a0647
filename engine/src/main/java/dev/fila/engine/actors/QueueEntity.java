package dev.fila.engine.actors;

import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.eta.FilaEtaPredictor;
import dev.fila.engine.domain.queue.QueueCommand;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueRejection;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueSnapshot;
import dev.fila.engine.domain.queue.QueueState;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The shell of one queue: {@link QueueDecider#decide} with the engine's clock, events persisted, then
 * effects carried out (offers to agents, line-change notifications); {@link QueueDecider#evolve} on
 * every event. A queue exists only when configured ({@code fila.queues}): its settings are
 * configuration, not state.
 *
 * <p><b>Write batching.</b> An event-sourced entity persists one command's events at a time and stashes
 * what arrives meanwhile, so a queue alone would take one journal round trip per command — every
 * arrival, offer and departure of its line passes through it. {@link #create} therefore puts a {@link
 * Batcher} in front of the entity: while one batch is being written, the commands that arrive wait in
 * the batcher, and the next batch carries all of them. The entity decides a batch's commands one after
 * the other, each against the state its predecessors' events leave (a working copy of the line), writes
 * all their events in one atomic write, then carries out every decision's effects and answers every
 * caller, in arrival order. One command alone costs what it did before; under load a queue writes tens
 * or hundreds of commands per round trip. Durability is unchanged: nobody is answered and nothing is
 * sent before the events are written.
 *
 * <p><b>Snapshots.</b> Every {@code fila.snapshot-every} events a queue stores a snapshot and recovers
 * from the latest one plus the events after it. {@link QueueState} is the domain's one mutable state
 * (an order-statistic tree updated in place), so what is stored is its immutable picture, {@link
 * QueueSnapshot}, through {@link #snapshotAdapter()}: taken in O(n) when Pekko saves the snapshot (in
 * the entity, after the events that cross the interval are written), rebuilt in O(n) on recovery, and
 * serialized as Jackson CBOR like the events (bound in {@code reference.conf}). Events are kept: the
 * read models read them.
 */
public final class QueueEntity
        extends EventSourcedBehaviorWithEnforcedReplies<QueueEntity.Command, QueueEvent, QueueState> {

    public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "Queue");

    /**
     * The name of this entity type's event stream, as the read models' projections ask for it (their
     * "tag"): events carry no tag rows; the journal's reader selects them by persistence-id prefix
     * ({@link dev.fila.engine.actors.journal.EntityStreamReadJournalDao}).
     */
    public static final String TAG = "queue";

    /** What a queue entity is told. */
    public sealed interface Command extends CborSerializable {}

    /** A domain command; {@code replyTo} is null for sends between entities. */
    public record Handle(QueueCommand command, ActorRef<QueueReply> replyTo) implements Command {}

    /** R8: its line with positions and ETAs. */
    public record GetLine(ActorRef<LineView> replyTo) implements Command {}

    /**
     * Several commands decided in order and written at once; {@code done} (null for none) hears when
     * they are. Local only.
     */
    record Batch(List<Command> commands, ActorRef<Command> done) implements Command {}

    /** The batcher's cue that the entity took the previous batch and is ready for the next. */
    enum BatchDone implements Command {
        INSTANCE
    }

    /** Sharding's stop message for a queue (passivation, hand-off): the batch in flight is finished first. */
    public enum Stop implements Command {
        INSTANCE
    }

    /** The most commands one batch carries (the rest wait for the next). */
    static final int MAX_BATCH = 1000;

    private static final EtaPredictor ETA = new FilaEtaPredictor();

    private final QueueDecider decider;
    private final ShellContext shell;

    private QueueEntity(String entityId, QueueDecider decider, ShellContext shell) {
        super(PersistenceId.of(ENTITY_TYPE_KEY.name(), entityId));
        this.decider = decider;
        this.shell = shell;
    }

    /**
     * The behaviour of queue {@code entityId}: the event-sourced entity behind a {@link Batcher}. An id
     * not configured in {@code fila.queues} gets a behaviour that drops what it is sent and passivates
     * (the facade refuses such ids before).
     *
     * @param shard the shard to ask for passivation, or null outside sharding
     */
    public static Behavior<Command> create(
            String entityId, ShellContext shell, ActorRef<ClusterSharding.ShardCommand> shard) {
        QueueSettings settings = shell.settings().queues().get(entityId);
        if (settings == null) {
            return Behaviors.setup(context -> {
                context.getLog().warn("no queue '{}' is configured (fila.queues); dropping what it is sent", entityId);
                if (shard != null) {
                    shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
                }
                return Behaviors.receiveMessage(
                        message -> message == Stop.INSTANCE ? Behaviors.stopped() : Behaviors.same());
            });
        }
        return Batcher.<Command>create(
                new QueueEntity(entityId, new QueueDecider(settings), shell),
                Batch::new,
                BatchDone.INSTANCE,
                Stop.INSTANCE,
                MAX_BATCH);
    }

    /** The event-sourced entity alone, each command its own write (tests of the shell; {@link #create} batches). */
    static QueueEntity journal(String entityId, ShellContext shell) {
        QueueSettings settings = shell.settings().queues().get(entityId);
        if (settings == null) {
            throw new IllegalArgumentException("no queue '" + entityId + "' is configured");
        }
        return new QueueEntity(entityId, new QueueDecider(settings), shell);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(shell.settings().queueSnapshotEvery(), 2);
    }

    @Override
    public SnapshotAdapter<QueueState> snapshotAdapter() {
        QueueSettings settings = decider.settings();
        return new SnapshotAdapter<>() {
            @Override
            public Object toJournal(QueueState state) {
                return state.toSnapshot();
            }

            @Override
            public QueueState fromJournal(Object from) {
                return QueueState.fromSnapshot(settings, (QueueSnapshot) from);
            }
        };
    }

    @Override
    public QueueState emptyState() {
        return decider.initialState();
    }

    @Override
    public CommandHandlerWithReply<Command, QueueEvent, QueueState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Handle.class, this::onHandle)
                .onCommand(GetLine.class, this::onGetLine)
                .onCommand(Batch.class, this::onBatch)
                .onCommand(BatchDone.class, (state, done) -> Effect().none().thenNoReply())
                .onCommand(Stop.class, (state, stop) -> Effect().stop().thenNoReply())
                .build();
    }

    private ReplyEffect<QueueEvent, QueueState> onGetLine(QueueState state, GetLine get) {
        return Effect().reply(get.replyTo(), line(state, shell.clock().millis()));
    }

    /** R8: the line of {@code state} with every place's position and ETA as of {@code nowMillis} (also the queue board's). */
    public static LineView line(QueueState state, long nowMillis) {
        List<LineView.Place> places = new ArrayList<>(state.line().size());
        state.line().forEach((requestId, priorityClass, sortTimeMillis, exclusive, available, offered) -> {
            int position = places.size() + 1;
            places.add(new LineView.Place(
                    requestId, position, ETA.predictWaitMillis(state, position, nowMillis), available, offered));
        });
        return new LineView(state.queueId(), nowMillis, places);
    }

    /** One command alone (sent to the entity without its batcher): a batch of one, nobody to tell it is done. */
    private ReplyEffect<QueueEvent, QueueState> onHandle(QueueState state, Handle handle) {
        return onBatch(state, new Batch(List.of(handle), null));
    }

    /** What one command of a batch came to: its decision (or null for a {@link GetLine}) and who asked. */
    private record Decided(Command command, Decision<QueueEvent, QueueRejection> decision) {}

    private ReplyEffect<QueueEvent, QueueState> onBatch(QueueState state, Batch batch) {
        long nowMillis = shell.clock().millis();
        List<Command> commands = batch.commands();
        List<Decided> decided = new ArrayList<>(commands.size());
        List<QueueEvent> events = new ArrayList<>();
        QueueState working = state; // becomes a copy before the first event is folded: decide never sees it change
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            if (!(command instanceof Handle handle)) {
                decided.add(new Decided(command, null));
                continue;
            }
            Decision<QueueEvent, QueueRejection> decision = decider.decide(working, handle.command(), nowMillis);
            decided.add(new Decided(command, decision));
            if (decision instanceof Decision.Accepted<QueueEvent, QueueRejection> accepted
                    && !accepted.events().isEmpty()) {
                events.addAll(accepted.events());
                if (i < commands.size() - 1) {
                    if (working == state) {
                        working = state.copy();
                    }
                    for (QueueEvent event : accepted.events()) {
                        decider.evolve(working, event);
                    }
                }
            }
        }
        EffectBuilder<QueueEvent, QueueState> effect =
                events.isEmpty() ? Effect().none() : Effect().persist(events);
        return effect.thenRun(s -> {
                    if (!events.isEmpty() && shell.hub().hasListeners()) {
                        for (QueueEvent event : events) {
                            shell.hub().publish(new EngineChange.QueueChanged(s.queueId(), event));
                        }
                    }
                    for (Decided one : decided) {
                        answer(s, one);
                    }
                    if (batch.done() != null) {
                        batch.done().tell(BatchDone.INSTANCE);
                    }
                })
                .thenNoReply();
    }

    private void answer(QueueState state, Decided one) {
        switch (one.command()) {
            case Handle handle -> {
                switch (one.decision()) {
                    case Decision.Rejected<QueueEvent, QueueRejection> rejected -> {
                        if (handle.replyTo() != null) {
                            handle.replyTo().tell(QueueReply.rejected(rejected.rejection()));
                        }
                    }
                    case Decision.Accepted<QueueEvent, QueueRejection> accepted -> {
                        Effects.carryOut(accepted, shell, Effects.NO_TIMERS);
                        if (handle.replyTo() != null) {
                            handle.replyTo().tell(QueueReply.of(accepted.events()));
                        }
                    }
                }
            }
            case GetLine get -> get.replyTo().tell(line(state, shell.clock().millis()));
            case Batch nested -> throw new IllegalStateException("a batch inside a batch");
            case BatchDone done -> {}
            case Stop stop -> {}
        }
    }

    @Override
    public EventHandler<QueueState, QueueEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(decider::evolve);
    }

    @Override
    public SignalHandler<QueueState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::resend)
                .build();
    }

    /**
     * After recovery: each request the line holds as offered is asked whether the offer reached an agent
     * (an at-most-once {@code Offer} lost in a crash, see {@link QueueDecider#resendOnRecovery}).
     */
    private void resend(QueueState state) {
        Effects.resend(decider.resendOnRecovery(state), shell);
    }
}
