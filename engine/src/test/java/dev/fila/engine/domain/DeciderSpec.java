package dev.fila.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Given/when/then for deciders: {@code given(events…).when(command, now).thenEvents(…)}. Every accepted
 * decision is checked both ways: the decided events folded onto the given state, and the state folded
 * from scratch over given + decided events, must agree; and the state is checked after a rejection to
 * be exactly the given one.
 */
public final class DeciderSpec<S, C, E, R> {

    private final Decider<S, C, E, R> decider;
    private final Function<S, Object> snapshot;

    private DeciderSpec(Decider<S, C, E, R> decider, Function<S, Object> snapshot) {
        this.decider = decider;
        this.snapshot = snapshot;
    }

    /** For deciders with value states (records): states are compared with equals. */
    public static <S, C, E, R> DeciderSpec<S, C, E, R> of(Decider<S, C, E, R> decider) {
        return new DeciderSpec<>(decider, s -> s);
    }

    /** For deciders whose state needs a custom comparable view (the queue's mutable line). */
    public static <S, C, E, R> DeciderSpec<S, C, E, R> of(Decider<S, C, E, R> decider, Function<S, Object> snapshot) {
        return new DeciderSpec<>(decider, snapshot);
    }

    @SafeVarargs
    public final Given given(E... events) {
        return new Given(List.of(events));
    }

    public final class Given {
        private final List<E> history;

        private Given(List<E> history) {
            this.history = history;
        }

        public S state() {
            return decider.evolveAll(decider.initialState(), history);
        }

        public Then when(C command, long nowMillis) {
            S before = state();
            Object beforeView = snapshot.apply(before);
            Decision<E, R> decision = decider.decide(before, command, nowMillis);
            assertThat(snapshot.apply(before))
                    .as("decide must not change the state it reads")
                    .isEqualTo(beforeView);
            return new Then(history, decision);
        }
    }

    public final class Then {
        private final List<E> history;
        private final Decision<E, R> decision;

        private Then(List<E> history, Decision<E, R> decision) {
            this.history = history;
            this.decision = decision;
        }

        public Decision<E, R> decision() {
            return decision;
        }

        private Decision.Accepted<E, R> accepted() {
            if (decision instanceof Decision.Accepted<E, R> accepted) {
                return accepted;
            }
            return fail("expected the command to be accepted, but it was rejected: %s", decision);
        }

        public List<E> events() {
            return accepted().events();
        }

        public List<Effect> effects() {
            return accepted().effects();
        }

        @SafeVarargs
        public final Then thenEvents(E... expected) {
            assertThat(events()).containsExactly(expected);
            return this;
        }

        /** Asserts on the state after the decided events, folded both ways (which must agree). */
        public Then thenState(Consumer<S> check) {
            S stepwise = decider.evolveAll(decider.evolveAll(decider.initialState(), history), events());
            List<E> all = new ArrayList<>(history);
            all.addAll(events());
            S fromScratch = decider.evolveAll(decider.initialState(), all);
            assertThat(snapshot.apply(stepwise)).isEqualTo(snapshot.apply(fromScratch));
            check.accept(stepwise);
            return this;
        }

        public Then thenEffectsContain(Effect... expected) {
            assertThat(effects()).contains(expected);
            return this;
        }

        public Then thenEffects(Effect... expected) {
            assertThat(effects()).containsExactly(expected);
            return this;
        }

        public Then thenNothingHappens() {
            assertThat(events()).isEmpty();
            assertThat(effects()).isEmpty();
            return this;
        }

        /** Asserts a rejection and returns it for further checks. */
        public R thenRejected() {
            if (decision instanceof Decision.Rejected<E, R> rejected) {
                return rejected.rejection();
            }
            return fail("expected a rejection, but the command was accepted: %s", decision);
        }

        @Override
        public String toString() {
            return Arrays.asList(history, decision).toString();
        }
    }
}
