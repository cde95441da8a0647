package dev.fila.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fila.engine.domain.Channel;
import dev.fila.simulation.fit.EmpiricalDistribution;
import dev.fila.simulation.fit.ExponentialFit;
import dev.fila.simulation.fit.KaplanMeier;
import dev.fila.simulation.fit.LogNormalFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace keys: load.trace, fitted handle times, Kaplan–Meier patience, a recorded staffing file. */
class ScenarioReaderTraceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    private static final String LOAD_HEADER =
            "arrival,queue,channel,handle_seconds,patience_seconds,patience_censored,priority,customer_id\n";
    private static final String STAFF_HEADER = "start,end,queue,agents,agents_distinct,agents_busy\n";

    /** Five calls between 08:00 and 09:10: three served (handle 100, 200, 0 s), two abandoned. */
    private static final String TRACE = LOAD_HEADER
            + "1999-01-03T08:00:00,bank,voice,100,0,true,0,7\n"
            + "1999-01-03T08:10:00,bank,voice,200,30,true,1,\n"
            + "1999-01-03T08:20:00,bank,voice,,45,false,0,8\n"
            + "1999-01-03T09:05:00,bank,voice,0,10,true,0,9\n"
            + "1999-01-03T09:10:00,bank,voice,,90,false,0,\n";

    /** 08:00–10:00 in 30-minute intervals: 1.6, 0.3, 2.5 and 0 agents (distinct 2, 1, 3, 0; busy 1.0, 0.2, 2.4, 0). */
    private static final String STAFF = STAFF_HEADER
            + "1999-01-03T07:30:00,1999-01-03T08:00:00,bank,0.0000,0,0.0000\n"
            + "1999-01-03T08:00:00,1999-01-03T08:30:00,bank,1.6000,2,1.0000\n"
            + "1999-01-03T08:30:00,1999-01-03T09:00:00,bank,0.3000,1,0.2000\n"
            + "1999-01-03T09:00:00,1999-01-03T09:30:00,bank,2.5000,3,2.4000\n"
            + "1999-01-03T09:30:00,1999-01-03T10:00:00,bank,0.0000,0,0.0000\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A Sunday 08:00–10:00 scenario whose load is {@code load:} lines and whose staffing is {@code staffing}. */
    private static String scenario(String staffing, String load) {
        return """
                name: trace
                seed: 3
                start: 1999-01-03T08:00
                horizon: 2h
                timeZone: Asia/Jerusalem
                intervals: 30m
                queues:
                  - id: bank
                    channels: [voice]
                    hours: {sun: "07:00-24:00"}
                """ + staffing + "load:\n" + load;
    }

    private static final String AGENTS = "agents: [{id: ana, queues: {bank: 1}, maxChats: 1}]\n";
    private static final String TRACE_LOAD = "  trace: load.csv\n  handleTime: {exponential: 3m}\n";

    private Scenario read(String text) {
        return ScenarioReader.read(dir.resolve("s.yaml").toString(), text, dir);
    }

    private ScenarioException refusal(String text) {
        try {
            read(text);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    private static long at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant().toEpochMilli();
    }

    @Test
    void aTraceGivesTheArrivalRatesPerIntervalAndTheMixesAndIsRelativeToTheScenarioFile() throws IOException {
        Path trace = write("load.csv", TRACE);
        Scenario s = read(scenario(AGENTS, TRACE_LOAD));
        Scenario.Load load = s.load();
        assertThat(load.replaysTrace()).isTrue();
        assertThat(load.trace().file()).isEqualTo(trace.normalize());
        assertThat(load.trace().records()).isEqualTo(5);
        // 3 arrivals in 08:00–08:30, none in 08:30–09:00, 2 in 09:00–09:30, none after: per hour, ×2
        assertThat(load.arrivalsPerHourByInterval()).containsExactly(6.0, 0.0, 4.0, 0.0);
        assertThat(load.arrivalsPerHour()).isEqualTo(2.5);
        assertThat(load.queueMix()).containsEntry("bank", 1.0);
        assertThat(load.channelMix()).containsEntry(Channel.VOICE, 1.0);
    }

    @Test
    void aTraceRowOutsideTheScenarioQueuesIsRefusedWithTheCsvFileLineAndColumn() throws IOException {
        Path trace = write("load.csv", TRACE + "1999-01-03T09:20:00,cards,voice,60,5,true,0,\n");
        ScenarioException e = refusal(scenario(AGENTS, TRACE_LOAD));
        assertThat(e.file()).isEqualTo(trace.normalize().toString());
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("queue");
        assertThat(e.problem()).contains("unknown queue 'cards'");
    }

    @Test
    void aTraceRowOnAChannelItsQueueDoesNotTakeIsRefusedWithItsLine() throws IOException {
        write("load.csv", TRACE.replace("09:05:00,bank,voice", "09:05:00,bank,chat"));
        ScenarioException e = refusal(scenario(AGENTS, TRACE_LOAD));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("channel");
        assertThat(e.problem()).contains("does not take chat");
    }

    @Test
    void aBadTraceRowIsRefusedBeforeAnythingRuns() throws IOException {
        write("load.csv", TRACE + "1999-01-03T09:00:00,bank,voice,60,5,true,0,\n");
        ScenarioException e = refusal(scenario(AGENTS, TRACE_LOAD));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("arrival");
        assertThat(e.problem()).contains("out of order");

        write("load.csv", TRACE.replace("08:10:00,bank,voice,200", "08:10:00,bank,voice,-200"));
        assertThat(refusal(scenario(AGENTS, TRACE_LOAD)).field()).isEqualTo("handle_seconds");
    }

    @Test
    void aMissingTraceAndTheKeysThatGenerateArrivalsAreRefusedWithTheScenarioLine() throws IOException {
        ScenarioException missing = refusal(scenario(AGENTS, TRACE_LOAD));
        assertThat(missing.field()).isEqualTo("load.trace");
        assertThat(missing.line()).isEqualTo(13);
        assertThat(missing.problem()).contains("no such file");

        write("load.csv", TRACE);
        ScenarioException rate = refusal(scenario(AGENTS, TRACE_LOAD + "  arrivalsPerHour: 10\n"));
        assertThat(rate.field()).isEqualTo("load.arrivalsPerHour");
        assertThat(rate.problem()).contains("does not apply to a trace");
        assertThat(refusal(scenario(AGENTS, TRACE_LOAD + "  queueMix: {bank: 1}\n"))
                        .field())
                .isEqualTo("load.queueMix");
    }

    @Test
    void aTraceWithNoArrivalWithinTheHorizonIsRefused() throws IOException {
        write("load.csv", LOAD_HEADER + "1999-01-04T08:00:00,bank,voice,100,0,true,0,7\n");
        assertThat(refusal(scenario(AGENTS, TRACE_LOAD)).problem()).contains("no arrival within the horizon");
    }

    @Test
    void handleTimesFittedFromATraceUseItsServedCallsAndSampleByInversion() throws IOException {
        write("load.csv", TRACE);
        String base = "  trace: load.csv\n  handleTime: {fit: %s, from: load.csv}\n";

        Distribution ln =
                read(scenario(AGENTS, base.formatted("lognormal"))).load().handleTime();
        LogNormalFit lnFit = LogNormalFit.fit(new double[] {100, 200}); // zero is left out of a log-normal
        assertThat(ln)
                .isEqualTo(
                        new Distribution.Fitted(lnFit, dir.resolve("load.csv").toString()));
        assertThat(ln.meanMillis()).isCloseTo(lnFit.mean() * 1000, within(1e-6));
        double u = new SplittableRandom(5).nextDouble();
        assertThat(ln.sampleMillis(new SplittableRandom(5))).isEqualTo(Math.round(lnFit.quantile(u) * 1000));

        Distribution exp =
                read(scenario(AGENTS, base.formatted("exponential"))).load().handleTime();
        assertThat(exp.meanMillis())
                .isCloseTo(ExponentialFit.fit(new double[] {100, 200, 0}).mean() * 1000, within(1e-6));

        Distribution emp =
                read(scenario(AGENTS, base.formatted("empirical"))).load().handleTime();
        EmpiricalDistribution e = EmpiricalDistribution.of(new double[] {100, 200, 0});
        assertThat(emp.meanMillis()).isCloseTo(e.mean() * 1000, within(1e-6));
        for (int seed = 0; seed < 20; seed++) {
            assertThat(emp.sampleMillis(new SplittableRandom(seed))).isIn(0L, 100_000L, 200_000L);
        }
    }

    @Test
    void patienceByKaplanMeierCountsAbandonedCallsAsEventsAndServedOnesAsCensored() throws IOException {
        write("load.csv", TRACE);
        Scenario s = read(scenario(AGENTS, TRACE_LOAD + "  patience: {kaplanMeier: load.csv}\n"));
        Distribution p = s.load().patience();
        KaplanMeier km =
                KaplanMeier.fit(new double[] {0, 30, 45, 10, 90}, new boolean[] {false, false, true, false, true});
        assertThat(p).isInstanceOf(Distribution.Fitted.class);
        assertThat(((Distribution.Fitted) p).fit()).isInstanceOf(KaplanMeier.class);
        KaplanMeier fitted = (KaplanMeier) ((Distribution.Fitted) p).fit();
        assertThat(fitted.eventTimes()).containsExactly(km.eventTimes());
        assertThat(fitted.survivalAtEventTimes()).containsExactly(km.survivalAtEventTimes());
        // at risk at 45 s: 45 and 90 (0, 10 and 30 were censored before) → S(45) = 1/2; at 90: S = 0
        assertThat(fitted.survival(45)).isEqualTo(0.5);
        assertThat(p.sampleMillis(new SplittableRandom(1))).isIn(45_000L, 90_000L);
    }

    @Test
    void fittedDistributionsRefuseAnUnknownKindAMissingFileAndATraceWithNothingToFit() throws IOException {
        write("load.csv", TRACE);
        ScenarioException kind =
                refusal(scenario(AGENTS, "  trace: load.csv\n  handleTime: {fit: gamma, from: load.csv}\n"));
        assertThat(kind.field()).isEqualTo("load.handleTime.fit");
        ScenarioException from = refusal(scenario(AGENTS, "  trace: load.csv\n  handleTime: {fit: lognormal}\n"));
        assertThat(from.field()).isEqualTo("load.handleTime");
        ScenarioException file = refusal(scenario(AGENTS, TRACE_LOAD + "  patience: {kaplanMeier: nowhere.csv}\n"));
        assertThat(file.field()).isEqualTo("load.patience.kaplanMeier");
        assertThat(file.problem()).contains("no such file");

        write("served.csv", LOAD_HEADER + "1999-01-03T08:00:00,bank,voice,100,0,true,0,7\n");
        ScenarioException noEvent = refusal(scenario(AGENTS, TRACE_LOAD + "  patience: {kaplanMeier: served.csv}\n"));
        assertThat(noEvent.file()).endsWith("served.csv");
        assertThat(noEvent.problem()).contains("no abandonment");
    }

    @Test
    void R4_aRecordedStaffingFileRoundsToTheNearestAgentKeepingOneWhereTheRecordShowsAny() throws IOException {
        write("load.csv", TRACE);
        write("staff.csv", STAFF);
        Scenario s = read(scenario("staffing: {file: staff.csv, column: agents, maxChats: 1}\n", TRACE_LOAD));
        // 1.6 → 2, 0.3 → 1 (staffed at all), 2.5 → 3, 0 → 0
        assertThat(s.agents()).extracting(Scenario.AgentSpec::id).containsExactly("bank-1", "bank-2", "bank-3");
        assertThat(s.agents().get(0).online())
                .containsExactly(new Scenario.OnlineWindow(at("1999-01-03T08:00"), at("1999-01-03T09:30")));
        assertThat(s.agents().get(1).online())
                .containsExactly(
                        new Scenario.OnlineWindow(at("1999-01-03T08:00"), at("1999-01-03T08:30")),
                        new Scenario.OnlineWindow(at("1999-01-03T09:00"), at("1999-01-03T09:30")));
        assertThat(s.agents().get(2).online())
                .containsExactly(new Scenario.OnlineWindow(at("1999-01-03T09:00"), at("1999-01-03T09:30")));
        assertThat(s.agents()).allSatisfy(a -> assertThat(a.maxChats()).isEqualTo(1));
        assertThat(StaffingFile.wholeAgents(0.3)).isEqualTo(1);
        assertThat(StaffingFile.wholeAgents(2.4)).isEqualTo(2);
        assertThat(StaffingFile.wholeAgents(0)).isZero();
    }

    @Test
    void theStaffingColumnCanBeTheDistinctAgentsOrTheAgentsBusy() throws IOException {
        write("load.csv", TRACE);
        write("staff.csv", STAFF);
        Scenario distinct = read(scenario("staffing: {file: staff.csv, column: agents_distinct}\n", TRACE_LOAD));
        assertThat(distinct.agents()).hasSize(3); // 2, 1, 3, 0
        assertThat(distinct.agents().get(0).maxChats()).isEqualTo(4);
        Scenario busy = read(scenario("staffing: {file: staff.csv, column: agents_busy}\n", TRACE_LOAD));
        assertThat(busy.agents()).hasSize(2); // 1, 1, 2, 0
        ScenarioException bad = refusal(scenario("staffing: {file: staff.csv, column: agents_online}\n", TRACE_LOAD));
        assertThat(bad.field()).isEqualTo("staffing.column");
    }

    @Test
    void aStaffingFileThatDoesNotFitTheScenarioIsRefusedWithItsFileAndLine() throws IOException {
        write("load.csv", TRACE);
        String plan = "staffing: {file: staff.csv}\n";

        write("staff.csv", STAFF.replace("09:30:00,bank,2.5", "09:30:00,cards,2.5"));
        ScenarioException queue = refusal(scenario(plan, TRACE_LOAD));
        assertThat(queue.file()).endsWith("staff.csv");
        assertThat(queue.line()).isEqualTo(5);
        assertThat(queue.field()).isEqualTo("queue");

        write("staff.csv", STAFF.replace("1.6000", "lots"));
        ScenarioException number = refusal(scenario(plan, TRACE_LOAD));
        assertThat(number.line()).isEqualTo(3);
        assertThat(number.field()).isEqualTo("agents");

        write("staff.csv", STAFF_HEADER + "1999-01-03T08:00:00,1999-01-03T09:00:00,bank,2,2,1\n");
        assertThat(refusal(scenario(plan, TRACE_LOAD)).problem()).contains("not one of the scenario's intervals");

        write("staff.csv", STAFF.replace("1999-01-03T08:30:00,1999-01-03T09:00:00,bank,0.3000,1,0.2000\n", ""));
        assertThat(refusal(scenario(plan, TRACE_LOAD)).problem()).contains("no row for queue 'bank' in interval 2");

        write("staff.csv", STAFF.replace("08:30:00,bank,1.6000", "08:30:00,bank,-1"));
        assertThat(refusal(scenario(plan, TRACE_LOAD)).problem()).contains("not negative");
    }

    @Test
    void withATraceOnlyIntervalsWithArrivalsNeedAnAgentWhileTheQueueIsOpen() throws IOException {
        write("load.csv", TRACE);
        // nobody 08:30–09:00 and 09:30–10:00: the trace has no call then, so the plan is accepted
        write("staff.csv", STAFF.replace("0.3000,1,0.2000", "0.0000,0,0.0000"));
        assertThat(read(scenario("staffing: {file: staff.csv}\n", TRACE_LOAD)).agents())
                .isNotEmpty();
        // nobody 09:00–09:30, when two calls arrive: refused, naming the interval
        write("staff.csv", STAFF.replace("2.5000,3,2.4000", "0.0000,0,0.0000"));
        ScenarioException e = refusal(scenario("staffing: {file: staff.csv}\n", TRACE_LOAD));
        assertThat(e.field()).isEqualTo("staffing.file");
        assertThat(e.problem()).contains("no agent online in interval 3").contains("staffing.allowUnstaffed");
    }

    @Test
    void aRecordedOutageIsReplayedAsRecordedOnlyWhenTheScenarioSaysSo() throws IOException {
        write("load.csv", TRACE);
        write("staff.csv", STAFF.replace("2.5000,3,2.4000", "0.0000,0,0.0000"));
        Scenario s = read(scenario("staffing: {file: staff.csv, allowUnstaffed: true}\n", TRACE_LOAD));
        long from = s.startMillis() + 2 * s.intervalMillis();
        long to = from + s.intervalMillis();
        assertThat(s.agents())
                .as("nobody is online in interval 3, the record's outage")
                .allSatisfy(a -> assertThat(a.online()).noneMatch(w -> w.fromMillis() < to && from < w.toMillis()));
        assertThat(refusal(scenario("staffing: {file: staff.csv, allowUnstaffed: maybe}\n", TRACE_LOAD))
                        .field())
                .isEqualTo("staffing.allowUnstaffed");
    }
}
