package dev.fila.simulation.staffing;

import dev.fila.simulation.figures.Estimate;
import java.util.ArrayList;
import java.util.List;

/**
 * The search for the fewest agents per queue and interval that meet a target, on any
 * {@link PlanEvaluator}. "Meets" means the <em>mean</em> over the replications meets the target:
 * service level at least the target and abandonment at most the ceiling, in every interval the queue
 * is open in that has arrivals (closed intervals get no agents and are not judged).
 *
 * <ol>
 *   <li><b>Can it be done?</b> The plan with {@code maxAgents} in every open interval is simulated first;
 *       an interval it misses cannot be met by any plan up to that size (more agents never hurt), and
 *       the search stops there, naming it.
 *   <li><b>Raise.</b> From the start plan (Erlang's, in the scenario's kind of agent), while some
 *       interval misses: raise the first interval of each run of consecutive misses (later misses in
 *       the run may be the backlog of the first), by one agent, or by a fifth when it misses by more
 *       than 10 points; re-simulate.
 *   <li><b>Lower.</b> Try each open interval one agent lower, earliest first; keep the cut only if
 *       every interval still meets (a cut may push backlog into later intervals). An interval whose cut
 *       was kept is tried again in the next pass, one whose cut was refused is not (fewer agents never
 *       help); passes stop when no cut is tried.
 *   <li><b>Confirm.</b> The result is simulated again with the replications reached by then; if the
 *       precision rule below added replications during the lowering, raise and lower again, so that
 *       the plan returned meets and each single cut of it misses at the same, final, replications.
 * </ol>
 *
 * <p>Precision: every plan starts at the replications reached so far; while the 95% half-width of
 * some open interval's service level is above {@code precision}, {@code batch} more are added, up to
 * {@code maxReplications}. The number only grows, so later plans are judged at least as precisely
 * as earlier ones. With common random numbers (see {@link SimulatedEvaluator}) two plans are compared
 * on the same customers.
 */
public final class StaffingSearch {

    /** A target per interval: the service level to reach and the abandonment not to exceed (1: none). */
    public record Target(double serviceLevel, double maxAbandonment) {}

    /** How precisely and how far to search. */
    public record Options(
            double precision, int initialReplications, int batchReplications, int maxReplications, int maxAgents) {

        public Options {
            if (!(precision > 0) || initialReplications < 2 || batchReplications < 1) {
                throw new IllegalArgumentException(
                        "precision must be > 0, replications at least 2, batches at least 1");
            }
            if (maxReplications < initialReplications || maxAgents < 1) {
                throw new IllegalArgumentException("maxReplications below the first batch, or maxAgents < 1");
            }
        }

        /** Half-width 0.02, batches of 10 up to 200, up to 200 agents. */
        public static Options defaults() {
            return new Options(0.02, 10, 10, 200, 200);
        }
    }

    /**
     * What the search found.
     *
     * @param plan the plan found (when not {@code feasible}: the plan with maxAgents everywhere open)
     * @param figures the plan's figures at {@code replications}
     * @param missedQueue, missedInterval where no plan up to maxAgents meets the target; -1 when feasible
     * @param evaluations plans judged (a plan judged again at more replications counts again)
     */
    public record Outcome(
            StaffingPlan plan,
            PlanFigures figures,
            int replications,
            boolean feasible,
            int missedQueue,
            int missedInterval,
            int raises,
            int cuts,
            int evaluations) {}

    private static final int MAX_ROUNDS = 20;
    private static final double FAR_BELOW = 0.10;

    private final boolean[][] open;
    private final Target target;
    private final Options options;
    private final PlanEvaluator evaluator;
    private int replications;
    private int evaluations;
    private int raises;
    private int cuts;
    private int[] stuck;

    private StaffingSearch(boolean[][] open, Target target, Options options, PlanEvaluator evaluator) {
        this.open = open;
        this.target = target;
        this.options = options;
        this.evaluator = evaluator;
        this.replications = options.initialReplications();
    }

    /**
     * Searches from {@code start}; {@code open[q][i]} says whether queue q is open (takes arrivals) in
     * interval i. Open intervals get at least one agent, closed ones none.
     */
    public static Outcome search(
            StaffingPlan start, boolean[][] open, Target target, Options options, PlanEvaluator evaluator) {
        return new StaffingSearch(open, target, options, evaluator).run(start);
    }

    private Outcome run(StaffingPlan start) {
        StaffingPlan plan = clamp(start);
        StaffingPlan most = fill(start, options.maxAgents());
        PlanFigures atMost = judge(most);
        int[] missed = firstMiss(atMost);
        if (missed != null) {
            return outcome(most, atMost, false, missed[0], missed[1]);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            plan = raise(plan);
            if (stuck != null) {
                return outcome(plan, judge(plan), false, stuck[0], stuck[1]);
            }
            int before = replications;
            plan = lower(plan);
            PlanFigures f = judge(plan);
            if (firstMiss(f) == null && replications == before) {
                return outcome(plan, f, true, -1, -1);
            }
        }
        throw new IllegalStateException("the staffing search did not settle in " + MAX_ROUNDS + " rounds");
    }

    private StaffingPlan raise(StaffingPlan plan) {
        while (true) {
            PlanFigures f = judge(plan);
            boolean raised = false;
            for (int q = 0; q < open.length; q++) {
                boolean previousMissed = false;
                for (int i = 0; i < open[q].length; i++) {
                    boolean misses = !meets(f, q, i);
                    if (misses && !previousMissed) {
                        // At maxAgents already: the backlog comes from earlier, raise the nearest earlier open
                        // interval.
                        int j = i;
                        while (j >= 0 && (!open[q][j] || plan.agents(q, j) >= options.maxAgents())) {
                            j--;
                        }
                        if (j < 0) {
                            stuck = new int[] {q, i};
                            return plan;
                        }
                        int now = plan.agents(q, j);
                        double sl = f.serviceLevel()[q][j].mean();
                        int step = sl < target.serviceLevel() - FAR_BELOW ? Math.max(1, now / 5) : 1;
                        plan = plan.plus(q, j, Math.min(step, options.maxAgents() - now));
                        raised = true;
                    }
                    previousMissed = misses;
                }
            }
            if (!raised) {
                return plan;
            }
            raises++;
            if (raises > 100_000) {
                throw new IllegalStateException("the staffing search kept raising");
            }
        }
    }

    private StaffingPlan lower(StaffingPlan plan) {
        List<int[]> active = new ArrayList<>();
        for (int q = 0; q < open.length; q++) {
            for (int i = 0; i < open[q].length; i++) {
                if (open[q][i] && plan.agents(q, i) > 1) {
                    active.add(new int[] {q, i});
                }
            }
        }
        while (!active.isEmpty()) {
            List<int[]> next = new ArrayList<>();
            for (int[] qi : active) {
                StaffingPlan candidate = plan.plus(qi[0], qi[1], -1);
                if (firstMiss(judge(candidate)) == null) {
                    plan = candidate;
                    cuts++;
                    if (plan.agents(qi[0], qi[1]) > 1) {
                        next.add(qi);
                    }
                }
            }
            active = next;
        }
        return plan;
    }

    /** Evaluates at the current replications, adding batches while an open interval is imprecise. */
    private PlanFigures judge(StaffingPlan plan) {
        while (true) {
            PlanFigures f = evaluator.evaluate(plan, replications);
            evaluations++;
            if (precise(f) || replications >= options.maxReplications()) {
                return f;
            }
            replications = Math.min(options.maxReplications(), replications + options.batchReplications());
        }
    }

    private boolean precise(PlanFigures f) {
        for (int q = 0; q < open.length; q++) {
            for (int i = 0; i < open[q].length; i++) {
                Estimate e = f.serviceLevel()[q][i];
                if (open[q][i] && e.n() > 0 && !(e.n() >= 2 && e.halfWidth() <= options.precision())) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean meets(PlanFigures f, int q, int i) {
        return meets(f, open, target, q, i);
    }

    /** Whether queue q meets the target in interval i: by the means; closed or without arrivals, yes. */
    public static boolean meets(PlanFigures f, boolean[][] open, Target target, int q, int i) {
        if (!open[q][i]) {
            return true;
        }
        double sl = f.serviceLevel()[q][i].mean();
        double abandonment = f.abandonmentRate()[q][i].mean();
        if (Double.isNaN(sl)) {
            return true;
        }
        return sl >= target.serviceLevel() && !(abandonment > target.maxAbandonment());
    }

    private int[] firstMiss(PlanFigures f) {
        for (int i = 0; i < open[0].length; i++) {
            for (int q = 0; q < open.length; q++) {
                if (!meets(f, q, i)) {
                    return new int[] {q, i};
                }
            }
        }
        return null;
    }

    private StaffingPlan clamp(StaffingPlan start) {
        int[][] agents = new int[open.length][];
        for (int q = 0; q < open.length; q++) {
            agents[q] = new int[open[q].length];
            for (int i = 0; i < open[q].length; i++) {
                agents[q][i] = open[q][i] ? Math.max(1, Math.min(options.maxAgents(), start.agents(q, i))) : 0;
            }
        }
        return new StaffingPlan(start.queueIds(), agents);
    }

    private StaffingPlan fill(StaffingPlan shape, int agents) {
        int[][] all = new int[open.length][];
        for (int q = 0; q < open.length; q++) {
            all[q] = new int[open[q].length];
            for (int i = 0; i < open[q].length; i++) {
                all[q][i] = open[q][i] ? agents : 0;
            }
        }
        return new StaffingPlan(shape.queueIds(), all);
    }

    private Outcome outcome(StaffingPlan plan, PlanFigures f, boolean feasible, int q, int i) {
        return new Outcome(plan, f, replications, feasible, q, i, raises, cuts, evaluations);
    }
}
