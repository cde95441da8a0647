package dev.fila.simulation.staffing;

import dev.fila.simulation.Simulation;
import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.figures.Estimate;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Evaluates staffing plans by simulating the scenario under the full rules, with common random
 * numbers: replication r of every plan runs on the same stream, the r-th split of the scenario's seed
 * (exactly as {@link dev.fila.simulation.Replications} does, so a plan's figures here equal {@code fila
 * simulate} of the plan with that many replications). The driver draws each customer's behaviour at
 * arrival, so plans are compared on the same customers and their differences are not drowned by
 * sampling noise.
 *
 * <p>Replications run in parallel on {@code threads} threads; each plan's replication figures are
 * kept, so asking for more replications of a plan only runs the new ones. Results do not depend on the
 * number of threads. Not thread-safe: one search drives it. Close it to stop its threads.
 */
public final class SimulatedEvaluator implements PlanEvaluator, AutoCloseable {

    private final Scenario scenario;
    private final Map<String, AgentTemplate> templates;
    private final ExecutorService pool;
    private final IntConsumer onReplication;
    private final Map<StaffingPlan, List<ReplicationFigures>> runs = new HashMap<>();
    private long replicationsRun;

    /**
     * @param onReplication told each time a replication finishes (from a worker thread), for progress
     */
    public SimulatedEvaluator(
            Scenario scenario, Map<String, AgentTemplate> templates, int threads, IntConsumer onReplication) {
        this.scenario = scenario;
        this.templates = Map.copyOf(templates);
        this.onReplication = onReplication;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread t = new Thread(runnable, "fila-staffing");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public PlanFigures evaluate(StaffingPlan plan, int replications) {
        List<ReplicationFigures> figures = figures(plan, replications);
        List<String> queues = plan.queueIds();
        int intervals = plan.intervalCount();
        Estimate[][] sl = new Estimate[queues.size()][intervals];
        Estimate[][] asa = new Estimate[queues.size()][intervals];
        Estimate[][] abandonment = new Estimate[queues.size()][intervals];
        double[] values = new double[replications];
        for (int q = 0; q < queues.size(); q++) {
            String queue = queues.get(q);
            for (int i = 0; i < intervals; i++) {
                sl[q][i] = estimate(figures, queue, i, Metric.SERVICE_LEVEL, values);
                asa[q][i] = estimate(figures, queue, i, Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS, values);
                abandonment[q][i] = estimate(figures, queue, i, Metric.ABANDONMENT_RATE, values);
            }
        }
        return new PlanFigures(replications, sl, asa, abandonment);
    }

    /**
     * Every figure of the plan over {@code replications} replications (the same numbers as {@code fila
     * simulate} gives for the plan), with the first replication's full result rerun for its records.
     */
    public RunSummary summary(StaffingPlan plan, int replications) {
        List<ReplicationFigures> figures = figures(plan, replications);
        Scenario staffed = plan.applyTo(scenario, templates).withReplications(replications);
        SimulationResult first = Simulation.run(staffed, stream(scenario.seed(), 0));
        return RunSummary.of(staffed, figures, first);
    }

    /** Replications run so far, over all plans. */
    public long replicationsRun() {
        return replicationsRun;
    }

    /** Plans simulated so far. */
    public int plansEvaluated() {
        return runs.size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private List<ReplicationFigures> figures(StaffingPlan plan, int replications) {
        List<ReplicationFigures> have = runs.computeIfAbsent(plan, p -> new ArrayList<>());
        if (have.size() >= replications) {
            return have.subList(0, replications);
        }
        Scenario staffed = plan.applyTo(scenario, templates);
        List<Future<ReplicationFigures>> futures = new ArrayList<>();
        for (int r = have.size(); r < replications; r++) {
            SplittableRandom stream = stream(scenario.seed(), r);
            futures.add(pool.submit(() -> {
                ReplicationFigures f = Simulation.run(staffed, stream).figures();
                onReplication.accept(1);
                return f;
            }));
        }
        try {
            for (Future<ReplicationFigures> f : futures) {
                have.add(f.get());
                replicationsRun++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replication failed: " + e.getCause(), e.getCause());
        }
        return have;
    }

    /** The r-th split of the seed's stream: replication r's stream in {@code Replications.run}. */
    static SplittableRandom stream(long seed, int replication) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < replication; r++) {
            root.split();
        }
        return root.split();
    }

    private static Estimate estimate(
            List<ReplicationFigures> figures, String queue, int interval, Metric metric, double[] values) {
        for (int r = 0; r < figures.size(); r++) {
            values[r] = figures.get(r).interval(queue, interval, metric);
        }
        return Estimate.of(values);
    }
}
