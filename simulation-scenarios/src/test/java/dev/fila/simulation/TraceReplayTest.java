package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaying a hand-written trace: arrivals happen exactly when recorded, recorded handle times are
 * used (and a missing one is drawn from the scenario's), an observed patience is kept, and a censored
 * one is only a lower bound (R13).
 */
class TraceReplayTest {

    private static final String HEADER =
            "arrival,queue,channel,handle_seconds,patience_seconds,patience_censored,priority,customer_id\n";

    /**
     * One agent, always online, one call at a time. A: served at once for 10 min. B: abandons after
     * its recorded 45 s. C: served in the log after waiting 60 s (censored), but here the agent is
     * busy until 08:10, so it leaves when its drawn patience runs out, after more than 60 s. D: no
     * handle time in the log, served at once at 08:20. E: served at 08:30 for 90.5 s, no customer id.
     */
    private static final String TRACE = HEADER
            + "1999-01-03T08:00:00,bank,voice,600,0,true,0,a\n"
            + "1999-01-03T08:01:00,bank,voice,,45,false,0,b\n"
            + "1999-01-03T08:02:00,bank,voice,30,60,true,0,c\n"
            + "1999-01-03T08:20:00,bank,voice,,10,true,1,d\n"
            + "1999-01-03T08:30:00,bank,voice,90.5,0,true,0,\n";

    @TempDir
    Path dir;

    private Scenario scenario(String patience) throws IOException {
        Files.writeString(dir.resolve("load.csv"), TRACE);
        return ScenarioReader.read("replay.yaml", """
                name: replay
                seed: 11
                start: 1999-01-03T08:00
                horizon: 1h
                timeZone: Asia/Jerusalem
                queues:
                  - id: bank
                    channels: [voice]
                    hours: {sun: "07:00-24:00"}
                agents: [{id: ana, queues: {bank: 1}, maxChats: 1}]
                load:
                  trace: load.csv
                  handleTime: {constant: 2m}
                  patience: %s
                  acceptDelay: {constant: 0s}
                """.formatted(patience), dir);
    }

    private static RequestRecord byArrival(List<RequestRecord> records, long arrivalMillis) {
        return records.stream()
                .filter(r -> r.arrivalMillis() == arrivalMillis)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void R13_arrivalsHandleTimesAndPatienceAreTheTracesAndACensoredPatienceIsALowerBound() throws IOException {
        List<RequestRecord> records = Simulation.run(scenario("{constant: 5m}")).requests();

        assertThat(records)
                .extracting(RequestRecord::arrivalMillis)
                .containsExactly(0L, 60_000L, 120_000L, 1_200_000L, 1_800_000L);
        RequestRecord a = byArrival(records, 0);
        assertThat(a.outcome()).isEqualTo(RequestRecord.Outcome.SERVED);
        assertThat(a.waitMillis()).isZero();
        assertThat(a.serviceEndMillis() - a.serviceStartMillis()).isEqualTo(600_000);

        RequestRecord b = byArrival(records, 60_000);
        assertThat(b.outcome()).isEqualTo(RequestRecord.Outcome.ABANDONED);
        assertThat(b.waitMillis()).isEqualTo(45_000);

        // censored at 60 s: the patience is drawn from {constant: 5m} given it exceeds 60 s, so 300 s
        RequestRecord c = byArrival(records, 120_000);
        assertThat(c.outcome()).isEqualTo(RequestRecord.Outcome.ABANDONED);
        assertThat(c.waitMillis()).isEqualTo(300_000);

        RequestRecord d = byArrival(records, 1_200_000);
        assertThat(d.outcome()).isEqualTo(RequestRecord.Outcome.SERVED);
        assertThat(d.priority()).isEqualTo(1);
        assertThat(d.serviceEndMillis() - d.serviceStartMillis()).isEqualTo(120_000); // the scenario's handle time

        RequestRecord e = byArrival(records, 1_800_000);
        assertThat(e.outcome()).isEqualTo(RequestRecord.Outcome.SERVED);
        assertThat(e.serviceEndMillis() - e.serviceStartMillis()).isEqualTo(90_500);
    }

    @Test
    void R13_aCensoredPatienceIsNeverCutShortWhateverTheDraw() throws IOException {
        Scenario s = scenario("{exponential: 1m}");
        for (int seed = 0; seed < 30; seed++) {
            RequestRecord c =
                    byArrival(Simulation.run(s, new SplittableRandom(seed)).requests(), 120_000);
            // the agent is busy until 08:10 (480 s after C arrives): C is served then or leaves after more than 60 s
            if (c.outcome() == RequestRecord.Outcome.ABANDONED) {
                assertThat(c.waitMillis()).isGreaterThan(60_000);
            } else {
                assertThat(c.waitMillis()).isEqualTo(480_000);
            }
        }
    }

    @Test
    void everyReplicationReplaysTheSameArrivalsAndOnlyBehaviourIsDrawn() throws IOException {
        Scenario s = scenario("{exponential: 1m}");
        List<RequestRecord> one = Simulation.run(s, new SplittableRandom(1)).requests();
        List<RequestRecord> two = Simulation.run(s, new SplittableRandom(2)).requests();
        assertThat(one)
                .extracting(RequestRecord::arrivalMillis)
                .isEqualTo(two.stream().map(RequestRecord::arrivalMillis).toList());
        assertThat(one).extracting(RequestRecord::priority).containsExactly(0, 0, 0, 1, 0);
        assertThat(two).extracting(RequestRecord::priority).containsExactly(0, 0, 0, 1, 0);
    }
}
