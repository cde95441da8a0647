package dev.fila.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A decision read by index (how runtimes read it) holds the same events and effects as its lists. */
class DecisionTest {

    private static List<Effect> effects(int n) {
        List<Effect> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Effect.StartTimer(TimerKind.values()[i % 3], 1_000L * i));
        }
        return list;
    }

    private static <E> Decision.Accepted<E, String> accepted(Decision<E, String> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return (Decision.Accepted<E, String>) decision;
    }

    private static <E> void assertIndexMatchesLists(Decision.Accepted<E, String> a, List<E> events, List<Effect> fx) {
        assertThat(a.eventCount()).isEqualTo(events.size());
        assertThat(a.effectCount()).isEqualTo(fx.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(a.event(i)).isEqualTo(events.get(i));
        }
        for (int i = 0; i < fx.size(); i++) {
            assertThat(a.effect(i)).isEqualTo(fx.get(i));
        }
        assertThat(a.events()).isEqualTo(events);
        assertThat(a.effects()).isEqualTo(fx);
    }

    @Test
    void everyFixedArityFactoryKeepsTheEffectsInTheOrderGiven() {
        List<Effect> fx = effects(4);
        assertIndexMatchesLists(accepted(Decision.accept("e")), List.of("e"), List.of());
        assertIndexMatchesLists(accepted(Decision.accept("e", fx.get(0))), List.of("e"), fx.subList(0, 1));
        assertIndexMatchesLists(accepted(Decision.accept("e", fx.get(0), fx.get(1))), List.of("e"), fx.subList(0, 2));
        assertIndexMatchesLists(
                accepted(Decision.accept("e", fx.get(0), fx.get(1), fx.get(2))), List.of("e"), fx.subList(0, 3));
        assertIndexMatchesLists(
                accepted(Decision.accept("e", fx.get(0), fx.get(1), fx.get(2), fx.get(3))), List.of("e"), fx);
        assertIndexMatchesLists(accepted(Decision.<String, String>only(fx.get(2))), List.of(), fx.subList(2, 3));
    }

    @Test
    void decisionsLongerThanTheInlineFieldsKeepEveryEventAndEffectInOrder() {
        List<String> events = List.of("a", "b", "c", "d", "e");
        List<Effect> fx = effects(7);
        assertIndexMatchesLists(accepted(Decision.accept(events, fx)), events, fx);
        assertIndexMatchesLists(accepted(Decision.accept("x", fx.toArray(new Effect[0]))), List.of("x"), fx);
    }

    @Test
    void nothingIsOneSharedEmptyDecision() {
        Decision<String, String> first = Decision.nothing();
        Decision<Integer, String> second = Decision.nothing();
        assertThat((Object) first).isSameAs(second);
        assertIndexMatchesLists(accepted(first), List.of(), List.of());
    }

    @Test
    void acceptedDecisionsAreEqualByContent() {
        Effect fx = new Effect.CancelTimer(TimerKind.EXPIRY);
        assertThat(Decision.accept("e", fx)).isEqualTo(Decision.accept(List.of("e"), List.of(fx)));
        assertThat(Decision.accept("e", fx).hashCode())
                .isEqualTo(Decision.accept(List.of("e"), List.of(fx)).hashCode());
        assertThat(Decision.accept("e", fx)).isNotEqualTo(Decision.accept("e"));
    }

    @Test
    void aMissingEventOrEffectIsABrokenInvariant() {
        assertThatThrownBy(() -> Decision.accept("e", (Effect) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Decision.accept((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> accepted(Decision.accept("e")).event(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
