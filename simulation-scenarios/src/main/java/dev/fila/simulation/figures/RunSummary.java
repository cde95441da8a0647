package dev.fila.simulation.figures;

import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.scenario.Scenario;
import java.util.List;

/**
 * What a run of replications produced: every figure of {@link ReplicationFigures} as an
 * {@link Estimate} over the replications, overall and per interval, per queue and for all queues; the
 * mean queue-length series; each agent's mean occupancy; each ETA predictor's error, ranked (R8);
 * Erlang C and Erlang A computed analytically beside it ({@link ErlangBaseline}); and the first
 * replication's full result (its per-request records and kernel counts). Machine independent: nothing here depends on the number of
 * threads or the wall clock.
 *
 * @param overall {@code [row][metric]}
 * @param intervals {@code [row][interval][metric]}
 * @param queueLengthSeries {@code [row][sample]}, the mean over replications
 * @param eta the ETA predictors' errors, best first; empty when not measured
 * @param etaByInterval the same errors per interval and queue; {@link EtaIntervalEstimates#none()} when
 *     not measured
 */
public record RunSummary(
        Scenario scenario,
        int replications,
        List<String> rows,
        Estimate[][] overall,
        Estimate[][][] intervals,
        long sampleStepMillis,
        double[][] queueLengthSeries,
        List<String> agentIds,
        Estimate[] agentOccupancy,
        List<EtaEstimate> eta,
        EtaIntervalEstimates etaByInterval,
        ErlangBaseline erlang,
        SimulationResult first) {

    public RunSummary {
        rows = List.copyOf(rows);
        agentIds = List.copyOf(agentIds);
        eta = List.copyOf(eta);
    }

    public int row(String queueOrAll) {
        int i = rows.indexOf(queueOrAll);
        if (i < 0) {
            throw new IllegalArgumentException("no row " + queueOrAll);
        }
        return i;
    }

    public Estimate overall(String queueOrAll, Metric metric) {
        return overall[row(queueOrAll)][metric.ordinal()];
    }

    public Estimate interval(String queueOrAll, int interval, Metric metric) {
        return intervals[row(queueOrAll)][interval][metric.ordinal()];
    }

    public int intervalCount() {
        return intervals[0].length;
    }

    /** Combines replications' figures, in replication order, without ETA measurements. */
    public static RunSummary of(Scenario scenario, List<ReplicationFigures> reps, SimulationResult first) {
        return of(scenario, reps, List.of(), first);
    }

    /**
     * Combines replications' figures, in replication order, with the ETA predictors' errors already
     * combined ({@link EtaEstimate#ranked}), and computes the Erlang baseline.
     */
    public static RunSummary of(
            Scenario scenario, List<ReplicationFigures> reps, List<EtaEstimate> eta, SimulationResult first) {
        return of(scenario, reps, eta, EtaIntervalEstimates.none(), first);
    }

    /** As {@link #of(Scenario, List, List, SimulationResult)}, with the ETA errors per interval too. */
    public static RunSummary of(
            Scenario scenario,
            List<ReplicationFigures> reps,
            List<EtaEstimate> eta,
            EtaIntervalEstimates etaByInterval,
            SimulationResult first) {
        ReplicationFigures shape = reps.get(0);
        int rows = shape.rows().size();
        int intervals = shape.intervalCount();
        int metrics = Metric.count();
        int n = reps.size();
        Estimate[][] overall = new Estimate[rows][metrics];
        Estimate[][][] perInterval = new Estimate[rows][intervals][metrics];
        double[][] series = new double[rows][shape.queueLengthSeries()[0].length];
        double[] values = new double[n];
        for (int row = 0; row < rows; row++) {
            for (int m = 0; m < metrics; m++) {
                for (int r = 0; r < n; r++) {
                    values[r] = reps.get(r).overall()[row][m];
                }
                overall[row][m] = Estimate.of(values);
                for (int i = 0; i < intervals; i++) {
                    for (int r = 0; r < n; r++) {
                        values[r] = reps.get(r).intervals()[row][i][m];
                    }
                    perInterval[row][i][m] = Estimate.of(values);
                }
            }
            for (int k = 0; k < series[row].length; k++) {
                double sum = 0;
                for (ReplicationFigures rep : reps) {
                    sum += rep.queueLengthSeries()[row][k];
                }
                series[row][k] = sum / n;
            }
        }
        Estimate[] occupancy = new Estimate[shape.agentIds().size()];
        for (int a = 0; a < occupancy.length; a++) {
            for (int r = 0; r < n; r++) {
                values[r] = reps.get(r).agentOccupancy()[a];
            }
            occupancy[a] = Estimate.of(values);
        }
        return new RunSummary(
                scenario,
                n,
                shape.rows(),
                overall,
                perInterval,
                shape.sampleStepMillis(),
                series,
                shape.agentIds(),
                occupancy,
                eta,
                etaByInterval,
                ErlangBaseline.of(scenario),
                first);
    }
}
