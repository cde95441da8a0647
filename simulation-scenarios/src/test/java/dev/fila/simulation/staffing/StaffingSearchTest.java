package dev.fila.simulation.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.figures.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search's steps on a stub evaluator whose service level is known exactly: in interval i it is
 * {@code 1 - 0.125 × short[i] - 0.0625 × short[i-1]} (exact in binary), where {@code short[i] = max(0, need[i] - agents[i])}
 * (the second term is backlog from the interval before), and 0 where {@code need} is above 25. So 0.8 is
 * met exactly when no interval is short by more than one agent: the fewest are {@code need - 1}.
 */
class StaffingSearchTest {

    private static final StaffingSearch.Target TARGET = new StaffingSearch.Target(0.8, 1.0);
    private static final StaffingSearch.Options OPTIONS = new StaffingSearch.Options(0.02, 10, 10, 50, 30);

    private static PlanEvaluator stub(int[] need) {
        return (plan, replications) -> {
            int n = plan.intervalCount();
            Estimate[][] sl = new Estimate[1][n];
            Estimate[][] zero = new Estimate[1][n];
            for (int i = 0; i < n; i++) {
                int shortHere = Math.max(0, need[i] - plan.agents(0, i));
                int shortBefore = i == 0 ? 0 : Math.max(0, need[i - 1] - plan.agents(0, i - 1));
                double value = Math.max(0, 1 - 0.125 * shortHere - 0.0625 * shortBefore - (need[i] > 25 ? 1 : 0));
                sl[0][i] = new Estimate(value, 0.0, replications);
                zero[0][i] = new Estimate(0, 0, replications);
            }
            return new PlanFigures(replications, sl, zero, zero);
        };
    }

    private static StaffingPlan plan(int... agents) {
        return new StaffingPlan(List.of("q"), new int[][] {agents});
    }

    private static boolean[][] open(boolean... open) {
        return new boolean[][] {open};
    }

    @Test
    void fromTooFewItRaisesAndFromTooManyItLowersToTheFewestThatMeet() {
        int[] need = {3, 6, 9, 4};
        StaffingSearch.Outcome low =
                StaffingSearch.search(plan(1, 1, 1, 1), open(true, true, true, true), TARGET, OPTIONS, stub(need));
        StaffingSearch.Outcome high =
                StaffingSearch.search(plan(12, 12, 12, 12), open(true, true, true, true), TARGET, OPTIONS, stub(need));

        assertThat(low.feasible()).isTrue();
        assertThat(low.plan()).isEqualTo(plan(2, 5, 8, 3));
        assertThat(high.plan()).isEqualTo(low.plan());
        assertThat(low.raises()).isPositive();
        assertThat(high.cuts()).isPositive();
    }

    @Test
    void closedIntervalsGetNoAgentsAndAreNotJudged_R7() {
        StaffingSearch.Outcome o = StaffingSearch.search(
                plan(5, 5, 5), open(true, false, true), TARGET, OPTIONS, stub(new int[] {4, 0, 4}));

        assertThat(o.feasible()).isTrue();
        assertThat(o.plan()).isEqualTo(plan(3, 0, 3));
    }

    @Test
    void anIntervalNoPlanUpToTheMaximumMeetsIsNamed() {
        StaffingSearch.Outcome o = StaffingSearch.search(
                plan(5, 5, 5), open(true, true, true), TARGET, OPTIONS, stub(new int[] {3, 30, 3}));

        assertThat(o.feasible()).isFalse();
        assertThat(o.missedQueue()).isZero();
        assertThat(o.missedInterval()).isEqualTo(1);
    }

    @Test
    void replicationsAreAddedInBatchesUntilTheServiceLevelIsPreciseEnough() {
        PlanEvaluator noisy = (plan, n) -> {
            Estimate[][] sl = {{new Estimate(0.9, 0.5 / Math.sqrt(n), n)}};
            Estimate[][] zero = {{new Estimate(0, 0, n)}};
            return new PlanFigures(n, sl, zero, zero);
        };
        StaffingSearch.Outcome o = StaffingSearch.search(
                plan(2), open(true), TARGET, new StaffingSearch.Options(0.1, 10, 5, 200, 10), noisy);

        assertThat(o.replications()).isEqualTo(25); // 0.5/√25 = 0.1: the first batch size at or below 0.1
    }
}
