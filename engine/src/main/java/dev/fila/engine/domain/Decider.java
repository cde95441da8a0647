package dev.fila.engine.domain;

/**
 * The shape every aggregate takes: an initial state, {@code decide} and {@code evolve}. A decider is
 * a value; nothing in its types speaks of actors, databases or clocks. Both runtimes (the live actor
 * shell and the simulation kernel) execute the same deciders.
 *
 * <p>{@code decide} reads the state and never changes it. {@code evolve} returns the next state; all
 * aggregates but the queue return a new immutable value (the queue updates its order-statistic line
 * in place: see {@link dev.fila.engine.domain.queue.QueueState}).
 *
 * @param <S> state
 * @param <C> command
 * @param <E> event
 * @param <R> rejection
 */
public interface Decider<S, C, E, R> {

    S initialState();

    /** Decides what a command means at {@code nowMillis} (epoch milliseconds, from the caller). */
    Decision<E, R> decide(S state, C command, long nowMillis);

    S evolve(S state, E event);

    /** Folds events onto a state, in order. */
    default S evolveAll(S state, Iterable<? extends E> events) {
        S next = state;
        for (E event : events) {
            next = evolve(next, event);
        }
        return next;
    }
}
