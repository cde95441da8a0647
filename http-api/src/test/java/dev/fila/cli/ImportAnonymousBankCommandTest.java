package dev.fila.cli;

import static dev.fila.cli.CliRun.fila;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.fila.simulation.load.LoadCsvReader;
import dev.fila.simulation.load.LoadRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportAnonymousBankCommandTest {

    private static final Path JANUARY = Path.of("..", "..", "shared", "data", "anonymous-bank", "1999-01-january.txt");

    @Test
    void importsJanuaryIntoALoadTheReaderAcceptsAndAStaffingFile(@TempDir Path dir) throws Exception {
        assumeThat(Files.exists(JANUARY))
                .as("the Anonymous Bank data at " + JANUARY)
                .isTrue();
        Path load = dir.resolve("jan.csv");
        Path staff = dir.resolve("jan-staff.csv");
        CliRun run = fila(
                "import",
                "anonymous-bank",
                JANUARY.toString(),
                "--out",
                load.toString(),
                "--staffing",
                staff.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("rows read                31599")
                .contains("hung up before queueing")
                .contains("phantoms (ignored)       240")
                .contains("negative vru_time")
                .contains("served by NO_SERVER")
                .contains("Kaplan-Meier");
        List<LoadRecord> calls = new ArrayList<>();
        try (LoadCsvReader reader = LoadCsvReader.open(load, ZoneId.of("Asia/Jerusalem"))) {
            reader.forEachRemaining(calls::add);
        }
        String entered = run.out().replaceAll("(?s).*entered the queue +(\\d+).*", "$1");
        assertThat(calls).hasSize(Integer.parseInt(entered));
        List<String> staffing = Files.readAllLines(staff);
        assertThat(staffing.get(0)).isEqualTo("start,end,queue,agents,agents_distinct,agents_busy");
        // 31 days x 48 half hours x 6 call types
        assertThat(staffing).hasSize(1 + 31 * 48 * 6);
        assertThat(staffing.get(1)).startsWith("1999-01-01T00:00:00,1999-01-01T00:30:00,IN,");
    }

    @Test
    void singleQueueAndHourlyIntervalsAreOptions(@TempDir Path dir) throws Exception {
        assumeThat(Files.exists(JANUARY)).isTrue();
        Path staff = dir.resolve("staff.csv");
        CliRun run = fila(
                "import",
                "anonymous-bank",
                JANUARY.toString(),
                "--out",
                dir.resolve("load.csv").toString(),
                "--staffing",
                staff.toString(),
                "--queues",
                "single",
                "--interval",
                "1h",
                "--gap",
                "15m");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> staffing = Files.readAllLines(staff);
        assertThat(staffing).hasSize(1 + 31 * 24);
        assertThat(staffing.get(1)).startsWith("1999-01-01T00:00:00,1999-01-01T01:00:00,bank,");
    }

    @Test
    void aBadRowIsRefusedWithFileLineAndFieldAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(
                bad,
                "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit"
                        + "\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\r\n"
                        + "AA0101\t1\t0\t0\tPS\t990101\t7:41:16\t7:41:26\t10\t0:00:00\t0:00:00\t0\tAGENT\t7:41:25"
                        + "\t7:44:53\t208\tBASCH\r\n"
                        + "AA0101\t2\t0\t0\tPS\t991301\t7:41:16\t7:41:26\t10\t0:00:00\t0:00:00\t0\tAGENT\t7:41:25"
                        + "\t7:44:53\t208\tBASCH\r\n");
        Path load = dir.resolve("load.csv");
        CliRun run = fila("import", "anonymous-bank", bad.toString(), "--out", load.toString());
        assertThat(run.exitCode()).isEqualTo(ImportAnonymousBankCommand.BAD_INPUT);
        assertThat(run.err()).startsWith(bad + ":3: field 'date': unparsable date '991301'");
        assertThat(load).doesNotExist();
    }

    @Test
    void aMissingFileOrBadOptionIsRefused(@TempDir Path dir) {
        CliRun missing =
                fila("import", "anonymous-bank", dir.resolve("nope.txt").toString(), "--out", "x.csv");
        assertThat(missing.exitCode()).isEqualTo(ImportAnonymousBankCommand.BAD_INPUT);
        assertThat(missing.err()).contains("nope.txt: no such file");
        CliRun badQueues = fila("import", "anonymous-bank", "f.txt", "--out", "x.csv", "--queues", "per-agent");
        assertThat(badQueues.exitCode()).isNotZero();
        assertThat(badQueues.err()).contains("expected by-type or single");
    }
}
