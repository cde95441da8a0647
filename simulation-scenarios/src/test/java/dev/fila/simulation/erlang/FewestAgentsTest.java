package dev.fila.simulation.erlang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FewestAgentsTest {

    @ParameterizedTest(name = "Erlang C, λ = {0}/h, handle {1} s, {3} within {2} s")
    @CsvSource({"100, 180, 20, 0.8", "1000, 180, 20, 0.8", "50, 600, 60, 0.9", "10000, 240, 15, 0.95", "3, 300, 20, 0.5"
    })
    void erlangCStaffsTheFewestAgentsThatMeetTheTargetAndOneFewerMisses(
            double arrivalsPerHour, double handleSeconds, double withinSeconds, double level) {
        StaffingTarget target = StaffingTarget.serviceLevel(withinSeconds, level);
        int n = ErlangC.fewestAgents(arrivalsPerHour, handleSeconds, target, 10_000)
                .orElseThrow();

        assertThat(ErlangC.evaluate(arrivalsPerHour, handleSeconds, n, withinSeconds)
                        .serviceLevel())
                .isGreaterThanOrEqualTo(level);
        assertThat(target.isMetBy(ErlangC.evaluate(arrivalsPerHour, handleSeconds, n - 1, withinSeconds)))
                .isFalse();
    }

    @ParameterizedTest(name = "Erlang A, λ = {0}/h, handle {1} s, patience {2} s, {4} within {3} s, abandonment ≤ {5}")
    @CsvSource({
        "100, 180, 300, 20, 0.8, 1",
        "100, 180, 300, 20, 0.5, 0.01", // the abandonment ceiling binds, not the service level
        "1000, 180, 300, 20, 0.8, 0.05",
        "10000, 240, 120, 15, 0.95, 1",
        "3, 300, 60, 20, 0.5, 1"
    })
    void erlangAStaffsTheFewestAgentsThatMeetBothLimitsAndOneFewerMisses(
            double arrivalsPerHour,
            double handleSeconds,
            double patienceSeconds,
            double withinSeconds,
            double level,
            double maxAbandonment) {
        StaffingTarget target = new StaffingTarget(withinSeconds, level, maxAbandonment);
        int n = ErlangA.fewestAgents(arrivalsPerHour, handleSeconds, patienceSeconds, target, 10_000)
                .orElseThrow();

        ErlangResult at = ErlangA.evaluate(arrivalsPerHour, handleSeconds, patienceSeconds, n, withinSeconds);
        ErlangResult below = ErlangA.evaluate(arrivalsPerHour, handleSeconds, patienceSeconds, n - 1, withinSeconds);
        assertThat(at.serviceLevel()).isGreaterThanOrEqualTo(level);
        assertThat(at.abandonmentRate()).isLessThanOrEqualTo(maxAbandonment);
        assertThat(below.serviceLevel() < level || below.abandonmentRate() > maxAbandonment)
                .as("%d agents miss: %s", n - 1, below)
                .isTrue();
    }

    @Test
    void abandonmentLetsErlangAStaffNoMoreThanErlangC() {
        StaffingTarget target = StaffingTarget.serviceLevel(20, 0.8);
        int c = ErlangC.fewestAgents(100, 180, target, 100).orElseThrow();
        int a = ErlangA.fewestAgents(100, 180, 300, target, 100).orElseThrow();
        assertThat(a).isLessThanOrEqualTo(c);
    }

    @Test
    void aTargetNoStaffingUpToTheMaximumMeetsIsReportedAsUnreachable() {
        StaffingTarget target = StaffingTarget.serviceLevel(20, 0.8);
        // 5 erlangs cannot be carried by 5 agents under Erlang C, nor meet 80% within 20 s under Erlang A
        assertThat(ErlangC.fewestAgents(100, 180, target, 5)).isEqualTo(OptionalInt.empty());
        assertThat(ErlangA.fewestAgents(100, 180, 300, target, 5)).isEqualTo(OptionalInt.empty());
        // one agent more is enough for both
        assertThat(ErlangC.fewestAgents(100, 180, target, 10_000)).isNotEqualTo(OptionalInt.empty());
        assertThat(ErlangA.fewestAgents(100, 180, 300, target, 10_000)).isNotEqualTo(OptionalInt.empty());
    }

    @Test
    void perIntervalStaffingFollowsEachIntervalsLoadAndFlagsTheUnreachable() {
        StaffingTarget target = StaffingTarget.serviceLevel(20, 0.8);
        List<IntervalLoad> day = List.of(
                IntervalLoad.withoutAbandonment(0, 180),
                IntervalLoad.withoutAbandonment(100, 180),
                new IntervalLoad(100, 180, 300),
                new IntervalLoad(400, 180, 300),
                IntervalLoad.withoutAbandonment(100_000, 180));

        List<ErlangStaffing.IntervalStaffing> plan = ErlangStaffing.perInterval(day, target, 1_000);

        assertThat(plan.get(0).agents()).isZero();
        assertThat(plan.get(1).agents())
                .isEqualTo(ErlangC.fewestAgents(100, 180, target, 1_000).orElseThrow());
        assertThat(plan.get(2).agents())
                .isEqualTo(ErlangA.fewestAgents(100, 180, 300, target, 1_000).orElseThrow());
        assertThat(plan.get(3).agents()).isGreaterThan(plan.get(2).agents());
        assertThat(plan.subList(0, 4)).allMatch(ErlangStaffing.IntervalStaffing::targetMet);
        assertThat(plan.subList(0, 4)).allMatch(s -> target.isMetBy(s.result()));
        assertThat(plan.get(4).targetMet()).isFalse();
        assertThat(plan.get(4).agents()).isEqualTo(1_000);
        assertThat(ErlangStaffing.agentsPerInterval(day, target, 1_000))
                .containsExactly(plan.stream()
                        .mapToInt(ErlangStaffing.IntervalStaffing::agents)
                        .toArray());
    }
}
