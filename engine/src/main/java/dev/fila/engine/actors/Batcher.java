package dev.fila.engine.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * In front of an event-sourced entity that decides whole batches: the first command goes through at
 * once, alone; the commands that arrive while a batch is being written are held here, in order, and go
 * together as the next batch when the entity says it is done. No command waits longer than one write,
 * and under load one write carries many commands. If the entity stops (a failed write stops it), the
 * batcher stops too, so that the shard starts both again on the next message.
 */
final class Batcher<C> {

    private final ActorContext<C> context;
    private final ActorRef<C> entity;
    private final BiFunction<List<C>, ActorRef<C>, C> batchOf;
    private final C done;
    private final C stop;
    private final int maxBatch;
    private boolean stopping;
    private List<C> waiting = new ArrayList<>();
    private boolean writing;

    private Batcher(
            ActorContext<C> context,
            ActorRef<C> entity,
            BiFunction<List<C>, ActorRef<C>, C> batchOf,
            C done,
            C stop,
            int maxBatch) {
        this.context = context;
        this.entity = entity;
        this.batchOf = batchOf;
        this.done = done;
        this.stop = stop;
        this.maxBatch = maxBatch;
    }

    /**
     * @param entity the entity's behaviour, spawned as this batcher's child
     * @param batchOf wraps commands in the entity's batch command, naming whom to tell when it is done
     * @param done the message the entity sends back when a batch is written and answered
     * @param stop the message that stops both (sharding's stop message on passivation and hand-off):
     *     what is written or waiting is written and answered first
     */
    static <C> Behavior<C> create(
            Behavior<C> entity, BiFunction<List<C>, ActorRef<C>, C> batchOf, C done, C stop, int maxBatch) {
        return Behaviors.setup(context -> {
            ActorRef<C> child = context.spawn(entity, "entity");
            context.watch(child);
            return new Batcher<>(context, child, batchOf, done, stop, maxBatch).behavior();
        });
    }

    private Behavior<C> behavior() {
        return Behaviors.receive(
                (ctx, message) -> {
                    if (message.equals(stop)) {
                        stopping = true;
                    } else if (message.equals(done)) {
                        writing = false;
                        sendWaiting();
                    } else {
                        waiting.add(message);
                        if (!writing) {
                            sendWaiting();
                        }
                    }
                    return stopping && !writing ? Behaviors.stopped() : Behaviors.same();
                },
                (ctx, signal) -> signal instanceof Terminated ? Behaviors.stopped() : Behaviors.same());
    }

    private void sendWaiting() {
        if (waiting.isEmpty()) {
            return;
        }
        List<C> batch;
        if (waiting.size() <= maxBatch) {
            batch = waiting;
            waiting = new ArrayList<>();
        } else {
            batch = new ArrayList<>(waiting.subList(0, maxBatch));
            waiting = new ArrayList<>(waiting.subList(maxBatch, waiting.size()));
        }
        writing = true;
        entity.tell(batchOf.apply(batch, context.getSelf()));
    }
}
