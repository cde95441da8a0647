package dev.fila.simulation.load;

import dev.fila.engine.domain.Channel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a monthly log of the "Anonymous Bank" call centre (Technion SEE Laboratory, Guedj &
 * Mandelbaum 2000) into Fila load records, in either layout the data come in: the original
 * tab-separated {@code .txt} (CRLF) with {@code YYMMDD} dates, or the spreadsheet export with a
 * comma separator, an empty first column and dates {@code 2010-08-DD} that mean 1999-08-DD.
 *
 * <p>Each row is one call. PHANTOM rows are ignored; callers who hung up before queueing
 * ({@code HANG} with {@code q_start} 0:00:00) are counted but never entered the queue. Every other
 * call asked for an agent and becomes one {@link LoadRecord}:
 *
 * <ul>
 *   <li>arrival = date + {@code q_start}; a served call with {@code q_start} 0:00:00 found an agent
 *       free and arrives at {@code vru_exit} with a wait of zero;
 *   <li>queue = the call {@code type} (PS, PE, IN, NE, NW, TT) or {@value #SINGLE_QUEUE} for all;
 *   <li>channel voice; handle = {@code ser_time} for served calls (unknown for abandoned ones);
 *   <li>patience = {@code q_time}: an observation for abandoned callers, a censored lower bound
 *       (the wait they accepted) for served ones;
 *   <li>priority 1 for the bank's priority-2 customers, else 0; customer id as written, empty for
 *       an unidentified caller (id 0).
 * </ul>
 *
 * <p>Times of a call after midnight (a service that ends, or starts, on the next day) are put on the
 * next day: a stage whose clock reads more than six hours before the call's {@code vru_entry} is
 * taken to have wrapped. The quirks of the data (see {@link AnonymousBankQuirk}) are handled and
 * counted; a row that is not a call at all (wrong number of fields, an unparsable time) is refused
 * with a {@link LoadFormatException} naming the file, the line and the field.
 *
 * <p>The month is held in memory (about 40,000 calls, a few megabytes) so that the calls can be
 * sorted by arrival: the files are only roughly in time order.
 */
public final class AnonymousBankImporter {

    /** The one queue of {@link QueueMapping#SINGLE}. */
    public static final String SINGLE_QUEUE = "bank";

    /** The call types the documentation lists. */
    public static final Set<String> CALL_TYPES = Set.of("PS", "PE", "IN", "NE", "NW", "TT");

    /** How calls map to queues. */
    public enum QueueMapping {
        /** One queue per call type (PS, PE, IN, NE, NW, TT). */
        BY_TYPE,
        /** One queue, {@value AnonymousBankImporter#SINGLE_QUEUE}, for every call. */
        SINGLE
    }

    private static final List<String> FIELDS = List.of(
            "vru+line",
            "call_id",
            "customer_id",
            "priority",
            "type",
            "date",
            "vru_entry",
            "vru_exit",
            "vru_time",
            "q_start",
            "q_exit",
            "q_time",
            "outcome",
            "ser_start",
            "ser_exit",
            "ser_time",
            "server");
    private static final int CALL_ID = 1;
    private static final int CUSTOMER_ID = 2;
    private static final int PRIORITY = 3;
    private static final int TYPE = 4;
    private static final int DATE = 5;
    private static final int VRU_ENTRY = 6;
    private static final int VRU_EXIT = 7;
    private static final int VRU_TIME = 8;
    private static final int Q_START = 9;
    private static final int Q_EXIT = 10;
    private static final int Q_TIME = 11;
    private static final int OUTCOME = 12;
    private static final int SER_START = 13;
    private static final int SER_EXIT = 14;
    private static final int SER_TIME = 15;
    private static final int SERVER = 16;

    private static final int DAY_SECONDS = 86_400;
    private static final int WRAP_SECONDS = 6 * 3600;
    private static final String NO_SERVER = "NO_SERVER";
    private static final Pattern WHITESPACE = Pattern.compile("[\\t ]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern EXPONENT = Pattern.compile("\\d+(\\.\\d+)?[Ee][+-]?\\d+");

    private final String fileName;
    private final ZoneId zone;
    private final QueueMapping mapping;
    private final EnumMap<AnonymousBankQuirk, Long> quirks = new EnumMap<>(AnonymousBankQuirk.class);
    private final List<Arrival> calls = new ArrayList<>();
    private final List<AgentService> services = new ArrayList<>();
    private boolean spreadsheet;
    private long lineNumber;
    private long rows;
    private long phantoms;
    private long hungUpBeforeQueue;
    private long served;
    private long servedWithoutWaiting;
    private long abandoned;
    private LocalDate firstDay;
    private LocalDate lastDay;

    private record Arrival(LoadRecord record, long line) {}

    private AnonymousBankImporter(String fileName, ZoneId zone, QueueMapping mapping) {
        this.fileName = fileName;
        this.zone = zone;
        this.mapping = mapping;
    }

    /** Imports one monthly file (either layout, told apart by its header). */
    public static AnonymousBankLog read(Path file, ZoneId zone, QueueMapping mapping) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in, file.toString(), zone, mapping);
        }
    }

    /** Imports one monthly log from a reader; {@code fileName} is used in error messages. */
    public static AnonymousBankLog read(BufferedReader in, String fileName, ZoneId zone, QueueMapping mapping) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(mapping, "mapping");
        AnonymousBankImporter importer = new AnonymousBankImporter(fileName, zone, mapping);
        try {
            importer.readHeader(in.readLine());
            String line;
            while ((line = in.readLine()) != null) {
                importer.lineNumber++;
                if (!line.isBlank()) {
                    importer.readRow(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ":" + (importer.lineNumber + 1) + ": cannot read", e);
        }
        return importer.result();
    }

    private void readHeader(String header) {
        lineNumber = 1;
        if (header == null) {
            throw new LoadFormatException(
                    fileName, 1, "", "empty file: expected the header " + String.join(",", FIELDS));
        }
        String text = header.strip();
        spreadsheet = !text.contains("\t");
        String[] names = spreadsheet ? text.split(",", -1) : text.split("\t", -1);
        int first = spreadsheet && names.length > 0 && names[0].isBlank() ? 1 : 0;
        if (names.length - first != FIELDS.size()) {
            throw new LoadFormatException(
                    fileName,
                    1,
                    "",
                    "header has " + (names.length - first) + " fields, expected the " + FIELDS.size() + " of "
                            + String.join(",", FIELDS));
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            if (!names[first + i].strip().equals(FIELDS.get(i))) {
                throw new LoadFormatException(
                        fileName,
                        1,
                        FIELDS.get(i),
                        "header field " + (i + 1) + " is '" + names[first + i].strip() + "'");
            }
        }
    }

    private String[] split(String line) {
        String text = line.strip();
        if (spreadsheet) {
            String[] cells = text.split(",", -1);
            if (cells.length == FIELDS.size() + 1 && cells[0].isBlank()) {
                String[] fields = new String[FIELDS.size()];
                System.arraycopy(cells, 1, fields, 0, fields.length);
                return fields;
            }
            throw new LoadFormatException(
                    fileName,
                    lineNumber,
                    "",
                    cells.length + " comma-separated cells, expected an empty one and " + FIELDS.size());
        }
        String[] fields = text.split("\t", -1);
        if (fields.length == FIELDS.size()) {
            return fields;
        }
        String[] loose = WHITESPACE.split(text);
        if (loose.length == FIELDS.size()) {
            count(AnonymousBankQuirk.SPACES_INSTEAD_OF_TAB);
            return loose;
        }
        throw new LoadFormatException(
                fileName, lineNumber, "", fields.length + " tab-separated fields, expected " + FIELDS.size());
    }

    private void readRow(String line) {
        String[] f = split(line);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        rows++;
        LocalDate date = parseDate(f[DATE]);
        if (firstDay == null || date.isBefore(firstDay)) {
            firstDay = date;
        }
        if (lastDay == null || date.isAfter(lastDay)) {
            lastDay = date;
        }
        if (integer(VRU_TIME, f[VRU_TIME]) < 0) {
            count(AnonymousBankQuirk.NEGATIVE_VRU_TIME);
        }
        countIdentityQuirks(f);
        String outcome = f[OUTCOME];
        if (outcome.equals("PHANTOM")) {
            phantoms++;
            return;
        }
        boolean isServed = outcome.equals("AGENT");
        if (!isServed && !outcome.equals("HANG")) {
            throw refusal(OUTCOME, "unknown outcome '" + outcome + "': expected AGENT, HANG or PHANTOM");
        }
        int vruEntry = seconds(VRU_ENTRY, f[VRU_ENTRY]);
        int vruExit = seconds(VRU_EXIT, f[VRU_EXIT]);
        int qStart = seconds(Q_START, f[Q_START]);
        int qExit = seconds(Q_EXIT, f[Q_EXIT]);
        int qTime = integer(Q_TIME, f[Q_TIME]);
        int serStart = seconds(SER_START, f[SER_START]);
        int serExit = seconds(SER_EXIT, f[SER_EXIT]);
        int serTime = integer(SER_TIME, f[SER_TIME]);
        boolean queued = qStart != 0;
        if (!isServed && !queued) {
            hungUpBeforeQueue++;
            return;
        }
        if (qTime < 0) {
            throw refusal(Q_TIME, "negative time in queue " + qTime);
        }
        long midnightMillis = date.atStartOfDay(zone).toInstant().toEpochMilli();
        int arrivalSecond = afterEntry(queued ? qStart : vruExit, vruEntry);
        long arrivalMillis = midnightMillis + arrivalSecond * 1000L;
        String queue = queueOf(f[TYPE]);
        int priority = integer(PRIORITY, f[PRIORITY]) == 2 ? 1 : 0;
        String customer = f[CUSTOMER_ID].equals("0") ? "" : f[CUSTOMER_ID];
        long handleMillis = LoadRecord.UNKNOWN;
        if (isServed) {
            served++;
            if (!queued) {
                servedWithoutWaiting++;
            }
            if (NO_SERVER.equals(f[SERVER])) {
                count(AnonymousBankQuirk.SERVED_BY_NO_SERVER);
            }
            boolean timesMissing = serStart == 0 && serExit == 0;
            if (timesMissing) {
                count(AnonymousBankQuirk.SERVICE_TIMES_MISSING);
            } else {
                if (serExit < serStart) {
                    count(AnonymousBankQuirk.SERVICE_CROSSES_MIDNIGHT);
                }
                int clockSeconds = Math.floorMod(serExit - serStart, DAY_SECONDS);
                if (serTime != clockSeconds) {
                    count(AnonymousBankQuirk.SERVICE_TIME_DISAGREES_WITH_CLOCK);
                }
                if (queued && serStart != 0 && afterEntry(serStart, vruEntry) < afterEntry(qExit, vruEntry)) {
                    count(AnonymousBankQuirk.SERVICE_STARTS_BEFORE_QUEUE_EXIT);
                }
                handleMillis = clockSeconds * 1000L;
                if (!NO_SERVER.equals(f[SERVER])) {
                    long startMillis = midnightMillis + afterEntry(serStart, vruEntry) * 1000L;
                    services.add(new AgentService(f[SERVER], queue, startMillis, startMillis + handleMillis));
                }
            }
        } else {
            abandoned++;
            if (serStart != 0 || serExit != 0) {
                count(AnonymousBankQuirk.ABANDONED_WITH_SERVICE_TIMES);
            }
        }
        LoadRecord record = new LoadRecord(
                arrivalMillis, queue, Channel.VOICE, handleMillis, qTime * 1000L, isServed, priority, customer);
        calls.add(new Arrival(record, lineNumber));
    }

    private void countIdentityQuirks(String[] f) {
        if (!DIGITS.matcher(f[CALL_ID]).matches()) {
            count(AnonymousBankQuirk.MANGLED_CALL_ID);
        }
        if (EXPONENT.matcher(f[CUSTOMER_ID]).matches()) {
            count(AnonymousBankQuirk.CUSTOMER_ID_IN_EXPONENT_NOTATION);
        }
        if (!CALL_TYPES.contains(f[TYPE])) {
            count(AnonymousBankQuirk.UNKNOWN_TYPE);
        }
    }

    private String queueOf(String type) {
        return switch (mapping) {
            case SINGLE -> SINGLE_QUEUE;
            case BY_TYPE -> type.isEmpty() ? "unknown" : type;
        };
    }

    /** The second of the call's day at which a stage happened: on the next day if its clock wrapped. */
    private static int afterEntry(int second, int vruEntrySecond) {
        return second < vruEntrySecond - WRAP_SECONDS ? second + DAY_SECONDS : second;
    }

    private LocalDate parseDate(String text) {
        try {
            if (text.length() == 6 && DIGITS.matcher(text).matches()) {
                int yy = Integer.parseInt(text.substring(0, 2));
                int year = yy >= 50 ? 1900 + yy : 2000 + yy;
                return LocalDate.of(year, Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4)));
            }
            LocalDate written = LocalDate.parse(text);
            if (spreadsheet && written.getYear() != 1999) {
                count(AnonymousBankQuirk.SPREADSHEET_DATE);
                return written.withYear(1999);
            }
            return written;
        } catch (RuntimeException e) {
            throw refusal(DATE, "unparsable date '" + text + "': expected YYMMDD or YYYY-MM-DD");
        }
    }

    private int seconds(int field, String text) {
        int first = text.indexOf(':');
        int second = text.indexOf(':', first + 1);
        try {
            if (first > 0 && second > first && text.indexOf(':', second + 1) < 0) {
                int h = Integer.parseInt(text, 0, first, 10);
                int m = Integer.parseInt(text, first + 1, second, 10);
                int s = Integer.parseInt(text, second + 1, text.length(), 10);
                if (h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60) {
                    return h * 3600 + m * 60 + s;
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refusal(field, "unparsable time '" + text + "': expected h:mm:ss");
    }

    private int integer(int field, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw refusal(field, "not an integer: '" + text + "'");
        }
    }

    private void count(AnonymousBankQuirk quirk) {
        quirks.merge(quirk, 1L, Long::sum);
    }

    private LoadFormatException refusal(int field, String problem) {
        return new LoadFormatException(fileName, lineNumber, FIELDS.get(field), problem);
    }

    private AnonymousBankLog result() {
        if (rows == 0) {
            throw new LoadFormatException(fileName, lineNumber, "", "no calls in the file");
        }
        calls.sort(Comparator.comparingLong((Arrival a) -> a.record().arrivalMillis())
                .thenComparingLong(Arrival::line));
        List<LoadRecord> sorted = new ArrayList<>(calls.size());
        for (Arrival a : calls) {
            sorted.add(a.record());
        }
        return new AnonymousBankLog(
                fileName,
                sorted,
                services,
                new AnonymousBankLog.Counts(
                        rows, phantoms, hungUpBeforeQueue, served + abandoned, served, servedWithoutWaiting, abandoned),
                Map.copyOf(quirks),
                firstDay,
                lastDay);
    }
}
