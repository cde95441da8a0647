package dev.fila.simulation.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Objects;

/**
 * Writes Fila's load CSV (columns in {@link LoadRecord}'s Javadoc), header first, one row per
 * record, {@code \n} line ends. Times are written as local date-times in the writer's zone;
 * durations in seconds, exact to the millisecond. What it writes, {@link LoadCsvReader} reads back
 * to equal records (in a zone without daylight-saving overlaps in the load's span). Queue names
 * and customer ids may not contain commas, quotes or line breaks (the format has no quoting).
 */
public final class LoadCsvWriter implements AutoCloseable {

    private final Writer out;
    private final ZoneId zone;
    private long rows;

    public LoadCsvWriter(Writer writer, ZoneId zone) {
        this.out = Objects.requireNonNull(writer, "writer");
        this.zone = Objects.requireNonNull(zone, "zone");
        write(LoadCsv.HEADER + "\n");
    }

    /** Creates (or replaces) the file and its missing parent folders. */
    public static LoadCsvWriter open(Path file, ZoneId zone) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new LoadCsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), zone);
    }

    /** Writes every record of a source (or list) in the order given. */
    public void writeAll(Iterator<LoadRecord> records) {
        while (records.hasNext()) {
            write(records.next());
        }
    }

    public void write(LoadRecord r) {
        StringBuilder line = new StringBuilder(80)
                .append(LoadCsv.formatTime(r.arrivalMillis(), zone))
                .append(',')
                .append(plain("queue", r.queueId()))
                .append(',')
                .append(LoadCsv.formatChannel(r.channel()))
                .append(',')
                .append(LoadCsv.formatSeconds(r.handleMillis()))
                .append(',')
                .append(LoadCsv.formatSeconds(r.patienceMillis()))
                .append(',')
                .append(r.patienceCensored())
                .append(',')
                .append(r.priority())
                .append(',')
                .append(plain("customer_id", r.customerId()))
                .append('\n');
        write(line.toString());
        rows++;
    }

    /** Rows written so far, not counting the header. */
    public long rows() {
        return rows;
    }

    private static String plain(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(field + " '" + value + "' contains a comma, quote or line break");
            }
        }
        return value;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
