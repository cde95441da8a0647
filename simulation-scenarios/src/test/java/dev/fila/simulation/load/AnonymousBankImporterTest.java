package dev.fila.simulation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.fila.engine.domain.Channel;
import dev.fila.simulation.load.AnonymousBankImporter.QueueMapping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnonymousBankImporterTest {

    static final Path DATA = Path.of("..", "..", "shared", "data", "anonymous-bank");
    static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    private static final String HEADER =
            "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time"
                    + "\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver\r\n";

    static AnonymousBankLog real(String name, QueueMapping mapping) throws IOException {
        Path file = DATA.resolve(name);
        assumeThat(Files.exists(file)).as("the Anonymous Bank data at " + file).isTrue();
        return AnonymousBankImporter.read(file, ZONE, mapping);
    }

    private static AnonymousBankLog small(String rows) {
        return AnonymousBankImporter.read(
                new BufferedReader(new StringReader(HEADER + rows)), "small.txt", ZONE, QueueMapping.BY_TYPE);
    }

    private static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant().toEpochMilli();
    }

    @Test
    void januaryHasTheReadmesRowsAndAboutFourInFiveQueuedCallersServed() throws IOException {
        AnonymousBankLog log = real("1999-01-january.txt", QueueMapping.BY_TYPE);
        AnonymousBankLog.Counts c = log.counts();
        assertThat(c.rowsRead()).isEqualTo(31_599);
        assertThat(c.phantoms() + c.hungUpBeforeQueue() + c.enteredQueue()).isEqualTo(c.rowsRead());
        assertThat(c.served() + c.abandoned()).isEqualTo(c.enteredQueue());
        assertThat(log.calls()).hasSize((int) c.enteredQueue());
        // README (Brown et al. 2005): about 80% of the callers who asked for an agent were served.
        assertThat(c.servedShareOfQueued()).isBetween(0.75, 0.85);
        // Those who found an agent free were served too, so the share of all who asked is higher.
        assertThat(c.servedShare()).isGreaterThan(c.servedShareOfQueued());
        assertThat(log.firstDay()).isEqualTo(LocalDate.of(1999, 1, 1));
        assertThat(log.lastDay()).isEqualTo(LocalDate.of(1999, 1, 31));
    }

    @Test
    void januaryCallsAreSortedVoiceCallsWithHandleTimesForTheServedAndPatienceCensoredForThem() throws IOException {
        AnonymousBankLog log = real("1999-01-january.txt", QueueMapping.BY_TYPE);
        List<LoadRecord> calls = log.calls();
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i).arrivalMillis())
                    .isGreaterThanOrEqualTo(calls.get(i - 1).arrivalMillis());
        }
        long servedRecords = calls.stream().filter(LoadRecord::patienceCensored).count();
        assertThat(servedRecords).isEqualTo(log.counts().served());
        assertThat(calls).allSatisfy(r -> {
            assertThat(r.channel()).isEqualTo(Channel.VOICE);
            assertThat(r.hasPatience()).isTrue();
            assertThat(AnonymousBankImporter.CALL_TYPES).contains(r.queueId());
            assertThat(r.priority()).isBetween(0, 1);
            // The handle time is known for a served call (unless its service times are missing)
            // and unknown for an abandoned one.
            if (!r.patienceCensored()) {
                assertThat(r.hasHandleTime()).isFalse();
            }
        });
        long missing = log.quirk(AnonymousBankQuirk.SERVICE_TIMES_MISSING);
        assertThat(calls.stream()
                        .filter(r -> r.patienceCensored() && !r.hasHandleTime())
                        .count())
                .isEqualTo(missing);
        // Services with a named agent: the served with known times, less those served by NO_SERVER.
        long withTimes = log.counts().served() - missing;
        assertThat((long) log.services().size())
                .isLessThanOrEqualTo(withTimes)
                .isGreaterThanOrEqualTo(withTimes - log.quirk(AnonymousBankQuirk.SERVED_BY_NO_SERVER));
    }

    @Test
    void singleQueueMappingPutsEveryCallInTheBankQueue() throws IOException {
        AnonymousBankLog log = real("1999-01-january.txt", QueueMapping.SINGLE);
        assertThat(log.calls()).extracting(LoadRecord::queueId).containsOnly(AnonymousBankImporter.SINGLE_QUEUE);
        assertThat(log.services()).extracting(AgentService::queueId).containsOnly(AnonymousBankImporter.SINGLE_QUEUE);
    }

    @Test
    void theFourMonthsTogetherShowTheQuirkCountsTheReadmeGives() throws IOException {
        long negativeVru = 0;
        long crossMidnight = 0;
        long noServer = 0;
        for (String name : List.of(
                "1999-01-january.txt",
                "1999-02-february.txt",
                "1999-08-august-from-spreadsheet.csv",
                "1999-10-october.txt")) {
            AnonymousBankLog log = real(name, QueueMapping.BY_TYPE);
            negativeVru += log.quirk(AnonymousBankQuirk.NEGATIVE_VRU_TIME);
            crossMidnight += log.quirk(AnonymousBankQuirk.SERVICE_CROSSES_MIDNIGHT);
            noServer += log.quirk(AnonymousBankQuirk.SERVED_BY_NO_SERVER);
        }
        assertThat(negativeVru).as("rows with a negative vru_time").isEqualTo(81);
        assertThat(crossMidnight).as("services crossing midnight").isEqualTo(93);
        assertThat(noServer).as("served rows with NO_SERVER").isEqualTo(1_889);
    }

    @Test
    void augustSpreadsheetExportIsReadWithItsDatesAs1999AndItsMangledCallIdKept() throws IOException {
        AnonymousBankLog log = real("1999-08-august-from-spreadsheet.csv", QueueMapping.BY_TYPE);
        assertThat(log.counts().rowsRead()).isEqualTo(42_078);
        assertThat(log.quirk(AnonymousBankQuirk.SPREADSHEET_DATE))
                .isEqualTo(log.counts().rowsRead());
        assertThat(log.quirk(AnonymousBankQuirk.MANGLED_CALL_ID)).isEqualTo(1);
        assertThat(log.firstDay()).isEqualTo(LocalDate.of(1999, 8, 1));
        assertThat(log.lastDay()).isEqualTo(LocalDate.of(1999, 8, 31));
        assertThat(log.calls()).hasSize((int) log.counts().enteredQueue());
    }

    @Test
    void octoberRowsWithSpacesInsteadOfATabAreRead() throws IOException {
        AnonymousBankLog log = real("1999-10-october.txt", QueueMapping.BY_TYPE);
        assertThat(log.counts().rowsRead()).isEqualTo(34_625);
        assertThat(log.quirk(AnonymousBankQuirk.SPACES_INSTEAD_OF_TAB)).isEqualTo(2);
        assertThat(log.quirk(AnonymousBankQuirk.UNKNOWN_TYPE)).isZero();
    }

    @Test
    void aQueuedCallArrivesAtQStartAndAServiceCrossingMidnightEndsTheNextDay() {
        AnonymousBankLog log = small(
                "AA0101\t1\t27997683\t2\tPS\t990105\t23:58:00\t23:58:06\t6\t23:58:06\t23:59:10\t64\tAGENT\t23:59:09\t0:03:16\t247\tDORIT\r\n");
        LoadRecord call = log.calls().get(0);
        assertThat(call.arrivalMillis()).isEqualTo(at("1999-01-05T23:58:06"));
        assertThat(call.queueId()).isEqualTo("PS");
        assertThat(call.handleMillis()).isEqualTo(247_000);
        assertThat(call.patienceMillis()).isEqualTo(64_000);
        assertThat(call.patienceCensored()).isTrue();
        assertThat(call.priority())
                .as("R19: a priority-2 customer of the bank is Fila priority 1")
                .isEqualTo(1);
        assertThat(call.customerId()).isEqualTo("27997683");
        assertThat(log.services())
                .containsExactly(new AgentService("DORIT", "PS", at("1999-01-05T23:59:09"), at("1999-01-06T00:03:16")));
        assertThat(log.quirk(AnonymousBankQuirk.SERVICE_CROSSES_MIDNIGHT)).isEqualTo(1);
        assertThat(log.quirk(AnonymousBankQuirk.SERVICE_STARTS_BEFORE_QUEUE_EXIT))
                .isEqualTo(1);
    }

    @Test
    void aServiceStartingAfterMidnightIsOnTheNextDay() {
        AnonymousBankLog log = small(
                "AA0105\t47464\t0\t0\tPS\t991021\t23:59:50\t23:59:50\t0\t0:00:00\t0:00:00\t0\tAGENT\t0:00:00\t0:00:48\t0\tAVI\r\n");
        assertThat(log.services())
                .containsExactly(new AgentService("AVI", "PS", at("1999-10-22T00:00:00"), at("1999-10-22T00:00:48")));
        assertThat(log.calls().get(0).handleMillis()).isEqualTo(48_000);
        assertThat(log.quirk(AnonymousBankQuirk.SERVICE_TIME_DISAGREES_WITH_CLOCK))
                .isEqualTo(1);
    }

    @Test
    void aCallerServedWithoutQueueingArrivesAtVruExitWithAZeroWait() {
        AnonymousBankLog log = small(
                "AA0101\t33119\t0\t0\tNW\t990101\t7:41:16\t7:41:26\t10\t0:00:00\t0:00:00\t0\tAGENT\t7:41:25\t7:44:53\t208\tBASCH\r\n");
        LoadRecord call = log.calls().get(0);
        assertThat(call.arrivalMillis()).isEqualTo(at("1999-01-01T07:41:26"));
        assertThat(call.patienceMillis()).isZero();
        assertThat(call.patienceCensored()).isTrue();
        assertThat(call.customerId()).as("an unidentified caller has no id").isEmpty();
        assertThat(log.counts().servedWithoutWaiting()).isEqualTo(1);
    }

    @Test
    void anAbandonedCallIsAnUncensoredPatienceAndAHangUpBeforeQueueingIsOnlyCounted() {
        AnonymousBankLog log = small(
                "AA0101\t33116\t9664491\t2\tPS\t990101\t0:00:31\t0:00:36\t5\t0:00:36\t0:03:09\t153\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER\r\n"
                        + "AA0101\t33117\t0\t0\tPS\t990101\t0:34:12\t0:34:23\t11\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER\r\n"
                        + "AA0101\t33180\t69100527\t2\tPS\t990103\t10:19:09\t10:19:15\t6\t10:19:15\t10:19:31\t16\tPHANTOM\t10:19:30\t10:20:13\t43\tNO_SERVER\r\n");
        assertThat(log.calls()).hasSize(1);
        LoadRecord call = log.calls().get(0);
        assertThat(call.patienceMillis()).isEqualTo(153_000);
        assertThat(call.patienceCensored()).isFalse();
        assertThat(call.hasHandleTime()).isFalse();
        assertThat(log.counts().hungUpBeforeQueue()).isEqualTo(1);
        assertThat(log.counts().phantoms()).isEqualTo(1);
        assertThat(log.counts().abandoned()).isEqualTo(1);
        assertThat(log.services()).isEmpty();
    }

    @Test
    void aRowThatIsNotACallIsRefusedWithFileLineAndField() {
        assertThatThrownBy(
                        () -> small(
                                "AA0101\t33116\t9664491\t2\tPS\t990101\t0:00:31\t0:00:36\t5\t0:00:36\t0:03:09\t153\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER\r\n"
                                        + "AA0101\t33117\t0\t0\tPS\t990101\t0:34:12\t0:3x:23\t11\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER\r\n"))
                .isInstanceOf(LoadFormatException.class)
                .hasMessage("small.txt:3: field 'vru_exit': unparsable time '0:3x:23': expected h:mm:ss");
        assertThatThrownBy(() -> small("AA0101\t33116\t9664491\r\n"))
                .hasMessage("small.txt:2: 3 tab-separated fields, expected 17");
        assertThatThrownBy(
                        () -> small(
                                "AA0101\t1\t0\t0\tPS\t990101\t0:00:31\t0:00:36\t5\t0:00:36\t0:03:09\t153\tLOST\t0:00:00\t0:00:00\t0\tNO_SERVER\r\n"))
                .hasMessage("small.txt:2: field 'outcome': unknown outcome 'LOST': expected AGENT, HANG or PHANTOM");
    }
}
