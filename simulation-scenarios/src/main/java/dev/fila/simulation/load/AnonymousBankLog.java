package dev.fila.simulation.load;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One monthly Anonymous Bank log, imported: the calls that asked for an agent as Fila load records
 * (sorted by arrival), the services that name their agent (for the recorded staffing), the counts
 * of what the file held and the quirks that were handled.
 *
 * @param calls every call that entered the queue (or was served without waiting), by arrival
 * @param services every service with a named agent and known times, in file order
 * @param firstDay the first date in the file
 * @param lastDay the last date in the file
 */
public record AnonymousBankLog(
        String file,
        List<LoadRecord> calls,
        List<AgentService> services,
        Counts counts,
        Map<AnonymousBankQuirk, Long> quirks,
        LocalDate firstDay,
        LocalDate lastDay) {

    /**
     * What the rows were.
     *
     * @param rowsRead data rows (the header not counted)
     * @param phantoms rows with outcome PHANTOM, ignored as the documentation says
     * @param hungUpBeforeQueue callers who hung up in the voice-response unit: they never entered the queue
     * @param enteredQueue callers who asked for an agent: {@code served + abandoned}
     * @param served callers answered by an agent
     * @param servedWithoutWaiting of the served, those who found an agent free ({@code q_start} 0:00:00)
     * @param abandoned callers who hung up while waiting in the queue
     */
    public record Counts(
            long rowsRead,
            long phantoms,
            long hungUpBeforeQueue,
            long enteredQueue,
            long served,
            long servedWithoutWaiting,
            long abandoned) {

        /** Served ÷ (served + abandoned): callers who asked for an agent and got one. */
        public double servedShare() {
            return enteredQueue == 0 ? 0 : (double) served / enteredQueue;
        }

        /** Served after waiting ÷ (served after waiting + abandoned): the callers who actually queued. */
        public double servedShareOfQueued() {
            long queued = enteredQueue - servedWithoutWaiting;
            return queued == 0 ? 0 : (double) (served - servedWithoutWaiting) / queued;
        }
    }

    public AnonymousBankLog {
        Objects.requireNonNull(file, "file");
        calls = List.copyOf(calls);
        services = List.copyOf(services);
        Objects.requireNonNull(counts, "counts");
        EnumMap<AnonymousBankQuirk, Long> all = new EnumMap<>(AnonymousBankQuirk.class);
        for (AnonymousBankQuirk q : AnonymousBankQuirk.values()) {
            all.put(q, quirks.getOrDefault(q, 0L));
        }
        quirks = java.util.Collections.unmodifiableMap(all);
    }

    /** How many rows had the quirk. */
    public long quirk(AnonymousBankQuirk quirk) {
        return quirks.get(quirk);
    }
}
