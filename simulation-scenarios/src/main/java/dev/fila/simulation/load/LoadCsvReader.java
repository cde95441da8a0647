package dev.fila.simulation.load;

import dev.fila.engine.domain.Channel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Reads Fila's load CSV (columns in {@link LoadRecord}'s Javadoc) one line at a time: the file is
 * never held whole, so a load of millions of rows streams in constant memory.
 *
 * <p>The header must name the columns in order. Every row is checked before it is handed out, and a
 * bad one is refused with a {@link LoadFormatException} naming the file, the line and the column:
 * a missing column, an unparsable time, an unknown channel or queue, a negative duration, a
 * priority that is not a non-negative integer, an arrival earlier than the row before. Blank lines
 * are skipped. Times are local date-times in the reader's zone; a local time that a daylight-saving
 * change makes ambiguous takes the earlier offset, one that does not exist is moved forward by the
 * length of the gap ({@link java.time.ZonedDateTime#of}'s rules).
 *
 * <p>{@link #hasNext()} reads ahead one row; it throws {@link LoadFormatException} for a bad row
 * and {@link UncheckedIOException} when the file cannot be read.
 */
public final class LoadCsvReader implements LoadSource {

    private final BufferedReader in;
    private final String fileName;
    private final ZoneId zone;
    private final Set<String> knownQueues;
    private long lineNumber;
    private long previousArrivalMillis = Long.MIN_VALUE;
    private LoadRecord next;
    private boolean finished;

    /**
     * @param fileName the name used in error messages
     * @param knownQueues the queues a row may name; empty accepts any queue
     */
    public LoadCsvReader(Reader reader, String fileName, ZoneId zone, Set<String> knownQueues) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.knownQueues = Set.copyOf(knownQueues);
        readHeader();
    }

    /** Opens a load file accepting any queue name. */
    public static LoadCsvReader open(Path file, ZoneId zone) throws IOException {
        return open(file, zone, Set.of());
    }

    /** Opens a load file whose rows must name one of {@code knownQueues} (empty: any). */
    public static LoadCsvReader open(Path file, ZoneId zone, Set<String> knownQueues) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            return new LoadCsvReader(reader, file.toString(), zone, knownQueues);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private void readHeader() {
        String header = readLine();
        if (header == null) {
            throw new LoadFormatException(fileName, 1, "", "empty file: expected the header " + LoadCsv.HEADER);
        }
        String[] names = header.strip().split(",", -1);
        for (int i = 0; i < LoadCsv.COLUMNS.size(); i++) {
            String expected = LoadCsv.COLUMNS.get(i);
            if (i >= names.length) {
                throw new LoadFormatException(fileName, lineNumber, expected, "missing column in the header");
            }
            if (!names[i].strip().equals(expected)) {
                throw new LoadFormatException(
                        fileName,
                        lineNumber,
                        expected,
                        "header column " + (i + 1) + " is '" + names[i].strip() + "', expected '" + expected + "'");
            }
        }
        if (names.length > LoadCsv.COLUMNS.size()) {
            throw new LoadFormatException(
                    fileName, lineNumber, "", "unexpected extra header column '" + names[LoadCsv.COLUMNS.size()] + "'");
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = readRecord();
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public LoadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        LoadRecord r = next;
        next = null;
        return r;
    }

    /** The 1-based number of the last line read. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot close", e);
        }
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ":" + (lineNumber + 1) + ": cannot read", e);
        }
    }

    private LoadRecord readRecord() {
        String line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        String[] cells = line.split(",", -1);
        if (cells.length < LoadCsv.COLUMNS.size()) {
            throw refusal(LoadCsv.COLUMNS.get(cells.length), "missing column");
        }
        if (cells.length > LoadCsv.COLUMNS.size()) {
            throw refusal("", "too many columns: " + cells.length + ", expected " + LoadCsv.COLUMNS.size());
        }
        long arrivalMillis = parseTime(cells[0].strip());
        if (arrivalMillis < previousArrivalMillis) {
            throw refusal(
                    LoadCsv.ARRIVAL,
                    "arrival out of order: " + cells[0].strip() + " is earlier than the row before ("
                            + LoadCsv.formatTime(previousArrivalMillis, zone) + ")");
        }
        String queue = cells[1].strip();
        if (queue.isEmpty()) {
            throw refusal(LoadCsv.QUEUE, "empty queue");
        }
        if (!knownQueues.isEmpty() && !knownQueues.contains(queue)) {
            throw refusal(LoadCsv.QUEUE, "unknown queue '" + queue + "'");
        }
        Channel channel = parseChannel(cells[2].strip());
        long handleMillis = parseSeconds(LoadCsv.HANDLE_SECONDS, cells[3].strip());
        long patienceMillis = parseSeconds(LoadCsv.PATIENCE_SECONDS, cells[4].strip());
        boolean censored = parseBoolean(cells[5].strip());
        if (censored && patienceMillis == LoadRecord.UNKNOWN) {
            throw refusal(LoadCsv.PATIENCE_CENSORED, "censored patience without a patience_seconds value");
        }
        int priority = parsePriority(cells[6].strip());
        previousArrivalMillis = arrivalMillis;
        return new LoadRecord(
                arrivalMillis, queue, channel, handleMillis, patienceMillis, censored, priority, cells[7].strip());
    }

    private long parseTime(String text) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw refusal(
                    LoadCsv.ARRIVAL,
                    "unparsable time '" + text + "': expected an ISO local date-time such as 1999-01-04T07:00:12");
        }
    }

    private Channel parseChannel(String text) {
        return switch (text) {
            case "chat" -> Channel.CHAT;
            case "voice" -> Channel.VOICE;
            case "video" -> Channel.VIDEO;
            default -> throw refusal(LoadCsv.CHANNEL, "unknown channel '" + text + "': expected chat, voice or video");
        };
    }

    private long parseSeconds(String field, String text) {
        if (text.isEmpty()) {
            return LoadRecord.UNKNOWN;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw refusal(field, "not a number of seconds: '" + text + "'");
        }
        if (seconds.signum() < 0) {
            throw refusal(field, "negative duration " + text + " s");
        }
        try {
            return seconds.movePointRight(3)
                    .setScale(0, java.math.RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw refusal(field, "duration too large: " + text + " s");
        }
    }

    private boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw refusal(LoadCsv.PATIENCE_CENSORED, "expected true or false, not '" + text + "'");
        };
    }

    private int parsePriority(String text) {
        int priority;
        try {
            priority = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw refusal(LoadCsv.PRIORITY, "not an integer: '" + text + "'");
        }
        if (priority < 0) {
            throw refusal(LoadCsv.PRIORITY, "negative priority " + priority);
        }
        return priority;
    }

    private LoadFormatException refusal(String field, String problem) {
        return new LoadFormatException(fileName, lineNumber, field, problem);
    }
}
