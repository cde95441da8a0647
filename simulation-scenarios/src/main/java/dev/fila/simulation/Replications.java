package dev.fila.simulation;

import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.eta.EtaPredictors;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.simulation.eta.EtaAccuracy;
import dev.fila.simulation.eta.EtaByInterval;
import dev.fila.simulation.eta.EtaErrorObserver;
import dev.fila.simulation.figures.EtaEstimate;
import dev.fila.simulation.figures.EtaIntervalEstimates;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a scenario's replications in parallel and combines their figures into a {@link RunSummary}.
 *
 * <p>Independent, repeatable streams: before any work starts, one {@link SplittableRandom} seeded with
 * the scenario's seed is split once per replication, in replication order; replication r runs on the
 * r-th stream alone (and splits it per purpose, see {@link Simulation}). Results are combined in
 * replication order. So the summary is bit-for-bit the same whatever the number of threads or the
 * order in which replications finish.
 *
 * <p>R8: every replication also runs an {@link EtaErrorObserver} over {@link EtaPredictors#standard()},
 * and the summary ranks the predictors by their error over the replications ({@link EtaEstimate}). The
 * observer draws no random numbers, so it changes none of the simulated figures; it costs a few per cent
 * of a replication's time (see the README).
 */
public final class Replications {

    private Replications() {}

    /** What one replication hands back: its figures and its ETA predictors' accuracy. */
    private record Replication(ReplicationFigures figures, List<EtaAccuracy> eta, EtaByInterval etaByInterval) {}

    /** Runs on all cores, without progress reports. */
    public static RunSummary run(Scenario scenario) {
        return run(scenario, Runtime.getRuntime().availableProcessors(), done -> {});
    }

    /**
     * Runs {@code scenario.replications()} replications on {@code threads} threads; {@code progress}
     * is told the number of replications finished each time one finishes (from a worker thread).
     */
    public static RunSummary run(Scenario scenario, int threads, IntConsumer progress) {
        int n = scenario.replications();
        SplittableRandom root = new SplittableRandom(scenario.seed());
        List<SplittableRandom> streams = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            streams.add(root.split());
        }
        AtomicInteger done = new AtomicInteger();
        SimulationResult[] first = new SimulationResult[1];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), runnable -> {
            Thread t = new Thread(runnable, "fila-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Replication>> futures = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                int index = r;
                futures.add(pool.submit(() -> {
                    EtaErrorObserver eta = new EtaErrorObserver(
                            EtaPredictors.standard(),
                            scenario.queues().stream()
                                    .map(QueueSettings::queueId)
                                    .toList(),
                            scenario.startMillis(),
                            scenario.intervalMillis(),
                            scenario.intervalCount());
                    // one replication: the scenario's load on the index-th stream
                    SimulationResult result = Simulation.run(scenario, streams.get(index), eta);
                    if (index == 0) {
                        first[0] = result;
                    }
                    progress.accept(done.incrementAndGet());
                    return new Replication(result.figures(), eta.accuracy(), eta.byInterval());
                }));
            }
            List<ReplicationFigures> figures = new ArrayList<>(n);
            List<List<EtaAccuracy>> accuracy = new ArrayList<>(n);
            List<EtaByInterval> byInterval = new ArrayList<>(n);
            for (Future<Replication> f : futures) {
                Replication rep = f.get();
                figures.add(rep.figures());
                accuracy.add(rep.eta());
                byInterval.add(rep.etaByInterval());
            }
            List<String> predictors =
                    EtaPredictors.standard().stream().map(EtaPredictor::name).toList();
            return RunSummary.of(
                    scenario,
                    figures,
                    EtaEstimate.ranked(predictors, accuracy),
                    EtaIntervalEstimates.of(byInterval),
                    first[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replication failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
