package dev.fila.engine.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@code decide} returns: either the events to record and the effects to carry out after they
 * are recorded, or a rejection with a reason code. A rejection changes nothing.
 *
 * <p><b>Cost model.</b> A decision is on the hottest path of both runtimes (the simulation kernel
 * decides about a dozen times per served call), so an accepted decision holds its first two events
 * and first four effects in fields: deciding allocates the {@link Accepted} itself and nothing else
 * (no lists, no arrays) unless it has more than that. {@link #nothing()} allocates nothing. Runtimes
 * read a decision by index ({@link Accepted#eventCount()}, {@link Accepted#event(int)}, {@link
 * Accepted#effectCount()}, {@link Accepted#effect(int)}); {@link Accepted#events()} and {@link
 * Accepted#effects()} build immutable lists for tests and tools.
 *
 * @param <E> event
 * @param <R> rejection
 */
public sealed interface Decision<E, R> {

    /** The events to record and the effects to carry out, in order. Immutable; equal by content. */
    final class Accepted<E, R> implements Decision<E, R> {
        private static final int INLINE_EVENTS = 2;
        private static final int INLINE_EFFECTS = 4;
        private static final Accepted<?, ?> NOTHING =
                new Accepted<>(0, null, null, null, 0, null, null, null, null, null);

        private final int eventCount;
        private final E event0;
        private final E event1;
        private final Object[] moreEvents;
        private final int effectCount;
        private final Effect effect0;
        private final Effect effect1;
        private final Effect effect2;
        private final Effect effect3;
        private final Effect[] moreEffects;

        private Accepted(
                int eventCount,
                E event0,
                E event1,
                Object[] moreEvents,
                int effectCount,
                Effect effect0,
                Effect effect1,
                Effect effect2,
                Effect effect3,
                Effect[] moreEffects) {
            this.eventCount = eventCount;
            this.event0 = event0;
            this.event1 = event1;
            this.moreEvents = moreEvents;
            this.effectCount = effectCount;
            this.effect0 = effect0;
            this.effect1 = effect1;
            this.effect2 = effect2;
            this.effect3 = effect3;
            this.moreEffects = moreEffects;
        }

        /** The events and effects of the lists given (copied; no element may be null). */
        public Accepted(List<E> events, List<Effect> effects) {
            this(
                    events.size(),
                    at(events, 0),
                    at(events, 1),
                    rest(events, INLINE_EVENTS, new Object[0]),
                    effects.size(),
                    at(effects, 0),
                    at(effects, 1),
                    at(effects, 2),
                    at(effects, 3),
                    rest(effects, INLINE_EFFECTS, new Effect[0]));
            for (E event : events) {
                Objects.requireNonNull(event, "event");
            }
            for (Effect effect : effects) {
                Objects.requireNonNull(effect, "effect");
            }
        }

        private static <T> T at(List<T> list, int i) {
            return i < list.size() ? list.get(i) : null;
        }

        private static <T> T[] rest(List<? extends T> list, int from, T[] empty) {
            return list.size() <= from ? null : list.subList(from, list.size()).toArray(empty);
        }

        public int eventCount() {
            return eventCount;
        }

        /** The {@code i}-th event, 0-based. */
        @SuppressWarnings("unchecked")
        public E event(int i) {
            Objects.checkIndex(i, eventCount);
            return switch (i) {
                case 0 -> event0;
                case 1 -> event1;
                default -> (E) moreEvents[i - INLINE_EVENTS];
            };
        }

        public int effectCount() {
            return effectCount;
        }

        /** The {@code i}-th effect, 0-based. */
        public Effect effect(int i) {
            Objects.checkIndex(i, effectCount);
            return switch (i) {
                case 0 -> effect0;
                case 1 -> effect1;
                case 2 -> effect2;
                case 3 -> effect3;
                default -> moreEffects[i - INLINE_EFFECTS];
            };
        }

        /** The events, as a new immutable list. */
        public List<E> events() {
            List<E> list = new ArrayList<>(eventCount);
            for (int i = 0; i < eventCount; i++) {
                list.add(event(i));
            }
            return List.copyOf(list);
        }

        /** The effects, as a new immutable list. */
        public List<Effect> effects() {
            List<Effect> list = new ArrayList<>(effectCount);
            for (int i = 0; i < effectCount; i++) {
                list.add(effect(i));
            }
            return List.copyOf(list);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Accepted<?, ?> that
                    && events().equals(that.events())
                    && effects().equals(that.effects());
        }

        @Override
        public int hashCode() {
            return 31 * events().hashCode() + effects().hashCode();
        }

        @Override
        public String toString() {
            return "Accepted[events=" + events() + ", effects=" + effects() + "]";
        }
    }

    record Rejected<E, R>(R rejection) implements Decision<E, R> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <E, R> Decision<E, R> accept(E event) {
        return new Accepted<>(1, Objects.requireNonNull(event, "event"), null, null, 0, null, null, null, null, null);
    }

    static <E, R> Decision<E, R> accept(E event, Effect a) {
        return new Accepted<>(
                1, Objects.requireNonNull(event, "event"), null, null, 1, nonNull(a), null, null, null, null);
    }

    static <E, R> Decision<E, R> accept(E event, Effect a, Effect b) {
        return new Accepted<>(
                1, Objects.requireNonNull(event, "event"), null, null, 2, nonNull(a), nonNull(b), null, null, null);
    }

    static <E, R> Decision<E, R> accept(E event, Effect a, Effect b, Effect c) {
        return new Accepted<>(
                1,
                Objects.requireNonNull(event, "event"),
                null,
                null,
                3,
                nonNull(a),
                nonNull(b),
                nonNull(c),
                null,
                null);
    }

    static <E, R> Decision<E, R> accept(E event, Effect a, Effect b, Effect c, Effect d) {
        return new Accepted<>(
                1,
                Objects.requireNonNull(event, "event"),
                null,
                null,
                4,
                nonNull(a),
                nonNull(b),
                nonNull(c),
                nonNull(d),
                null);
    }

    /**
     * Two events and one or two effects ({@code b} may be null for one), kept in fields: the common shape
     * of a decision that records its own event and one routing offer.
     */
    static <E, R> Decision<E, R> acceptTwo(E first, E second, Effect a, Effect b) {
        return new Accepted<>(
                2,
                Objects.requireNonNull(first, "event"),
                Objects.requireNonNull(second, "event"),
                null,
                b == null ? 1 : 2,
                nonNull(a),
                b,
                null,
                null,
                null);
    }

    static <E, R> Decision<E, R> accept(E event, Effect... effects) {
        return new Accepted<>(List.of(event), Arrays.asList(effects));
    }

    static <E, R> Decision<E, R> accept(List<E> events, List<Effect> effects) {
        return new Accepted<>(events, effects);
    }

    /** Nothing to record and nothing to do: a repeated or stale command. Allocates nothing. */
    @SuppressWarnings("unchecked")
    static <E, R> Decision<E, R> nothing() {
        return (Decision<E, R>) Accepted.NOTHING;
    }

    /** Nothing to record, but something to do (for example, give back an agent's slot). */
    static <E, R> Decision<E, R> only(Effect a) {
        return new Accepted<>(0, null, null, null, 1, nonNull(a), null, null, null, null);
    }

    static <E, R> Decision<E, R> only(Effect a, Effect b) {
        return new Accepted<>(0, null, null, null, 2, nonNull(a), nonNull(b), null, null, null);
    }

    static <E, R> Decision<E, R> only(Effect... effects) {
        return new Accepted<>(List.of(), Arrays.asList(effects));
    }

    static <E, R> Decision<E, R> reject(R rejection) {
        return new Rejected<>(rejection);
    }

    private static Effect nonNull(Effect effect) {
        return Objects.requireNonNull(effect, "effect");
    }

    default boolean isRejected() {
        return this instanceof Rejected;
    }
}
