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
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.rng.RandomStream;

/**
 * Fila's kernel (full rules) against SSJ on the same M/M/c+M model ({@link MmcmModel#issueModel}:
 * 55 agents, 1,000 calls/h, 3-minute handling, 5-minute patience), in the same JMH run. One operation
 * is one replication of {@code horizonHours} simulated hours on fresh random streams.
 *
 * <p>The primary score is replications per second. The auxiliary counters give the fair unit, calls
 * simulated per second ({@code calls}), and each side's own events per second ({@code events}; an
 * SSJ event is one event's {@code actions()}, a Fila event one kernel entry: the two are different
 * amounts of work, so compare calls). The ratio Fila/SSJ is the ratio of the {@code calls} rates.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(1)
@State(Scope.Thread)
public class MmcmBenchmark {

    @Param({"1000"})
    double horizonHours;

    private MmcmModel model;
    private RandomStream[] ssjStreams;
    private SplittableRandom filaSeeds;

    /** Work done, as rates per second of the measured time. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Work {
        public long calls;
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            calls = 0;
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        model = MmcmModel.issueModel(horizonHours);
        ssjStreams = SsjMmcm.streams(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
        filaSeeds = new SplittableRandom(20261125L);
    }

    @Benchmark
    public MmcmFigures ssj(Work work) {
        SsjMmcm.nextReplication(ssjStreams);
        MmcmFigures figures = new SsjMmcm(model, ssjStreams[0], ssjStreams[1], ssjStreams[2]).run();
        work.calls += figures.arrivals();
        work.events += figures.events();
        return figures;
    }

    @Benchmark
    public MmcmFigures fila(Work work) {
        MmcmFigures figures = new FilaMmcm(model, filaSeeds.split()).run();
        work.calls += figures.arrivals();
        work.events += figures.events();
        return figures;
    }
}
