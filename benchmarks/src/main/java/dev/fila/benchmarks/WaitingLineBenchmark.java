package dev.fila.benchmarks;

import dev.fila.engine.domain.queue.WaitingLine;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the waiting line's hot operations against its length. Every benchmark keeps the length
 * steady, so the figures are per operation at that length. Run with {@code -prof gc} to see the
 * allocation per operation (it should be about zero).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WaitingLineBenchmark {

    private static final int PRIORITY_CLASSES = 4;

    @Param({"1000", "10000", "100000", "1000000"})
    int size;

    private WaitingLine line;
    private SplittableRandom random;
    /** Ids 0..size-1 stay in the line in every benchmark that picks a random present id. */
    private long nextId;

    private long timeRange;
    private long tailTime;

    @Setup
    public void setUp() {
        random = new SplittableRandom(20_240_601L);
        line = new WaitingLine();
        timeRange = 10L * size;
        for (int i = 0; i < size; i++) {
            line.enqueue(i, random.nextInt(PRIORITY_CLASSES), random.nextLong(timeRange), random.nextInt(4) == 0);
        }
        nextId = size;
        tailTime = timeRange;
    }

    private long randomPresentId() {
        return random.nextInt(size);
    }

    /** A new request at a random key, then its removal (as when it abandons at once). */
    @Benchmark
    public int enqueueThenRemove() {
        long id = nextId++;
        int position =
                line.enqueue(id, random.nextInt(PRIORITY_CLASSES), random.nextLong(timeRange), random.nextBoolean());
        line.remove(id);
        return position;
    }

    @Benchmark
    public int positionOf() {
        return line.positionOf(randomPresentId());
    }

    @Benchmark
    public int moveBackFive() {
        return line.moveBack(randomPresentId(), 5);
    }

    /** Toggle one entry's offered flag (counts change up to the root), then find the first chat. */
    @Benchmark
    public long nthEligible() {
        long id = randomPresentId();
        line.setOffered(id, !line.isOffered(id));
        return line.nthEligible(false, 0);
    }

    /** Serve the head, and a new request joins at the back. */
    @Benchmark
    public int removeHeadThenEnqueueTail() {
        line.remove(line.requestAt(1));
        return line.enqueue(nextId++, PRIORITY_CLASSES, tailTime++, false);
    }
}
