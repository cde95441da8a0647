package dev.fila.simulation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fila.engine.domain.Channel;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCsvTest {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final String HEADER =
            "arrival,queue,channel,handle_seconds,patience_seconds,patience_censored,priority,customer_id\n";

    private static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant().toEpochMilli();
    }

    private static List<LoadRecord> readAll(String text, Set<String> queues) {
        List<LoadRecord> out = new ArrayList<>();
        try (LoadCsvReader reader = new LoadCsvReader(new StringReader(text), "load.csv", ZONE, queues)) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    private static LoadFormatException refusal(String rows) {
        try {
            readAll(HEADER + rows, Set.of("support", "sales"));
        } catch (LoadFormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + rows);
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBackEqual(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<LoadRecord> written = new ArrayList<>();
        long t = at("2026-11-23T08:00:00");
        Channel[] channels = {Channel.CHAT, Channel.VOICE, Channel.VIDEO};
        for (int i = 0; i < 500; i++) {
            t += random.nextLong(0, 120_000); // ties happen: equal arrivals are in order
            boolean abandoned = random.nextInt(5) == 0;
            written.add(new LoadRecord(
                    t,
                    random.nextBoolean() ? "support" : "sales",
                    channels[random.nextInt(3)],
                    abandoned ? LoadRecord.UNKNOWN : random.nextLong(0, 3_600_000),
                    random.nextInt(10) == 0 ? LoadRecord.UNKNOWN : random.nextLong(0, 900_000),
                    false,
                    random.nextInt(3),
                    random.nextBoolean() ? "" : "c" + random.nextInt(1000)));
        }
        written.replaceAll(r -> r.hasPatience() && r.hasHandleTime()
                ? new LoadRecord(
                        r.arrivalMillis(),
                        r.queueId(),
                        r.channel(),
                        r.handleMillis(),
                        r.patienceMillis(),
                        true,
                        r.priority(),
                        r.customerId())
                : r);
        Path file = dir.resolve("sub").resolve("load.csv");
        try (LoadCsvWriter writer = LoadCsvWriter.open(file, ZONE)) {
            writer.writeAll(written.iterator());
            assertThat(writer.rows()).isEqualTo(written.size());
        }
        List<LoadRecord> read = new ArrayList<>();
        try (LoadCsvReader reader = LoadCsvReader.open(file, ZONE, Set.of("support", "sales"))) {
            reader.forEachRemaining(read::add);
        }
        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void writesTheDocumentedColumnsWithWholeSecondsPlainAndMillisecondsExact() {
        StringWriter text = new StringWriter();
        try (LoadCsvWriter writer = new LoadCsvWriter(text, ZONE)) {
            writer.write(
                    new LoadRecord(at("1999-01-04T07:00:12"), "PS", Channel.VOICE, 180_000, 35_500, true, 1, "42"));
            writer.write(new LoadRecord(
                    at("1999-01-04T07:00:13.250"),
                    "PS",
                    Channel.CHAT,
                    LoadRecord.UNKNOWN,
                    LoadRecord.UNKNOWN,
                    false,
                    0,
                    ""));
        }
        assertThat(text.toString())
                .isEqualTo(HEADER
                        + "1999-01-04T07:00:12,PS,voice,180,35.5,true,1,42\n"
                        + "1999-01-04T07:00:13.25,PS,chat,,,false,0,\n");
    }

    @Test
    void acceptsCrlfLineEndsAndBlankLines() {
        List<LoadRecord> read = readAll(
                HEADER.replace("\n", "\r\n") + "2026-11-23T08:00:00,support,chat,60,,,0,a\r\n\r\n"
                        + "2026-11-23T08:00:05,sales,voice,30,10,true,2,b\r\n",
                Set.of());
        assertThat(read).hasSize(2);
        assertThat(read.get(1).patienceCensored()).isTrue();
        assertThat(read.get(1).arrivalMillis() - read.get(0).arrivalMillis()).isEqualTo(5_000);
    }

    @Test
    void readsOneRowAtATimeSoAHugeFileNeverSitsInMemory() {
        // A reader over an endless stream of rows hands out the first ones without reading it all.
        java.io.Reader endless = new java.io.Reader() {
            private final String row = "2026-11-23T08:00:00,support,chat,60,,,0,a\n";
            private int at = -HEADER.length();

            @Override
            public int read(char[] buf, int off, int len) {
                for (int i = 0; i < len; i++, at++) {
                    buf[off + i] = at < 0 ? HEADER.charAt(HEADER.length() + at) : row.charAt(at % row.length());
                }
                return len;
            }

            @Override
            public void close() {}
        };
        try (LoadCsvReader reader = new LoadCsvReader(endless, "endless.csv", ZONE, Set.of())) {
            for (int i = 0; i < 100_000; i++) {
                assertThat(reader.next().queueId()).isEqualTo("support");
            }
            assertThat(reader.lineNumber()).isEqualTo(100_001);
        }
    }

    @Test
    void refusesAFileWithoutTheHeader() {
        assertThatThrownBy(() -> readAll("2026-11-23T08:00:00,support,chat,60,,,0,a\n", Set.of()))
                .isInstanceOf(LoadFormatException.class)
                .hasMessage(
                        "load.csv:1: field 'arrival': header column 1 is '2026-11-23T08:00:00', expected 'arrival'");
        assertThatThrownBy(() -> readAll("arrival,queue,channel\n", Set.of()))
                .hasMessage("load.csv:1: field 'handle_seconds': missing column in the header");
    }

    @Test
    void refusesAnUnparsableTimeNamingFileLineAndField() {
        LoadFormatException e =
                refusal("2026-11-23T08:00:00,support,chat,60,,,0,a\n23/11/2026 08:01,support,chat,60,,,0,a\n");
        assertThat(e.file()).isEqualTo("load.csv");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("arrival");
        assertThat(e.getMessage()).startsWith("load.csv:3: field 'arrival': unparsable time '23/11/2026 08:01'");
    }

    @Test
    void refusesAnUnknownChannel() {
        LoadFormatException e = refusal("2026-11-23T08:00:00,support,offline,60,,,0,a\n");
        assertThat(e.getMessage())
                .isEqualTo("load.csv:2: field 'channel': unknown channel 'offline': expected chat, voice or video");
    }

    @Test
    void refusesAnUnknownQueueWhenTheQueuesAreGiven() {
        LoadFormatException e = refusal("2026-11-23T08:00:00,billing,chat,60,,,0,a\n");
        assertThat(e.getMessage()).isEqualTo("load.csv:2: field 'queue': unknown queue 'billing'");
    }

    @Test
    void refusesANegativeHandleTimeOrPatience() {
        assertThat(refusal("2026-11-23T08:00:00,support,chat,-1,,,0,a\n").getMessage())
                .isEqualTo("load.csv:2: field 'handle_seconds': negative duration -1 s");
        assertThat(refusal("2026-11-23T08:00:00,support,chat,1,-0.5,,0,a\n").field())
                .isEqualTo("patience_seconds");
        assertThat(refusal("2026-11-23T08:00:00,support,chat,abc,,,0,a\n").getMessage())
                .isEqualTo("load.csv:2: field 'handle_seconds': not a number of seconds: 'abc'");
    }

    @Test
    void refusesAnArrivalOutOfOrder() {
        LoadFormatException e =
                refusal("2026-11-23T08:00:10,support,chat,60,,,0,a\n2026-11-23T08:00:09,sales,chat,60,,,0,b\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("arrival");
        assertThat(e.problem()).startsWith("arrival out of order");
    }

    @Test
    void refusesAMissingColumnNamingTheFirstOneMissing() {
        LoadFormatException e = refusal("2026-11-23T08:00:00,support,chat,60,,\n");
        assertThat(e.getMessage()).isEqualTo("load.csv:2: field 'priority': missing column");
        assertThat(refusal("2026-11-23T08:00:00,support,chat,60,,,0,a,extra\n").getMessage())
                .isEqualTo("load.csv:2: too many columns: 9, expected 8");
    }

    @Test
    void refusesABadPriorityOrCensoringFlag() {
        assertThat(refusal("2026-11-23T08:00:00,support,chat,60,,,-1,a\n").getMessage())
                .isEqualTo("load.csv:2: field 'priority': negative priority -1");
        assertThat(refusal("2026-11-23T08:00:00,support,chat,60,,yes,0,a\n").field())
                .isEqualTo("patience_censored");
        assertThat(refusal("2026-11-23T08:00:00,support,chat,60,,true,0,a\n").problem())
                .isEqualTo("censored patience without a patience_seconds value");
    }

    @Test
    void aRefusedFileCanBeClosedAndItsFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, HEADER + "2026-11-23T08:00:00,support,fax,60,,,0,a\n");
        try (LoadCsvReader reader = LoadCsvReader.open(file, ZONE)) {
            assertThatThrownBy(reader::hasNext)
                    .isInstanceOf(LoadFormatException.class)
                    .hasMessageStartingWith(file + ":2: field 'channel'");
        }
    }
}
