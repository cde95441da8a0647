package dev.fila.simulation.erlang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangCTest {

    @ParameterizedTest(name = "λ = {0}/h, handle {1} s")
    @CsvSource({"10, 180", "15, 200", "1, 60", "59, 60"})
    void withOneAgentErlangCIsMM1(double arrivalsPerHour, double handleSeconds) {
        double lambda = arrivalsPerHour / 3600;
        double mu = 1 / handleSeconds;
        double rho = lambda / mu;
        ErlangResult r = ErlangC.evaluate(arrivalsPerHour, handleSeconds, 1, 20);

        assertThat(r.probabilityOfWait()).isCloseTo(rho, within(1e-12));
        assertThat(r.averageSpeedOfAnswerSeconds()).isCloseTo(rho / (mu - lambda), within(1e-9));
        assertThat(r.serviceLevel()).isCloseTo(1 - rho * Math.exp(-(mu - lambda) * 20), within(1e-12));
        assertThat(r.occupancy()).isCloseTo(rho, within(1e-12));
        assertThat(r.abandonmentRate()).isZero();
    }

    @ParameterizedTest(name = "n = {0}, a = {1}")
    @CsvSource({"1, 0.5", "2, 1.5", "6, 5", "10, 8.2", "20, 3", "40, 39.5"})
    void erlangBAndCMatchTheirTextbookSumsOfPowersOverFactorials(int n, double a) {
        double sum = 0;
        double term = 1; // a^k / k!
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                term *= a / k;
            }
            sum += term;
        }
        double lossProbability = term / sum;
        double waitTerm = term * n / (n - a); // a^n/n! · n/(n − a)
        double waitProbability = waitTerm / (sum - term + waitTerm);

        assertThat(ErlangC.erlangB(n, a)).isCloseTo(lossProbability, within(1e-12));
        double handle = 180;
        ErlangResult r = ErlangC.evaluate(a / handle * 3600, handle, n, 30);
        assertThat(r.probabilityOfWait()).isCloseTo(waitProbability, within(1e-12));
        assertThat(r.averageSpeedOfAnswerSeconds()).isCloseTo(waitProbability * handle / (n - a), within(1e-6));
    }

    @Test
    void aLoadAtOrAboveTheAgentsIsUnstableWithUnboundedWaits() {
        // λ/μ = 100/h × 180 s = 5 erlangs
        assertThat(ErlangC.isStable(100, 180, 5)).isFalse();
        assertThat(ErlangC.isStable(100, 180, 6)).isTrue();
        ErlangResult r = ErlangC.evaluate(100, 180, 5, 20);
        assertThat(r.stable()).isFalse();
        assertThat(r.averageSpeedOfAnswerSeconds()).isInfinite();
        assertThat(r.serviceLevel()).isZero();
        assertThat(r.probabilityOfWait()).isOne();
    }

    @Test
    void thousandsOfAgentsStayInRange() {
        // 100,000 calls/h of 3 min = 5,000 erlangs: a^n/n! alone would overflow a double
        ErlangResult r = ErlangC.evaluate(100_000, 180, 5_050, 20);
        assertThat(r.probabilityOfWait()).isBetween(0.0, 1.0);
        assertThat(r.serviceLevel()).isBetween(0.9, 1.0);
        assertThat(r.averageSpeedOfAnswerSeconds()).isFinite().isPositive();
        assertThat(r.occupancy()).isCloseTo(5_000.0 / 5_050, within(1e-12));
    }

    @Test
    void noArrivalsMeansNoWaitAndNoOccupancy() {
        ErlangResult r = ErlangC.evaluate(0, 180, 3, 20);
        assertThat(r.serviceLevel()).isOne();
        assertThat(r.probabilityOfWait()).isZero();
        assertThat(r.occupancy()).isZero();
    }

    @Test
    void badInputsAreRefusedByName() {
        assertThatThrownBy(() -> ErlangC.evaluate(-1, 180, 3, 20)).hasMessageContaining("arrivalsPerHour");
        assertThatThrownBy(() -> ErlangC.evaluate(10, 0, 3, 20)).hasMessageContaining("handleSeconds");
        assertThatThrownBy(() -> ErlangC.evaluate(10, 180, -1, 20)).hasMessageContaining("agents");
        assertThatThrownBy(() -> ErlangC.evaluate(10, 180, 3, Double.NaN)).hasMessageContaining("answerWithinSeconds");
    }
}
