package dev.fila.simulation;

import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.kernel.Kernel;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a {@link SimulationResult}'s figures from the flat request records. Arrivals before the
 * scenario's warm-up are simulated but not counted in the overall figures.
 */
final class Results {

    private Results() {}

    static SimulationResult of(
            Scenario scenario,
            Kernel kernel,
            List<RequestRecord> records,
            long invitationsExpired,
            ReplicationFigures figures,
            long wallNanos) {
        long within = scenario.serviceLevel().answerWithinMillis();
        long warmup = scenario.warmupMillis();
        List<RequestRecord> counted = warmup == 0
                ? records
                : records.stream().filter(r -> r.arrivalMillis() >= warmup).toList();
        Tally all = new Tally(within);
        counted.forEach(all::add);
        double occupancy = figures.overall(ReplicationFigures.ALL, Metric.OCCUPANCY);
        List<SimulationResult.QueueFigures> queues = new ArrayList<>();
        long penalties = 0;
        for (var q : scenario.queues()) {
            Tally t = new Tally(within);
            counted.stream().filter(r -> r.queueId().equals(q.queueId())).forEach(t::add);
            queues.add(new SimulationResult.QueueFigures(
                    q.queueId(),
                    t.arrivals,
                    t.served,
                    t.abandoned,
                    t.expired,
                    t.rejected,
                    t.waiting,
                    t.serviceLevel(),
                    t.averageSpeedOfAnswer()));
            penalties += kernel.queue(q.queueId()).penaltiesApplied();
        }
        return new SimulationResult(
                scenario.name(),
                scenario.seed(),
                scenario.horizonMillis(),
                within,
                scenario.serviceLevel().target(),
                all.arrivals,
                all.served,
                all.abandoned,
                all.expired,
                all.rejected,
                all.waiting,
                all.inService,
                all.serviceLevel(),
                all.averageSpeedOfAnswer(),
                all.arrivals == 0 ? 0 : (double) all.abandoned / all.arrivals,
                all.longestWait,
                invitationsExpired,
                penalties,
                Double.isNaN(occupancy) ? 0 : occupancy,
                kernel.eventsProcessed(),
                kernel.staleTimers(),
                kernel.internalRejections(),
                kernel.externalRejections(),
                queues,
                records,
                wallNanos,
                figures);
    }

    private static final class Tally {
        final long within;
        long arrivals;
        long served;
        long abandoned;
        long expired;
        long rejected;
        long waiting;
        long inService;
        long answeredInTime;
        long servedWaitMillis;
        long longestWait;

        Tally(long within) {
            this.within = within;
        }

        void add(RequestRecord r) {
            arrivals++;
            longestWait = Math.max(longestWait, r.waitMillis());
            switch (r.outcome()) {
                case SERVED -> {
                    served++;
                    servedWaitMillis += r.waitMillis();
                    if (r.waitMillis() <= within) {
                        answeredInTime++;
                    }
                    if (r.serviceEndMillis() < 0) {
                        inService++;
                    }
                }
                case ABANDONED -> abandoned++;
                case EXPIRED -> expired++;
                case REJECTED -> rejected++;
                case WAITING -> waiting++;
            }
        }

        double serviceLevel() {
            return arrivals == 0 ? 0 : (double) answeredInTime / arrivals;
        }

        double averageSpeedOfAnswer() {
            return served == 0 ? 0 : (double) servedWaitMillis / served;
        }
    }
}
