package dev.fila.simulation.scenario;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.simulation.fit.EmpiricalDistribution;
import dev.fila.simulation.fit.ExponentialFit;
import dev.fila.simulation.fit.KaplanMeier;
import dev.fila.simulation.fit.LogNormalFit;
import dev.fila.simulation.load.LoadCsvReader;
import dev.fila.simulation.load.LoadFormatException;
import dev.fila.simulation.load.LoadRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scenario reader learns from load CSVs named in a scenario: a trace's counts (checked row by
 * row before anything runs, so a bad trace is refused whole) and the distributions fitted from a
 * trace. Every file is streamed once per use; a refusal names the CSV's file, line and column.
 */
final class TraceFiles {

    private TraceFiles() {}

    /** A trace's arrivals within the horizon: per queue and interval, per channel, and in total. */
    record Counts(Map<String, long[]> perQueueInterval, Map<Channel, Long> perChannel, long total) {
        boolean arrivalsIn(String queueId, int interval) {
            long[] c = perQueueInterval.get(queueId);
            return c != null && c[interval] > 0;
        }
    }

    /**
     * Reads the whole trace: every row must name one of the scenario's queues, on a channel that queue
     * takes. Counts the rows in {@code [startMillis, startMillis + horizonMillis)} by interval.
     */
    static Counts count(
            Path file,
            String fileName,
            ZoneId zone,
            List<QueueSettings> queues,
            long startMillis,
            long horizonMillis,
            long intervalMillis) {
        Map<String, QueueSettings> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.queueId(), q));
        int intervals = (int) ((horizonMillis + intervalMillis - 1) / intervalMillis);
        long endMillis = startMillis + horizonMillis;
        Map<String, long[]> perQueue = new LinkedHashMap<>();
        Map<Channel, Long> perChannel = new EnumMap<>(Channel.class);
        long[] total = {0};
        stream(file, fileName, zone, byId.keySet(), (r, line) -> {
            if (!byId.get(r.queueId()).channels().contains(r.channel())) {
                throw new ScenarioException(
                        fileName,
                        (int) line,
                        "channel",
                        "queue '" + r.queueId() + "' does not take "
                                + r.channel().name().toLowerCase(java.util.Locale.ROOT)
                                + "; add it to the queue's channels in the scenario");
            }
            if (r.arrivalMillis() < startMillis || r.arrivalMillis() >= endMillis) {
                return;
            }
            int i = (int) ((r.arrivalMillis() - startMillis) / intervalMillis);
            perQueue.computeIfAbsent(r.queueId(), q -> new long[intervals])[i]++;
            perChannel.merge(r.channel(), 1L, Long::sum);
            total[0]++;
        });
        return new Counts(perQueue, perChannel, total[0]);
    }

    /** The handle times (seconds) of the trace's records that have one; for a log-normal, only those above zero. */
    static double[] handleSeconds(Path file, String fileName, ZoneId zone, boolean positiveOnly) {
        double[][] values = {new double[1024]};
        int[] n = {0};
        stream(file, fileName, zone, Set.of(), (r, line) -> {
            if (!r.hasHandleTime() || (positiveOnly && r.handleMillis() == 0)) {
                return;
            }
            if (n[0] == values[0].length) {
                values[0] = Arrays.copyOf(values[0], 2 * n[0]);
            }
            values[0][n[0]++] = r.handleMillis() / 1000.0;
        });
        return Arrays.copyOf(values[0], n[0]);
    }

    /** The fitted handle-time distribution: {@code lognormal}, {@code exponential} or {@code empirical}. */
    static Distribution fitHandle(String kind, Path file, String fileName, ZoneId zone) {
        double[] seconds = handleSeconds(file, fileName, zone, kind.equals("lognormal"));
        if (seconds.length == 0) {
            throw new ScenarioException(fileName, 1, "handle_seconds", "no handle time to fit " + kind + " to");
        }
        return switch (kind) {
            case "lognormal" -> new Distribution.Fitted(LogNormalFit.fit(seconds), fileName);
            case "exponential" -> {
                if (Arrays.stream(seconds).allMatch(v -> v == 0)) {
                    throw new ScenarioException(fileName, 1, "handle_seconds", "every handle time is zero");
                }
                yield new Distribution.Fitted(ExponentialFit.fit(seconds), fileName);
            }
            default -> new Distribution.Fitted(EmpiricalDistribution.of(seconds), fileName);
        };
    }

    /**
     * Kaplan–Meier of the trace's patience: an uncensored patience is an event (the caller left), a
     * censored one a lower bound (the caller was served after waiting that long).
     */
    static Distribution kaplanMeier(Path file, String fileName, ZoneId zone) {
        double[][] times = {new double[1024]};
        boolean[][] events = {new boolean[1024]};
        int[] n = {0};
        stream(file, fileName, zone, Set.of(), (r, line) -> {
            if (!r.hasPatience()) {
                return;
            }
            if (n[0] == times[0].length) {
                times[0] = Arrays.copyOf(times[0], 2 * n[0]);
                events[0] = Arrays.copyOf(events[0], 2 * n[0]);
            }
            times[0][n[0]] = r.patienceMillis() / 1000.0;
            events[0][n[0]] = !r.patienceCensored();
            n[0]++;
        });
        if (n[0] == 0) {
            throw new ScenarioException(fileName, 1, "patience_seconds", "no patience to estimate from");
        }
        KaplanMeier km = KaplanMeier.fit(Arrays.copyOf(times[0], n[0]), Arrays.copyOf(events[0], n[0]));
        if (km.events() == 0) {
            throw new ScenarioException(
                    fileName,
                    1,
                    "patience_censored",
                    "no abandonment in the trace: every patience is censored, so it is unbounded");
        }
        return new Distribution.Fitted(km, fileName);
    }

    interface RowConsumer {
        void accept(LoadRecord record, long line);
    }

    /** Streams every row, turning the reader's refusals into the scenario's (same file, line and column). */
    private static void stream(Path file, String fileName, ZoneId zone, Set<String> queues, RowConsumer each) {
        LoadCsvReader reader;
        try {
            reader = new LoadCsvReader(
                    java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8),
                    fileName,
                    zone,
                    queues);
        } catch (IOException e) {
            throw new ScenarioException(fileName, 1, "", "cannot read the load file: " + e);
        } catch (LoadFormatException e) {
            throw refusal(e);
        }
        try (reader) {
            while (reader.hasNext()) {
                LoadRecord r = reader.next();
                each.accept(r, reader.lineNumber());
            }
        } catch (LoadFormatException e) {
            throw refusal(e);
        } catch (UncheckedIOException e) {
            throw new ScenarioException(fileName, (int) reader.lineNumber(), "", "cannot read: " + e.getMessage());
        }
    }

    private static ScenarioException refusal(LoadFormatException e) {
        return new ScenarioException(e.file(), Math.toIntExact(e.line()), e.field(), e.problem());
    }
}
