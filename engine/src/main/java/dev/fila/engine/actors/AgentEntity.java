package dev.fila.engine.actors;

import dev.fila.engine.domain.Decision;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.AgentDecider;
import dev.fila.engine.domain.agent.AgentEvent;
import dev.fila.engine.domain.agent.AgentRejection;
import dev.fila.engine.domain.agent.AgentState;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The shell of one agent: {@link AgentDecider#decide} with the engine's clock, events persisted, then
 * effects carried out (offers answered, capacity reported to its queues); {@link AgentDecider#evolve}
 * on every event. The agent is the single authority on its capacity (R2, R3); nothing of that is here.
 */
public final class AgentEntity
        extends EventSourcedBehaviorWithEnforcedReplies<AgentEntity.Command, AgentEvent, AgentState> {

    public static final EntityTypeKey<Command> ENTITY_TYPE_KEY = EntityTypeKey.create(Command.class, "Agent");

    /**
     * The name of this entity type's event stream, as the read models' projections ask for it (their
     * "tag"): events carry no tag rows; the journal's reader selects them by persistence-id prefix
     * ({@link dev.fila.engine.actors.journal.EntityStreamReadJournalDao}).
     */
    public static final String TAG = "agent";

    /** What an agent entity is told. */
    public sealed interface Command extends CborSerializable {}

    /** A domain command; {@code replyTo} is null for sends between entities. */
    public record Handle(AgentCommand command, ActorRef<AgentReply> replyTo) implements Command {}

    /** Its current state (unregistered for an id that was never registered). */
    public record Get(ActorRef<AgentState> replyTo) implements Command {}

    private final AgentDecider decider;
    private final ShellContext shell;
    private final Runnable passivate;

    private AgentEntity(String entityId, AgentDecider decider, ShellContext shell, Runnable passivate) {
        super(PersistenceId.of(ENTITY_TYPE_KEY.name(), entityId));
        this.decider = decider;
        this.shell = shell;
        this.passivate = passivate;
    }

    /**
     * The behaviour of agent {@code entityId}.
     *
     * @param shard the shard to ask for passivation, or null outside sharding
     */
    public static Behavior<Command> create(
            String entityId, AgentDecider decider, ShellContext shell, ActorRef<ClusterSharding.ShardCommand> shard) {
        return Behaviors.setup(context -> {
            Runnable passivate =
                    shard == null ? () -> {} : () -> shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
            return new AgentEntity(entityId, decider, shell, passivate);
        });
    }

    @Override
    public AgentState emptyState() {
        return decider.initialState();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(shell.settings().snapshotEvery(), 2);
    }

    @Override
    public CommandHandlerWithReply<Command, AgentEvent, AgentState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Handle.class, this::onHandle)
                .onCommand(Get.class, this::onGet)
                .build();
    }

    private ReplyEffect<AgentEvent, AgentState> onGet(AgentState state, Get get) {
        if (!state.isRegistered()) {
            return Effect().none().thenRun(s -> passivate.run()).thenReply(get.replyTo(), s -> s);
        }
        return Effect().reply(get.replyTo(), state);
    }

    private ReplyEffect<AgentEvent, AgentState> onHandle(AgentState state, Handle handle) {
        ActorRef<AgentReply> replyTo = handle.replyTo();
        Decision<AgentEvent, AgentRejection> decision =
                decider.decide(state, handle.command(), shell.clock().millis());
        return switch (decision) {
            case Decision.Rejected<AgentEvent, AgentRejection> rejected -> {
                AgentReply reply = AgentReply.rejected(rejected.rejection());
                EffectBuilder<AgentEvent, AgentState> none = state.isRegistered()
                        ? Effect().none()
                        // An unknown agent is an error, never a new empty entity: nothing persisted, gone.
                        : Effect().none().thenRun(s -> passivate.run());
                yield reply(none, replyTo, reply);
            }
            case Decision.Accepted<AgentEvent, AgentRejection> accepted -> {
                List<AgentEvent> events = accepted.events();
                EffectBuilder<AgentEvent, AgentState> effect;
                if (events.isEmpty()) {
                    effect = Effect().none().thenRun(s -> {
                        Effects.carryOut(accepted, shell, Effects.NO_TIMERS);
                        if (!s.isRegistered()) {
                            passivate.run();
                        }
                    });
                } else {
                    effect = Effect().persist(events).thenRun(s -> {
                        if (shell.hub().hasListeners()) {
                            for (AgentEvent event : events) {
                                shell.hub().publish(new EngineChange.AgentChanged(s.agentId(), event));
                            }
                        }
                        Effects.carryOut(accepted, shell, Effects.NO_TIMERS);
                    });
                }
                yield reply(effect, replyTo, AgentReply.of(events));
            }
        };
    }

    private static ReplyEffect<AgentEvent, AgentState> reply(
            EffectBuilder<AgentEvent, AgentState> effect, ActorRef<AgentReply> replyTo, AgentReply reply) {
        return replyTo == null ? effect.thenNoReply() : effect.thenReply(replyTo, s -> reply);
    }

    @Override
    public EventHandler<AgentState, AgentEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(decider::evolve);
    }

    @Override
    public SignalHandler<AgentState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::resend)
                .build();
    }

    /**
     * After recovery: the capacity reported again to every queue, and every held slot confirmed with its
     * request (at-most-once sends lost in a crash, see {@link AgentDecider#resendOnRecovery}).
     */
    private void resend(AgentState state) {
        Effects.resend(decider.resendOnRecovery(state), shell);
    }
}
