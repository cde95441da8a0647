package dev.fila.engine.actors.journal;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The smallest event-sourced entity that proves a journal configuration: it records numbers, one
 * persisted event each, replies only after the event is persisted, and recovers the numbers in the
 * order they were recorded. It knows nothing of Fila's domain, so the journal tests do not depend on
 * the engine's entities. A snapshot every {@code snapshotEvery} events exercises the snapshot store.
 */
public final class Tally extends EventSourcedBehavior<Tally.Command, Tally.Recorded, Tally.State> {

    /** Marker of what the journal stores (events and snapshots), bound to Jackson CBOR in config. */
    public interface Cbor {}

    public sealed interface Command {}

    /** Record {@code value}; the reply is the persisted event. */
    public record Record(long value, ActorRef<Recorded> replyTo) implements Command {}

    /** Reply with everything recorded so far. */
    public record Read(ActorRef<State> replyTo) implements Command {}

    /** The one event: {@code value} was recorded. */
    public record Recorded(long value) implements Cbor {}

    /** The numbers recorded, in order (also the snapshot). */
    public record State(List<Long> values) implements Cbor {
        public State {
            values = List.copyOf(values);
        }
    }

    private final int snapshotEvery;

    private Tally(PersistenceId persistenceId, int snapshotEvery) {
        super(persistenceId);
        this.snapshotEvery = snapshotEvery;
    }

    public static Behavior<Command> create(String persistenceId, int snapshotEvery) {
        return new Tally(PersistenceId.ofUniqueId(persistenceId), snapshotEvery);
    }

    @Override
    public State emptyState() {
        return new State(List.of());
    }

    @Override
    public CommandHandler<Command, Recorded, State> commandHandler() {
        return newCommandHandlerBuilder()
                .forAnyState()
                .onCommand(Record.class, (state, record) -> Effect()
                        .persist(new Recorded(record.value()))
                        .thenReply(record.replyTo(), s -> new Recorded(record.value())))
                .onCommand(Read.class, (state, read) -> Effect().reply(read.replyTo(), state))
                .build();
    }

    @Override
    public EventHandler<State, Recorded> eventHandler() {
        return newEventHandlerBuilder()
                .forAnyState()
                .onEvent(Recorded.class, (state, event) -> {
                    List<Long> values = new ArrayList<>(state.values().size() + 1);
                    values.addAll(state.values());
                    values.add(event.value());
                    return new State(values);
                })
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return snapshotEvery > 0 ? RetentionCriteria.snapshotEvery(snapshotEvery, 2) : RetentionCriteria.disabled();
    }
}
