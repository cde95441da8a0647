package dev.fila.benchmarks.mmcm;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to answer a staffing question to a stated precision ({@link StaffingQuestion}) on the issue's
 * load (1,000 calls/h, 3-minute handling, 5-minute patience; 80% answered within 20 s): Fila's kernel
 * with the full rules, replications in parallel on {@code threads} threads with common random numbers
 * ({@link FilaReplicator}), against SSJ running the same decision rule's replications one after another
 * on fresh substreams ({@link SsjReplicator}). One operation is one whole answer, from Erlang A's start
 * to the decided n; each operation draws fresh random numbers.
 *
 * <p>The auxiliary counters give the replications run and the answer (summed over the operations of an
 * iteration: divide by the number of operations, one per iteration in {@code SingleShotTime}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class StaffingAnswerBenchmark {

    @Param({"24"})
    double horizonHours;

    /** The half-width (a share) below which an interval still holding the target is narrow enough. */
    @Param({"0.005"})
    double precision;

    /** Threads for Fila's replications (0: all cores). */
    @Param({"0"})
    int threads;

    private MmcmModel load;
    private StaffingQuestion.Rule rule;
    private int start;
    private FilaReplicator fila;
    private SsjReplicator ssj;
    private SplittableRandom seeds;

    /** What an answer cost and gave. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Answered {
        public long replications;
        public long agents;

        @Setup(Level.Iteration)
        public void clear() {
            replications = 0;
            agents = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        load = MmcmModel.issueModel(horizonHours);
        rule = new StaffingQuestion.Rule(0.8, precision, 8, 4, 400);
        start = StaffingQuestion.erlangStart(load, rule.targetServiceLevel());
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        fila = new FilaReplicator(1, rule.maxReplications(), n);
        ssj = new SsjReplicator(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
        seeds = new SplittableRandom(20261125L);
    }

    @Setup(Level.Iteration)
    public void freshNumbers() {
        fila.reseed(seeds.nextLong());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fila.close();
    }

    @Benchmark
    public StaffingQuestion.Answer filaParallelCrn(Answered answered) {
        return record(StaffingQuestion.answer(load, rule, start, fila), answered);
    }

    @Benchmark
    public StaffingQuestion.Answer ssjSequential(Answered answered) {
        return record(StaffingQuestion.answer(load, rule, start, ssj), answered);
    }

    private static StaffingQuestion.Answer record(StaffingQuestion.Answer answer, Answered answered) {
        answered.replications += answer.replications();
        answered.agents += answer.agents();
        return answer;
    }
}
