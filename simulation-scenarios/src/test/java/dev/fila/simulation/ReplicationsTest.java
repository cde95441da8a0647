package dev.fila.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.figures.Estimate;
import dev.fila.simulation.figures.EtaEstimate;
import dev.fila.simulation.figures.EtaIntervalEstimates;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.ReplicationFigures;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.report.ReportExtras;
import dev.fila.simulation.report.ReportWriter;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationsTest {

    private static final Scenario QUICKSTART = ScenarioReader.read(Path.of("scenarios", "quickstart.yaml"));

    @Test
    void theReportsAreByteForByteTheSameOnOneThreadAndOnFour(@TempDir Path dir) throws Exception {
        Scenario s = QUICKSTART.withReplications(6);
        RunSummary one = Replications.run(s, 1, done -> {});
        RunSummary four = Replications.run(s, 4, done -> {});
        ReportWriter.write(one, ReportExtras.none(), dir.resolve("one"));
        ReportWriter.write(four, ReportExtras.none(), dir.resolve("four"));
        for (String file :
                new String[] {"summary.json", "intervals.csv", "eta-intervals.csv", "report.html", "requests.csv"}) {
            assertThat(Files.readAllBytes(dir.resolve("four").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
        }
        assertThat(one.replications()).isEqualTo(6);
    }

    @Test
    void replicationsUseIndependentStreamsSoTheyDiffer() {
        RunSummary s = Replications.run(QUICKSTART.withReplications(4), 2, done -> {});
        Estimate arrivals = s.overall(ReplicationFigures.ALL, Metric.ARRIVALS);
        assertThat(arrivals.n()).isEqualTo(4);
        assertThat(arrivals.halfWidth())
                .as("four identical replications would give a zero-width interval")
                .isPositive();
    }

    @Test
    void theConfidenceIntervalTightensWithMoreReplications() {
        RunSummary few = Replications.run(QUICKSTART.withReplications(4), 2, done -> {});
        RunSummary many = Replications.run(QUICKSTART.withReplications(20), 2, done -> {});
        for (Metric m : new Metric[] {Metric.SERVICE_LEVEL, Metric.AVERAGE_SPEED_OF_ANSWER_SECONDS, Metric.ARRIVALS}) {
            Estimate a = few.overall(ReplicationFigures.ALL, m);
            Estimate b = many.overall(ReplicationFigures.ALL, m);
            assertThat(b.halfWidth()).as(m.key()).isLessThan(a.halfWidth());
            // both intervals estimate the same quantity: they overlap
            assertThat(b.low()).as(m.key()).isLessThanOrEqualTo(a.high());
            assertThat(a.low()).as(m.key()).isLessThanOrEqualTo(b.high());
        }
    }

    @Test
    void progressCountsEveryReplicationOnce() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        Replications.run(QUICKSTART.withReplications(5), 3, done -> {
            calls.incrementAndGet();
            highest.accumulateAndGet(done, Math::max);
        });
        assertThat(calls.get()).isEqualTo(5);
        assertThat(highest.get()).isEqualTo(5);
    }

    @Test
    void warmupArrivalsAreSimulatedButNotCountedOverall() {
        Scenario s = new Scenario(
                QUICKSTART.name(),
                QUICKSTART.seed(),
                QUICKSTART.start(),
                QUICKSTART.timeZone(),
                QUICKSTART.startMillis(),
                QUICKSTART.horizonMillis(),
                QUICKSTART.queues(),
                QUICKSTART.agents(),
                QUICKSTART.load(),
                QUICKSTART.serviceLevel(),
                QUICKSTART.intervalMillis(),
                1,
                3_600_000L);
        SimulationResult r = Simulation.run(s);
        ReplicationFigures f = r.figures();
        double afterWarmup = 0;
        for (int i = 2; i < f.intervalCount(); i++) { // 30-minute intervals: the first two are the warm-up
            afterWarmup += f.interval(ReplicationFigures.ALL, i, Metric.ARRIVALS);
        }
        assertThat(f.overall(ReplicationFigures.ALL, Metric.ARRIVALS)).isEqualTo(afterWarmup);
        assertThat(r.arrivals()).isEqualTo((long) afterWarmup);
        assertThat(f.interval(ReplicationFigures.ALL, 0, Metric.ARRIVALS)).isPositive();
    }

    @Test
    void R8_everyRunMeasuresEveryEtaPredictorWithAnIntervalOverTheReplications() {
        RunSummary s = Replications.run(QUICKSTART.withReplications(4), 2, done -> {});
        assertThat(s.eta())
                .extracting(EtaEstimate::predictor)
                .containsExactlyInAnyOrder(
                        "throughput", "queue-length", "head-of-line", "last-to-enter-service", "fila");
        for (EtaEstimate e : s.eta()) {
            assertThat(e.predictions()).as(e.predictor()).isPositive();
            for (Estimate x : new Estimate[] {
                e.meanAbsoluteErrorSeconds(), e.rootMeanSquareErrorSeconds(), e.shareWithin60Seconds()
            }) {
                assertThat(x.n()).as(e.predictor()).isEqualTo(4);
                assertThat(x.halfWidth()).as(e.predictor()).isFinite().isNotNegative();
            }
        }
        for (int k = 1; k < s.eta().size(); k++) {
            assertThat(s.eta().get(k).meanAbsoluteErrorSeconds().mean())
                    .isGreaterThanOrEqualTo(
                            s.eta().get(k - 1).meanAbsoluteErrorSeconds().mean());
        }
    }

    @Test
    void R8_measuringTheEtaChangesNoSimulatedFigure() {
        Scenario s = QUICKSTART.withReplications(1);
        RunSummary measured = Replications.run(s, 1, done -> {});
        // replication 0 runs on the seed's first split stream; here without the observer
        SimulationResult alone = Simulation.run(s, new SplittableRandom(s.seed()).split());
        assertThat(Arrays.deepEquals(
                        measured.first().figures().intervals(), alone.figures().intervals()))
                .isTrue();
        assertThat(Arrays.deepEquals(
                        measured.first().figures().overall(), alone.figures().overall()))
                .isTrue();
        assertThat(measured.first().requests()).isEqualTo(alone.requests());
    }

    @Test
    void R8_theEtaErrorsPerIntervalAddUpToTheOverallRankingAndAreWrittenPerIntervalQueueAndPredictor(@TempDir Path dir)
            throws Exception {
        RunSummary s = Replications.run(QUICKSTART.withReplications(3), 2, done -> {});
        EtaIntervalEstimates e = s.etaByInterval();
        assertThat(e.intervalCount()).isEqualTo(s.intervalCount());
        assertThat(e.rows()).isEqualTo(s.rows());
        int all = e.rows().indexOf(ReplicationFigures.ALL);
        for (EtaEstimate overall : s.eta()) {
            int p = e.predictors().indexOf(overall.predictor());
            long perInterval = 0;
            for (int i = 0; i < e.intervalCount(); i++) {
                perInterval += e.predictions()[all][i][p];
            }
            assertThat(perInterval)
                    .as("every prediction of the run falls in one interval: " + overall.predictor())
                    .isEqualTo(overall.predictions());
        }
        ReportWriter.write(s, ReportExtras.none(), dir);
        List<String> lines = Files.readAllLines(dir.resolve("eta-intervals.csv"));
        assertThat(lines.get(0))
                .isEqualTo("interval,start,end,queue,predictor,predictions,meanAbsoluteErrorSeconds,"
                        + "meanAbsoluteErrorSeconds_ci,rootMeanSquareErrorSeconds,rootMeanSquareErrorSeconds_ci,"
                        + "shareWithin60Seconds,shareWithin60Seconds_ci");
        assertThat(lines.subList(1, lines.size()))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(12))
                .anySatisfy(line -> assertThat(line).contains(",all,fila,"));
        assertThat(Files.readString(dir.resolve("report.html"))).contains("ETA error per interval (R8)");
    }
}
