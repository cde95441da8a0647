package dev.fila.benchmarks.mmcm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fila's way to run a staffing question's replications: on the kernel with the full rules ({@link
 * FilaMmcm}), in parallel on {@code threads} threads, with common random numbers: replication i draws
 * from the same seed at every staffing level, so levels are compared on the same customers (the same
 * arrivals and patience; handle times in the order calls are answered). Results come back in replication
 * order whatever the number of threads, so an answer is repeatable.
 */
public final class FilaReplicator implements StaffingQuestion.Replicator, AutoCloseable {

    private final long[] seeds;
    private final ExecutorService pool;
    private final int threads;

    /** Up to {@code maxReplications} replications per level, seeds drawn from {@code seed}. */
    public FilaReplicator(long seed, int maxReplications, int threads) {
        this.seeds = new long[maxReplications];
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        reseed(seed);
    }

    /** Draws the replications' seeds afresh from {@code seed} (for the next question). */
    public void reseed(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = root.nextLong();
        }
    }

    @Override
    public double[] serviceLevels(MmcmModel model, int from, int count) {
        double[] out = new double[count];
        if (pool == null) {
            for (int i = 0; i < count; i++) {
                out[i] = replication(model, from + i);
            }
            return out;
        }
        List<Future<Double>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int r = from + i;
            futures.add(pool.submit(() -> replication(model, r)));
        }
        try {
            for (int i = 0; i < count; i++) {
                out[i] = futures.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    private double replication(MmcmModel model, int r) {
        return new FilaMmcm(model, new SplittableRandom(seeds[r])).run().serviceLevel();
    }

    public int threads() {
        return threads;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
