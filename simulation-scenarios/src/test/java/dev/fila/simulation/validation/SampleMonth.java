package dev.fila.simulation.validation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fila.simulation.load.AnonymousBankImporter;
import dev.fila.simulation.load.AnonymousBankLog;
import dev.fila.simulation.load.LoadCsvWriter;
import dev.fila.simulation.load.RecordedStaffing;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * A month of the Anonymous Bank logs (Technion SEE Laboratory, Guedj & Mandelbaum, 2000) imported as the
 * README says — one queue, the load CSV and the recorded staffing with the defaults — and its sample
 * scenario read over the import. The test is skipped when {@code ../../shared/data} is absent.
 */
final class SampleMonth {

    static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

    private static final Path DATA = Path.of("..", "..", "shared", "data", "anonymous-bank");

    private SampleMonth() {}

    /**
     * Imports {@code logFile} into {@code dir} ({@code load.csv}, {@code staffing.csv}) and reads the sample
     * scenario {@code scenarioFile}, whose paths point into {@code ../../out/<folder>/}, over them.
     */
    static Scenario importAndRead(String logFile, String scenarioFile, String folder, Path dir, int replications)
            throws IOException {
        Path log = DATA.resolve(logFile);
        assumeTrue(Files.isRegularFile(log), "the shared Anonymous Bank data are not here: " + log.toAbsolutePath());
        AnonymousBankLog month = AnonymousBankImporter.read(log, ZONE, AnonymousBankImporter.QueueMapping.SINGLE);
        try (LoadCsvWriter writer = LoadCsvWriter.open(dir.resolve("load.csv"), ZONE)) {
            writer.writeAll(month.calls().iterator());
        }
        RecordedStaffing.writeCsv(
                RecordedStaffing.derive(
                        month, ZONE, RecordedStaffing.DEFAULT_INTERVAL_MILLIS, RecordedStaffing.DEFAULT_GAP_MILLIS),
                dir.resolve("staffing.csv"),
                ZONE);
        String sample = Files.readString(Path.of("scenarios", scenarioFile));
        return ScenarioReader.read(scenarioFile, sample.replace("../../out/" + folder + "/", ""), dir)
                .withReplications(replications);
    }
}
