package dev.fila.engine.actors;

import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.TimerKind;
import dev.fila.engine.domain.request.InteractionState;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDecider;
import dev.fila.engine.domain.request.RequestEvent;
import dev.fila.engine.domain.request.RequestRejection;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.Recovery;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The shell of one request: {@link RequestDecider#decide} with the engine's clock, its events persisted
 * (all of one decision atomically), then its effects carried out; {@link RequestDecider#evolve} on
 * every event. No rule lives here.
 *
 * <p><b>Timers</b> (R11, R14, R17) are Pekko timers keyed by {@link TimerKind}. Their deadlines are in
 * the request's events, so on recovery each live deadline is armed again (one already past fires at
 * once) and a crash loses none. A timer sleeps at most {@code fila.timers.max-delay}, then reads the
 * clock again: the deadline is due by the engine's clock, not by the scheduler's.
 */
public final class RequestEntity
        extends EventSourcedBehaviorWithEnforcedReplies<RequestEntity.Command, RequestEvent, RequestState> {

    public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "Request");

    /**
     * The name of this entity type's event stream, as the read models' projections ask for it (their
     * "tag"): events carry no tag rows; the journal's reader selects them by persistence-id prefix
     * ({@link dev.fila.engine.actors.journal.EntityStreamReadJournalDao}).
     */
    public static final String TAG = "request";

    /** What a request entity is told. */
    public sealed interface Command extends CborSerializable {}

    /** A domain command; {@code replyTo} is null for sends between entities (nobody waits). */
    public record Handle(RequestCommand command, ActorRef<RequestReply> replyTo) implements Command {}

    /** One of its timers woke up (it may still be early by the engine's clock). */
    public record TimerDue(TimerKind kind, long dueMillis) implements Command {}

    /** The cue, a while after a request finished, to passivate it if it still is finished. Local only. */
    enum PassivateIfFinished implements Command {
        INSTANCE
    }

    /** Its current state (an unopened state for an id that was never opened). */
    public record Get(ActorRef<RequestState> replyTo) implements Command {}

    private final RequestDecider decider;
    private final ShellContext shell;
    private final TimerScheduler<Command> timers;
    private final Runnable passivate;
    private final Effects.Timers timerEffects;

    private RequestEntity(
            String entityId,
            RequestDecider decider,
            ShellContext shell,
            TimerScheduler<Command> timers,
            Runnable passivate) {
        super(PersistenceId.of(ENTITY_TYPE_KEY.name(), entityId));
        this.decider = decider;
        this.shell = shell;
        this.timers = timers;
        this.passivate = passivate;
        this.timerEffects = new Effects.Timers() {
            @Override
            public void start(TimerKind kind, long dueMillis) {
                arm(kind, dueMillis);
            }

            @Override
            public void cancel(TimerKind kind) {
                timers.cancel(kind);
            }
        };
    }

    /**
     * The behaviour of request {@code entityId} (its id as a decimal string).
     *
     * @param shard the shard to ask for passivation, or null outside sharding
     */
    public static Behavior<Command> create(
            String entityId, RequestDecider decider, ShellContext shell, ActorRef<ClusterSharding.ShardCommand> shard) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            Runnable passivate =
                    shard == null ? () -> {} : () -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
            return new RequestEntity(entityId, decider, shell, timers, passivate);
        }));
    }

    @Override
    public RequestState emptyState() {
        return decider.initialState();
    }

    /**
     * No snapshots for requests: a request lives a few dozen events, and looking for a snapshot costs a
     * query at every start of a request entity — one per arrival — while replaying its few events
     * costs less. Events are never deleted, so journals that hold request snapshots from before
     * recover the same from their events.
     */
    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.disabled();
    }

    @Override
    public Recovery recovery() {
        return Recovery.withSnapshotSelectionCriteria(SnapshotSelectionCriteria.none());
    }

    @Override
    public CommandHandlerWithReply<Command, RequestEvent, RequestState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Handle.class, this::onHandle)
                .onCommand(TimerDue.class, this::onTimerDue)
                .onCommand(Get.class, this::onGet)
                .onCommand(PassivateIfFinished.class, this::onPassivateIfFinished)
                .build();
    }

    private ReplyEffect<RequestEvent, RequestState> onHandle(RequestState state, Handle handle) {
        return decideAndApply(state, handle.command(), handle.replyTo());
    }

    private ReplyEffect<RequestEvent, RequestState> onTimerDue(RequestState state, TimerDue due) {
        if (shell.clock().millis() < due.dueMillis()) {
            return Effect()
                    .none()
                    .thenRun(s -> arm(due.kind(), due.dueMillis()))
                    .thenNoReply();
        }
        return decideAndApply(state, new RequestCommand.TimerFired(due.kind(), due.dueMillis()), null);
    }

    private ReplyEffect<RequestEvent, RequestState> onPassivateIfFinished(RequestState state, PassivateIfFinished cue) {
        return Effect()
                .none()
                .thenRun(s -> {
                    if (isFinished(s)) {
                        passivate.run();
                    }
                })
                .thenNoReply();
    }

    /** Arms the passivation cue when {@code state} is finished (every new event re-arms it). */
    private void passivateLaterIfFinished(RequestState state) {
        if (isFinished(state)) {
            timers.startSingleTimer(
                    PassivateIfFinished.INSTANCE,
                    PassivateIfFinished.INSTANCE,
                    shell.settings().passivateFinishedAfter());
        }
    }

    /**
     * Finished: past its life in the line and with an agent (closed awaiting its survey, surveyed, left,
     * expired, rejected), with no timer left to fire. Only a customer's later command (a survey answer
     * R16, a renewal R14) or a query wakes it again.
     */
    static boolean isFinished(RequestState state) {
        RequestStatus status = state.status();
        boolean past = status == RequestStatus.CLOSED
                || status == RequestStatus.SURVEYED
                || status == RequestStatus.LEFT
                || status == RequestStatus.EXPIRED
                || status == RequestStatus.REJECTED;
        if (!past) {
            return false;
        }
        for (long deadline : liveDeadlines(state)) {
            if (deadline != NONE) {
                return false;
            }
        }
        return true;
    }

    private ReplyEffect<RequestEvent, RequestState> onGet(RequestState state, Get get) {
        if (!state.isOpened()) {
            // Asked about an id that was never opened: answer, and leave no entity behind.
            return Effect().none().thenRun(s -> passivate.run()).thenReply(get.replyTo(), s -> s);
        }
        return Effect().reply(get.replyTo(), state);
    }

    private ReplyEffect<RequestEvent, RequestState> decideAndApply(
            RequestState state, RequestCommand command, ActorRef<RequestReply> replyTo) {
        Decision<RequestEvent, RequestRejection> decision =
                decider.decide(state, command, shell.clock().millis());
        return switch (decision) {
            case Decision.Rejected<RequestEvent, RequestRejection> rejected -> {
                RequestReply reply = RequestReply.rejected(rejected.rejection());
                if (!state.isOpened()) {
                    // An unknown request is an error, never a new empty entity: nothing persisted, gone.
                    yield reply(Effect().none().thenRun(s -> passivate.run()), replyTo, reply);
                }
                yield replyTo == null ? Effect().none().thenNoReply() : Effect().reply(replyTo, reply);
            }
            case Decision.Accepted<RequestEvent, RequestRejection> accepted -> {
                List<RequestEvent> events = accepted.events();
                RequestReply reply = RequestReply.of(events);
                var effect = events.isEmpty()
                        ? Effect().none().thenRun(s -> {
                            Effects.carryOut(accepted, shell, timerEffects);
                            if (!s.isOpened()) {
                                // Answered for an unknown request (a ConfirmHold): leave no entity behind.
                                passivate.run();
                            }
                        })
                        : Effect().persist(events).thenRun(s -> {
                            publish(s, events);
                            Effects.carryOut(accepted, shell, timerEffects);
                            passivateLaterIfFinished(s);
                        });
                yield reply(effect, replyTo, reply);
            }
        };
    }

    private static ReplyEffect<RequestEvent, RequestState> reply(
            org.apache.pekko.persistence.typed.javadsl.EffectBuilder<RequestEvent, RequestState> effect,
            ActorRef<RequestReply> replyTo,
            RequestReply reply) {
        return replyTo == null ? effect.thenNoReply() : effect.thenReply(replyTo, s -> reply);
    }

    private void publish(RequestState state, List<RequestEvent> events) {
        if (shell.hub().hasListeners()) {
            for (RequestEvent event : events) {
                shell.hub().publish(new EngineChange.RequestChanged(state.requestId(), event));
            }
        }
    }

    /** Arms {@code kind} for {@code dueMillis} by the engine's clock, sleeping at most max-delay. */
    private void arm(TimerKind kind, long dueMillis) {
        long delayMillis = Math.max(0, dueMillis - shell.clock().millis());
        long capped = Math.min(delayMillis, shell.settings().maxTimerDelay().toMillis());
        timers.startSingleTimer(kind, new TimerDue(kind, dueMillis), Duration.ofMillis(capped));
    }

    @Override
    public EventHandler<RequestState, RequestEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(decider::evolve);
    }

    @Override
    public SignalHandler<RequestState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::rearm)
                .build();
    }

    /**
     * Item 2: every deadline still live in the recovered state is armed again; and what the request
     * told its queue is told again (at-most-once sends lost in a crash, see {@link
     * RequestDecider#resendOnRecovery}).
     */
    private void rearm(RequestState state) {
        Effects.resend(decider.resendOnRecovery(state), shell);
        passivateLaterIfFinished(state);
        long[] deadlines = liveDeadlines(state);
        for (TimerKind kind : TimerKind.values()) {
            if (deadlines[kind.ordinal()] != NONE) {
                arm(kind, deadlines[kind.ordinal()]);
            }
        }
    }

    static final long NONE = Long.MIN_VALUE;

    /**
     * The deadline of each timer the state still waits for, by {@link TimerKind#ordinal()} ({@link
     * #NONE} when there is none). Reads the state's own deadlines; arming one that has become stale
     * is harmless, since the decider ignores a timer whose deadline is no longer its own.
     */
    static long[] liveDeadlines(RequestState state) {
        long[] deadlines = new long[TimerKind.values().length];
        java.util.Arrays.fill(deadlines, NONE);
        if (state.status() == RequestStatus.INVITED && state.invitation() != null) {
            deadlines[TimerKind.INVITATION.ordinal()] = state.invitation().expiresAtMillis();
        }
        if (state.status().isQueued()) {
            deadlines[TimerKind.EXPIRY.ordinal()] = state.expiresAtMillis();
        }
        if (state.status() == RequestStatus.IN_SERVICE && state.interactionState() == InteractionState.CUSTOMER_AWAY) {
            deadlines[TimerKind.RETURN_GRACE.ordinal()] = state.interaction().graceEndsAtMillis();
        }
        return deadlines;
    }
}
