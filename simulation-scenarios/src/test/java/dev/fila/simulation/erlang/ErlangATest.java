package dev.fila.simulation.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangATest {

    @ParameterizedTest(name = "λ = {0}/h, handle {1} s, patience {2} s, n = {3}, T = {4} s")
    @CsvSource({
        "100, 180, 300, 5, 20", // critically loaded: a = n
        "100, 180, 300, 3, 20", // overloaded: a > n, abandonment carries the excess
        "100, 180, 300, 9, 20", // lightly loaded
        "100, 180, 30, 4, 60", // impatient
        "100, 180, 3600, 6, 0", // patient; T = 0: answered at once
        "1000, 180, 300, 55, 20", // the benchmark's M/M/55+M
        "10000, 240, 120, 640, 15",
        "10000, 180, 300, 400, 20", // heavily overloaded
        "10000, 180, 300, 600, 20",
        "20, 600, 900, 1, 120"
    })
    void theClosedFormsAndTheExactBirthDeathChainAgreeToOneInABillion(
            double arrivalsPerHour, double handleSeconds, double patienceSeconds, int agents, double withinSeconds) {
        ErlangResult closed = ErlangA.evaluate(arrivalsPerHour, handleSeconds, patienceSeconds, agents, withinSeconds);
        ErlangResult exact =
                ErlangA.evaluateByBirthDeath(arrivalsPerHour, handleSeconds, patienceSeconds, agents, withinSeconds);

        assertThat(closed.serviceLevel()).isCloseTo(exact.serviceLevel(), within(1e-9));
        assertThat(closed.probabilityOfWait()).isCloseTo(exact.probabilityOfWait(), within(1e-9));
        assertThat(closed.abandonmentRate()).isCloseTo(exact.abandonmentRate(), within(1e-9));
        assertThat(closed.occupancy()).isCloseTo(exact.occupancy(), within(1e-9));
        assertThat(closed.averageSpeedOfAnswerSeconds())
                .isCloseTo(
                        exact.averageSpeedOfAnswerSeconds(),
                        within(1e-9 * Math.max(1, exact.averageSpeedOfAnswerSeconds())));
        assertThat(closed.serviceLevel()).isBetween(0.0, 1.0);
    }

    @ParameterizedTest(name = "λ = {0}/h, handle {1} s, n = {2}")
    @CsvSource({"100, 180, 6", "100, 180, 8", "1000, 180, 55", "30, 300, 3"})
    void asPatienceGrowsWithoutBoundErlangATendsToErlangC(double arrivalsPerHour, double handleSeconds, int agents) {
        ErlangResult c = ErlangC.evaluate(arrivalsPerHour, handleSeconds, agents, 20);
        double previousGap = Double.POSITIVE_INFINITY;
        for (double patience : new double[] {1e3, 1e4, 1e5, 1e6, 1e7}) {
            ErlangResult a = ErlangA.evaluate(arrivalsPerHour, handleSeconds, patience, agents, 20);
            double gap = Math.abs(a.serviceLevel() - c.serviceLevel())
                    + Math.abs(a.probabilityOfWait() - c.probabilityOfWait())
                    + Math.abs(a.averageSpeedOfAnswerSeconds() - c.averageSpeedOfAnswerSeconds())
                            / c.averageSpeedOfAnswerSeconds()
                    + a.abandonmentRate();
            assertThat(gap).as("patience %s s", patience).isLessThan(previousGap);
            previousGap = gap;
        }
        assertThat(previousGap).isLessThan(1e-3);
    }

    @ParameterizedTest(name = "λ = {0}/h, handle {1} s, n = {2}")
    @CsvSource({"100, 180, 6", "100, 180, 3", "1000, 180, 55", "30, 300, 1"})
    void asPatienceShrinksToNothingErlangATendsToTheErlangBLossSystem(
            double arrivalsPerHour, double handleSeconds, int agents) {
        double a = arrivalsPerHour / 3600 * handleSeconds;
        double loss = ErlangC.erlangB(agents, a);
        ErlangResult r = ErlangA.evaluate(arrivalsPerHour, handleSeconds, 1e-3, agents, 20);

        // who finds every agent busy leaves at once: blocked = abandoned = waited
        assertThat(r.probabilityOfWait()).isCloseTo(loss, within(1e-4));
        assertThat(r.abandonmentRate()).isCloseTo(loss, within(1e-4));
        assertThat(r.serviceLevel()).isCloseTo(1 - loss, within(1e-4));
        assertThat(r.occupancy()).isCloseTo(a * (1 - loss) / agents, within(1e-4));
        assertThat(r.averageSpeedOfAnswerSeconds()).isLessThan(1e-3);
    }

    @Test
    void theOccupancyIsTheCarriedLoadOverTheAgents() {
        ErlangResult r = ErlangA.evaluate(100, 180, 300, 5, 20);
        assertThat(r.occupancy()).isCloseTo(5 * (1 - r.abandonmentRate()) / 5, within(1e-12));
    }

    @Test
    void thousandsOfAgentsStayInRange() {
        for (int n : new int[] {4_000, 5_050, 6_000}) {
            ErlangResult r = ErlangA.evaluate(100_000, 180, 600, n, 20);
            assertThat(r.serviceLevel()).isBetween(0.0, 1.0);
            assertThat(r.probabilityOfWait()).isBetween(0.0, 1.0);
            assertThat(r.abandonmentRate()).isBetween(0.0, 1.0);
            assertThat(r.occupancy()).isBetween(0.0, 1.0);
            assertThat(r.averageSpeedOfAnswerSeconds()).isFinite().isNotNegative();
        }
        // 4,000 agents for 5,000 erlangs: a fifth of the callers must leave
        assertThat(ErlangA.evaluate(100_000, 180, 600, 4_000, 20).abandonmentRate())
                .isCloseTo(0.2, within(1e-3));
    }

    @Test
    void withNoAgentsEveryCallerAbandons() {
        ErlangResult r = ErlangA.evaluate(100, 180, 300, 0, 20);
        assertThat(r.abandonmentRate()).isOne();
        assertThat(r.serviceLevel()).isZero();
        assertThat(r.occupancy()).isZero();
    }

    @Test
    void aPatienceMustBePositiveAndFinite() {
        assertThatThrownBy(() -> ErlangA.evaluate(100, 180, 0, 5, 20)).hasMessageContaining("patienceSeconds");
        assertThatThrownBy(() -> ErlangA.evaluate(100, 180, Double.POSITIVE_INFINITY, 5, 20))
                .hasMessageContaining("patienceSeconds");
    }
}
