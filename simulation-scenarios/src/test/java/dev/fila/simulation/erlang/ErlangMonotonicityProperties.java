package dev.fila.simulation.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** One more agent never makes any figure worse: what the fewest-agents bisection relies on. */
class ErlangMonotonicityProperties {

    /**
     * Shares near 0 or 1 (probability of wait, abandonment, occupancy in overload) come from
     * differences of terms near 1 and carry rounding of about 1e-12 (seen: occupancy 1.0 with one
     * more agent against 0.999999999999 with one fewer, 148 erlangs on 110 agents); 1e-9 is far above
     * that rounding and far below any figure that matters.
     */
    private static final double SLACK = 1e-9;

    /**
     * The closed-form service level is a difference of terms near 1 and carries an absolute rounding
     * error of about 1e-12 (seen: 1.09e-12 at 109 agents and 0.0 at 110 for 2,851 calls/h, 187 s
     * handle, 1,475 s patience, T = 0.01 s, where the exact value is below 1e-20).
     */
    private static final double SERVICE_LEVEL_SLACK = 1e-10;

    @Example
    void aServiceLevelNearZeroIsWithinRoundingOfTheExactChain() {
        for (int agents = 108; agents <= 111; agents++) {
            ErlangResult closed = ErlangA.evaluate(2851, 187.18, 1475.19, agents, 0.01);
            ErlangResult chain = ErlangA.evaluateByBirthDeath(2851, 187.18, 1475.19, agents, 0.01);
            assertThat(closed.serviceLevel()).isCloseTo(chain.serviceLevel(), within(SERVICE_LEVEL_SLACK));
        }
    }

    @Property(tries = 300)
    void erlangAImprovesWithEveryAgentAdded(
            @ForAll @DoubleRange(min = 1, max = 5_000) double arrivalsPerHour,
            @ForAll @DoubleRange(min = 10, max = 1_200) double handleSeconds,
            @ForAll @DoubleRange(min = 5, max = 3_600) double patienceSeconds,
            @ForAll @IntRange(min = 1, max = 300) int agents,
            @ForAll @DoubleRange(min = 0, max = 300) double withinSeconds) {
        ErlangResult fewer = ErlangA.evaluate(arrivalsPerHour, handleSeconds, patienceSeconds, agents, withinSeconds);
        ErlangResult more =
                ErlangA.evaluate(arrivalsPerHour, handleSeconds, patienceSeconds, agents + 1, withinSeconds);

        assertThat(more.serviceLevel()).isGreaterThanOrEqualTo(fewer.serviceLevel() - SERVICE_LEVEL_SLACK);
        assertThat(more.probabilityOfWait()).isLessThanOrEqualTo(fewer.probabilityOfWait() + SLACK);
        assertThat(more.abandonmentRate()).isLessThanOrEqualTo(fewer.abandonmentRate() + SLACK);
        assertThat(more.averageSpeedOfAnswerSeconds())
                .isLessThanOrEqualTo(fewer.averageSpeedOfAnswerSeconds() * (1 + 1e-9) + SLACK);
        assertThat(more.occupancy()).isLessThanOrEqualTo(fewer.occupancy() + SLACK);
    }

    @Property(tries = 300)
    void erlangCImprovesWithEveryAgentAddedOnceStable(
            @ForAll @DoubleRange(min = 1, max = 5_000) double arrivalsPerHour,
            @ForAll @DoubleRange(min = 10, max = 1_200) double handleSeconds,
            @ForAll @IntRange(min = 0, max = 200) int agentsAboveTheLoad,
            @ForAll @DoubleRange(min = 0, max = 300) double withinSeconds) {
        int agents = (int) Math.floor(arrivalsPerHour / 3600 * handleSeconds) + 1 + agentsAboveTheLoad;
        ErlangResult fewer = ErlangC.evaluate(arrivalsPerHour, handleSeconds, agents, withinSeconds);
        ErlangResult more = ErlangC.evaluate(arrivalsPerHour, handleSeconds, agents + 1, withinSeconds);

        assertThat(fewer.stable()).isTrue();
        assertThat(more.serviceLevel()).isGreaterThanOrEqualTo(fewer.serviceLevel() - SLACK);
        assertThat(more.probabilityOfWait()).isLessThanOrEqualTo(fewer.probabilityOfWait() + SLACK);
        assertThat(more.averageSpeedOfAnswerSeconds()).isLessThanOrEqualTo(fewer.averageSpeedOfAnswerSeconds());
        assertThat(more.occupancy()).isLessThan(fewer.occupancy());
    }
}
