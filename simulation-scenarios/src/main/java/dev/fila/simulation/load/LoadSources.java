package dev.fila.simulation.load;

import dev.fila.simulation.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The load one replication runs: the scenario's recorded trace, re-opened from its first row (the
 * arrivals are the same in every replication; only behaviour is drawn), or its generated
 * non-homogeneous Poisson load on the replication's own streams. A trace's unidentified callers (empty
 * {@code customer_id}) are given an id each, {@code anonymous-<row>}.
 */
public final class LoadSources {

    private LoadSources() {}

    /**
     * @param streams the four generator streams, in order: arrivals, mix, handle, patience (unused by
     *     a trace, which draws nothing itself)
     */
    public static LoadSource forReplication(Scenario scenario, SplittableRandom[] streams) {
        Scenario.Trace trace = scenario.load().trace();
        if (trace == null) {
            return new PoissonLoad(scenario, streams);
        }
        Set<String> queues = new LinkedHashSet<>();
        scenario.queues().forEach(q -> queues.add(q.queueId()));
        try {
            return new Identified(LoadCsvReader.open(trace.file(), scenario.timeZone(), queues));
        } catch (IOException e) {
            throw new UncheckedIOException(trace.file() + ": cannot open the trace", e);
        }
    }

    /**
     * A trace whose unidentified callers (an empty {@code customer_id}) each get an id of their own,
     * {@code anonymous-<row>}: a request needs a customer (R6), and two unidentified callers are not
     * the same customer.
     */
    private static final class Identified implements LoadSource {
        private final LoadSource source;
        private long row;

        Identified(LoadSource source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public LoadRecord next() {
            LoadRecord r = source.next();
            row++;
            if (!r.customerId().isBlank()) {
                return r;
            }
            return new LoadRecord(
                    r.arrivalMillis(),
                    r.queueId(),
                    r.channel(),
                    r.handleMillis(),
                    r.patienceMillis(),
                    r.patienceCensored(),
                    r.priority(),
                    "anonymous-" + row);
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
