package dev.fila.engine.actors;

import java.util.List;

/**
 * What an entity answers the caller who asked: the events its command recorded (possibly none: a
 * repeated or stale command), or the domain's rejection with its reason code, which changed nothing.
 *
 * @param <E> the entity's event family
 * @param <R> the entity's rejection
 */
public sealed interface Reply<E, R> extends CborSerializable permits RequestReply, AgentReply, QueueReply {

    /** The events recorded, in order; empty when rejected. */
    List<E> events();

    /** The domain's rejection, or null when the command was accepted. */
    R rejection();

    default boolean accepted() {
        return rejection() == null;
    }
}
