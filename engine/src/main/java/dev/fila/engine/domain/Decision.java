package dev.fila.engine.domain;

import java.util.List;
import java.util.Objects;

/**
 * What {@code decide} returns: either the events to record and the effects to carry out after they
 * are recorded, or a rejection with a reason code. A rejection changes nothing.
 *
 * @param <E> event
 * @param <R> rejection
 */
public sealed interface Decision<E, R> {

    record Accepted<E, R>(List<E> events, List<Effect> effects) implements Decision<E, R> {
        public Accepted {
            events = List.copyOf(events);
            effects = List.copyOf(effects);
        }
    }

    record Rejected<E, R>(R rejection) implements Decision<E, R> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <E, R> Decision<E, R> accept(E event, Effect... effects) {
        return new Accepted<>(List.of(event), List.of(effects));
    }

    static <E, R> Decision<E, R> accept(List<E> events, List<Effect> effects) {
        return new Accepted<>(events, effects);
    }

    /** Nothing to record and nothing to do: a repeated or stale command. */
    static <E, R> Decision<E, R> nothing() {
        return new Accepted<>(List.of(), List.of());
    }

    /** Nothing to record, but something to do (for example, give back an agent's slot). */
    static <E, R> Decision<E, R> only(Effect... effects) {
        return new Accepted<>(List.of(), List.of(effects));
    }

    static <E, R> Decision<E, R> reject(R rejection) {
        return new Rejected<>(rejection);
    }

    default boolean isRejected() {
        return this instanceof Rejected;
    }
}
