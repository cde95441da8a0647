package dev.fila.simulation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fila.simulation.load.AnonymousBankImporter.QueueMapping;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedStaffingTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    private static final long MINUTE = 60_000;
    private static final long HALF_HOUR = 30 * MINUTE;

    private static long at(String localDateTime) {
        return LocalDateTime.parse("1999-01-04T" + localDateTime)
                .atZone(ZONE)
                .toInstant()
                .toEpochMilli();
    }

    private static List<StaffingInterval> derive(List<AgentService> services, List<String> queues, long gapMillis) {
        return RecordedStaffing.derive(services, queues, at("10:00"), at("12:00"), HALF_HOUR, gapMillis);
    }

    @Test
    void servicesWithShortGapsFormOneShiftCountedForTheFractionOfEachIntervalItCovers() {
        // 10:00-10:10 and 10:20-10:40: a 10-minute gap, under a 30-minute threshold: one shift from 10:00
        // to 10:40.
        List<StaffingInterval> rows = derive(
                List.of(
                        new AgentService("ana", "PS", at("10:00"), at("10:10")),
                        new AgentService("ana", "PS", at("10:20"), at("10:40"))),
                List.of("PS"),
                30 * MINUTE);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).agents()).isCloseTo(1.0, within(1e-12));
        assertThat(rows.get(0).agentsBusy()).isCloseTo(20.0 / 30, within(1e-12));
        assertThat(rows.get(0).agentsDistinct()).isEqualTo(1);
        assertThat(rows.get(1).agents()).isCloseTo(10.0 / 30, within(1e-12));
        assertThat(rows.get(1).agentsBusy()).isCloseTo(10.0 / 30, within(1e-12));
        assertThat(rows.get(2).agents()).isZero();
        assertThat(rows.get(2).agentsDistinct()).isZero();
    }

    @Test
    void aGapAsLongAsTheThresholdEndsTheShift() {
        // 10:00-10:05 then 10:35-10:40: a 30-minute gap splits them, so 10:05-10:30 is off duty.
        List<StaffingInterval> rows = derive(
                List.of(
                        new AgentService("ana", "PS", at("10:00"), at("10:05")),
                        new AgentService("ana", "PS", at("10:35"), at("10:40"))),
                List.of("PS"),
                30 * MINUTE);
        assertThat(rows.get(0).agents()).isCloseTo(5.0 / 30, within(1e-12));
        assertThat(rows.get(1).agents()).isCloseTo(5.0 / 30, within(1e-12));
        List<StaffingInterval> longerGap = derive(
                List.of(
                        new AgentService("ana", "PS", at("10:00"), at("10:05")),
                        new AgentService("ana", "PS", at("10:35"), at("10:40"))),
                List.of("PS"),
                31 * MINUTE);
        assertThat(longerGap.get(0).agents()).isCloseTo(1.0, within(1e-12));
        assertThat(longerGap.get(1).agents()).isCloseTo(10.0 / 30, within(1e-12));
    }

    @Test
    void anAgentServingTwoQueuesIsSplitBetweenThemByTheTimeSpentOnEach() {
        List<StaffingInterval> rows = derive(
                List.of(
                        new AgentService("ana", "PS", at("10:00"), at("10:10")),
                        new AgentService("ana", "NE", at("10:10"), at("10:30"))),
                List.of("PS", "NE"),
                RecordedStaffing.DEFAULT_GAP_MILLIS);
        StaffingInterval ps = rows.get(0);
        StaffingInterval ne = rows.get(1);
        assertThat(ps.queueId()).isEqualTo("PS");
        assertThat(ps.agents() + ne.agents()).as("one agent, counted once").isCloseTo(1.0, within(1e-12));
        assertThat(ne.agents()).isCloseTo(2 * ps.agents(), within(1e-12));
        assertThat(ps.agentsDistinct()).isEqualTo(1);
        assertThat(ne.agentsDistinct()).isEqualTo(1);
    }

    @Test
    void overlappingServicesOfOneAgentMakeThemBusyOnceNotTwice() {
        List<StaffingInterval> rows = derive(
                List.of(
                        new AgentService("ana", "PS", at("10:00"), at("10:20")),
                        new AgentService("ana", "PS", at("10:10"), at("10:30"))),
                List.of("PS"),
                RecordedStaffing.DEFAULT_GAP_MILLIS);
        assertThat(rows.get(0).agentsBusy()).isCloseTo(1.0, within(1e-12));
        assertThat(rows.get(0).agents()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void inEveryIntervalOfJanuaryTheAgentsBusyAreAtMostTheShiftEstimateWhichIsAtMostTheDistinctNames()
            throws IOException {
        for (QueueMapping mapping : QueueMapping.values()) {
            AnonymousBankLog log = AnonymousBankImporterTest.real("1999-01-january.txt", mapping);
            List<StaffingInterval> rows = RecordedStaffing.derive(
                    log, ZONE, RecordedStaffing.DEFAULT_INTERVAL_MILLIS, RecordedStaffing.DEFAULT_GAP_MILLIS);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.agentsBusy()).isLessThanOrEqualTo(r.agents() + 1e-9);
                assertThat(r.agents()).isLessThanOrEqualTo(r.agentsDistinct() + 1e-9);
            });
            double busyHours =
                    rows.stream().mapToDouble(StaffingInterval::agentsBusy).sum() / 2;
            double servedHours = log.services().stream()
                            .mapToLong(s -> s.endMillis() - s.startMillis())
                            .sum()
                    / 3.6e6;
            // Busy time is the named agents' service time (less the little where one agent's calls overlap).
            assertThat(busyHours).isLessThanOrEqualTo(servedHours + 1e-6).isGreaterThan(0.95 * servedHours);
            // The shift estimate is strictly between the bounds over the month, not stuck to either.
            double shifts = rows.stream().mapToDouble(StaffingInterval::agents).sum();
            double distinct =
                    rows.stream().mapToDouble(StaffingInterval::agentsDistinct).sum();
            assertThat(shifts).isGreaterThan(busyHours * 2).isLessThan(distinct);
        }
    }

    @Test
    void writesTheStaffingCsvColumns() {
        StringWriter out = new StringWriter();
        RecordedStaffing.writeCsv(
                List.of(new StaffingInterval(at("10:00"), at("10:30"), "PS", 2.5, 3, 1.25)), out, ZONE);
        assertThat(out.toString())
                .isEqualTo("start,end,queue,agents,agents_distinct,agents_busy\n"
                        + "1999-01-04T10:00:00,1999-01-04T10:30:00,PS,2.5000,3,1.2500\n");
    }
}
