package dev.fila.simulation.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recorded staffing, as {@code fila import anonymous-bank --staffing} writes it (columns {@code
 * start,end,queue,agents,agents_distinct,agents_busy}, local date-times in the scenario's zone), read
 * into whole agents per interval and queue for a scenario.
 *
 * <p>The recorded counts are decimals (an agent on shift for half an interval counts ½). They become
 * whole agents by rounding to the nearest (halves up), except that an interval the record shows staffed
 * at all (a count above zero) keeps at least one agent: rounding 0.3 down to nobody would turn an
 * interval the centre answered in into one it could not (see {@link #wholeAgents}).
 *
 * <p>The rows must follow the scenario's intervals: each row spans exactly one interval and starts on
 * the scenario's grid; rows outside the horizon are ignored (so a month's file serves a week's
 * scenario), and every interval of the horizon needs a row for each queue the file names. A queue the
 * scenario does not have, an unknown column, a bad number or time is refused with the file, the line
 * and the column ({@link ScenarioException}).
 */
public final class StaffingFile {

    /** The columns a staffing file has, in order. */
    public static final List<String> HEADER =
            List.of("start", "end", "queue", "agents", "agents_distinct", "agents_busy");

    /** The columns a scenario may take the count from. */
    public static final List<String> COUNT_COLUMNS = List.of("agents", "agents_distinct", "agents_busy");

    private final Map<String, int[]> counts;
    private final long startMillis;
    private final long intervalMillis;
    private final long endMillis;

    private StaffingFile(Map<String, int[]> counts, long startMillis, long intervalMillis, long endMillis) {
        this.counts = counts;
        this.startMillis = startMillis;
        this.intervalMillis = intervalMillis;
        this.endMillis = endMillis;
    }

    /** The rounding rule: nearest whole agent (halves up), at least one when {@code recorded > 0}. */
    public static int wholeAgents(double recorded) {
        if (!(recorded > 0)) {
            return 0;
        }
        return (int) Math.max(1, Math.round(recorded));
    }

    /**
     * Reads {@code file}, taking the count from {@code column}, for a scenario of the given start,
     * horizon and interval whose queues are {@code queues}.
     *
     * @param fileName the name used in messages
     */
    public static StaffingFile read(
            Path file,
            String fileName,
            String column,
            ZoneId zone,
            long startMillis,
            long horizonMillis,
            long intervalMillis,
            Set<String> queues) {
        int col = HEADER.indexOf(column);
        if (!COUNT_COLUMNS.contains(column)) {
            throw new IllegalArgumentException("column must be one of " + COUNT_COLUMNS + ", not " + column);
        }
        long endMillis = startMillis + horizonMillis;
        int intervals = (int) ((horizonMillis + intervalMillis - 1) / intervalMillis);
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, boolean[]> seen = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new ScenarioException(
                        fileName, 1, "", "empty file: expected the header " + String.join(",", HEADER));
            }
            String[] names = header.strip().split(",", -1);
            if (!List.of(names).equals(HEADER)) {
                throw new ScenarioException(
                        fileName, 1, "", "expected the header " + String.join(",", HEADER) + ", got " + header.strip());
            }
            int line = 1;
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != HEADER.size()) {
                    throw new ScenarioException(
                            fileName, line, "", cells.length + " columns, expected " + HEADER.size());
                }
                long from = time(cells[0], zone, fileName, line, "start");
                long to = time(cells[1], zone, fileName, line, "end");
                String queue = cells[2].strip();
                if (!queues.contains(queue)) {
                    throw new ScenarioException(
                            fileName,
                            line,
                            "queue",
                            "unknown queue '" + queue + "'; the scenario's queues are " + String.join(", ", queues));
                }
                double value = number(cells[col], fileName, line, column);
                if (to <= startMillis || from >= endMillis) {
                    continue;
                }
                if (to - from != intervalMillis || Math.floorMod(from - startMillis, intervalMillis) != 0) {
                    throw new ScenarioException(
                            fileName,
                            line,
                            "start",
                            "the row " + cells[0].strip() + "–" + cells[1].strip()
                                    + " is not one of the scenario's intervals (" + intervalMillis / 60_000
                                    + " min from the start); import with --interval equal to the scenario's intervals");
                }
                int i = (int) ((from - startMillis) / intervalMillis);
                int[] c = counts.computeIfAbsent(queue, q -> new int[intervals]);
                boolean[] s = seen.computeIfAbsent(queue, q -> new boolean[intervals]);
                if (s[i]) {
                    throw new ScenarioException(
                            fileName,
                            line,
                            "start",
                            "interval " + cells[0].strip() + " of queue '" + queue + "' given twice");
                }
                s[i] = true;
                c[i] = wholeAgents(value);
            }
        } catch (IOException e) {
            throw new ScenarioException(fileName, 1, "", "cannot read the staffing file: " + e.getMessage());
        }
        if (counts.isEmpty()) {
            throw new ScenarioException(fileName, 1, "", "no row falls within the scenario's horizon");
        }
        for (Map.Entry<String, boolean[]> e : seen.entrySet()) {
            for (int i = 0; i < intervals; i++) {
                if (!e.getValue()[i]) {
                    throw new ScenarioException(
                            fileName,
                            1,
                            "start",
                            "no row for queue '" + e.getKey() + "' in interval " + (i + 1) + " of the scenario (from "
                                    + LocalDateTime.ofInstant(
                                            java.time.Instant.ofEpochMilli(startMillis + i * intervalMillis), zone)
                                    + ")");
                }
            }
        }
        return new StaffingFile(counts, startMillis, intervalMillis, endMillis);
    }

    private static long time(String text, ZoneId zone, String fileName, int line, String column) {
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new ScenarioException(
                    fileName,
                    line,
                    column,
                    "unparsable time '" + text.strip() + "': expected a local date-time such as 1999-01-04T07:00");
        }
    }

    private static double number(String text, String fileName, int line, String column) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new ScenarioException(fileName, line, column, "not a number: '" + text.strip() + "'");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ScenarioException(
                    fileName, line, column, "a number of agents must be finite and not negative, got " + text.strip());
        }
        return v;
    }

    /** The queues the file staffs, in file order. */
    public Set<String> queues() {
        return counts.keySet();
    }

    /** Whole agents of {@code queue} in each interval of the scenario. */
    public int[] counts(String queue) {
        return counts.get(queue).clone();
    }

    /**
     * The agents this staffing puts online: for each queue, {@code <queue>-1 … <queue>-k} where k is
     * the most agents in any interval; agent j is online in the intervals whose count is at least j
     * (R4), so when the count drops the highest-numbered agents go offline first. Agents never online
     * are left out.
     */
    public List<Scenario.AgentSpec> agents(int maxChats) {
        List<Scenario.AgentSpec> agents = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            int most = 0;
            for (int v : c) {
                most = Math.max(most, v);
            }
            for (int k = 1; k <= most; k++) {
                agents.add(
                        new Scenario.AgentSpec(e.getKey() + "-" + k, Map.of(e.getKey(), 1), maxChats, windows(c, k)));
            }
        }
        return agents;
    }

    /** The spans in which the k-th agent (1-based) is online: the runs of intervals whose count is at least k. */
    private List<Scenario.OnlineWindow> windows(int[] c, int k) {
        List<Scenario.OnlineWindow> windows = new ArrayList<>();
        int i = 0;
        while (i < c.length) {
            if (c[i] < k) {
                i++;
                continue;
            }
            int j = i;
            while (j < c.length && c[j] >= k) {
                j++;
            }
            windows.add(new Scenario.OnlineWindow(
                    startMillis + i * intervalMillis, Math.min(endMillis, startMillis + j * intervalMillis)));
            i = j;
        }
        return windows;
    }

    /** Agent-hours over the horizon, for reports. */
    public double agentHours() {
        double hours = 0;
        for (int[] c : counts.values()) {
            for (int i = 0; i < c.length; i++) {
                long from = startMillis + i * intervalMillis;
                hours += c[i] * (Math.min(endMillis, from + intervalMillis) - from) / 3.6e6;
            }
        }
        return hours;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StaffingFile[%s, %.0f agent-hours]", counts.keySet(), agentHours());
    }
}
