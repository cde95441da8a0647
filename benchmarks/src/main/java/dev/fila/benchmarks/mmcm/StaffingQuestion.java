package dev.fila.benchmarks.mmcm;

import dev.fila.simulation.erlang.ErlangA;
import dev.fila.simulation.erlang.StaffingTarget;
import dev.fila.simulation.figures.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The staffing question of issue 3, item 10, asked of the M/M/n+M model and answered by simulation to a
 * stated precision, the same way whichever simulator runs the replications.
 *
 * <h2>The question</h2>
 *
 * <em>The fewest agents n whose service level SL(n) (calls answered within T ÷ all arrivals, per
 * replication of {@code horizonHours}) meets the target</em>, where each level's verdict is
 * <em>decided</em> by the 95% Student-t confidence interval of its mean over replications:
 *
 * <ul>
 *   <li>after {@link Rule#firstReplications} replications, and after every further {@link Rule#batch},
 *       the level is decided once its interval excludes the target (|mean − target| &gt; half-width) or
 *       is narrower than the precision (half-width ≤ {@link Rule#precision}); the verdict is then "meets"
 *       when the mean is at least the target;
 *   <li>at {@link Rule#maxReplications} a level is given the verdict of its mean, and marked undecided;
 *   <li>the search starts at Erlang A's fewest agents for the target, walks down while levels meet and
 *       up while they miss, and answers the first n that meets with n − 1 decided to miss.
 * </ul>
 *
 * <p>So the answer is given only when both SL(n) and SL(n − 1) are decided: each interval excludes the
 * target, or is narrower than the precision (then the two sides may differ only if the true SL lies
 * within the precision of the target). How the replications are run is the {@link Replicator}'s
 * business: Fila's runs them in parallel with common random numbers (replication i draws from the same
 * seed at every n), SSJ's one after another on fresh substreams.
 */
public final class StaffingQuestion {

    private StaffingQuestion() {}

    /**
     * When a level's verdict is decided.
     *
     * @param targetServiceLevel the share answered within T to meet, e.g. 0.8
     * @param precision the half-width (a share) below which an interval that still holds the target is
     *     narrow enough
     * @param firstReplications replications before the first look (at least 2)
     * @param batch replications added at each further look
     * @param maxReplications replications at which a level is given its mean's verdict, undecided
     */
    public record Rule(
            double targetServiceLevel, double precision, int firstReplications, int batch, int maxReplications) {
        public Rule {
            if (firstReplications < 2 || batch < 1 || maxReplications < firstReplications) {
                throw new IllegalArgumentException("need firstReplications >= 2, batch >= 1, max >= first");
            }
        }
    }

    /** Runs replications of the model at a staffing level. */
    public interface Replicator {
        /** The service levels of replications {@code from .. from + count − 1} at {@code agents} agents. */
        double[] serviceLevels(MmcmModel model, int from, int count);
    }

    /** A level's verdict and the estimate it rests on. */
    public record Level(int agents, Estimate serviceLevel, boolean meets, boolean decided) {}

    /**
     * The answer: {@code agents} is the fewest that meet the target, {@code levels} what was simulated on
     * the way (in the order decided), {@code replications} how many replications were run in all.
     */
    public record Answer(int agents, List<Level> levels, int replications) {}

    /** Erlang A's fewest agents for the model's load and the target: where the search starts. */
    public static int erlangStart(MmcmModel model, double targetServiceLevel) {
        return ErlangA.fewestAgents(
                        model.arrivalsPerHour(),
                        model.meanHandleSeconds(),
                        model.meanPatienceSeconds(),
                        StaffingTarget.serviceLevel(model.answerWithinSeconds(), targetServiceLevel),
                        10_000)
                .orElseThrow(() -> new IllegalArgumentException("Erlang A finds no staffing up to 10,000"));
    }

    /**
     * Answers the question for the model's load ({@code model.agents()} is ignored), starting at {@code
     * startAgents}.
     */
    public static Answer answer(MmcmModel model, Rule rule, int startAgents, Replicator replicator) {
        List<Level> order = new ArrayList<>();
        int[] replications = {0};
        int n = Math.max(1, startAgents);
        Level level = decide(model, n, rule, replicator, replications);
        order.add(level);
        int step = level.meets() ? -1 : 1;
        while (true) {
            int next = n + step;
            if (next < 1) {
                return new Answer(n, order, replications[0]);
            }
            Level l = decide(model, next, rule, replicator, replications);
            order.add(l);
            if (step < 0 && !l.meets()) {
                return new Answer(n, order, replications[0]);
            }
            if (step > 0 && l.meets()) {
                return new Answer(next, order, replications[0]);
            }
            n = next;
        }
    }

    private static Level decide(MmcmModel load, int agents, Rule rule, Replicator replicator, int[] replications) {
        MmcmModel model = new MmcmModel(
                agents,
                load.arrivalsPerHour(),
                load.meanHandleSeconds(),
                load.meanPatienceSeconds(),
                load.horizonHours(),
                load.answerWithinSeconds());
        double[] values = replicator.serviceLevels(model, 0, rule.firstReplications());
        replications[0] += values.length;
        while (true) {
            Estimate e = Estimate.of(values);
            double gap = e.mean() - rule.targetServiceLevel();
            boolean decided = Math.abs(gap) > e.halfWidth() || e.halfWidth() <= rule.precision();
            if (decided || values.length >= rule.maxReplications()) {
                return new Level(agents, e, gap >= 0, decided);
            }
            int more = Math.min(rule.batch(), rule.maxReplications() - values.length);
            double[] added = replicator.serviceLevels(model, values.length, more);
            replications[0] += added.length;
            values = Arrays.copyOf(values, values.length + more);
            System.arraycopy(added, 0, values, values.length - more, more);
        }
    }
}
