package dev.fila.benchmarks;

import dev.fila.simulation.Simulation;
import dev.fila.simulation.SimulationResult;
import dev.fila.simulation.load.LoadCsvReader;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3, item 10: the time to simulate one month of the Anonymous Bank load — every recorded call of
 * January 1999 (one queue, {@code --queues single}) replayed through {@link Simulation#run(Scenario,
 * dev.fila.simulation.load.LoadSource, SplittableRandom, dev.fila.simulation.kernel.KernelListener...)}
 * with the full rules, reading the load CSV as it goes (one operation = one replication of the month,
 * from opening the CSV to the figures).
 *
 * <p>The CSV is made by {@code ./fila import anonymous-bank
 * ../shared/data/anonymous-bank/1999-01-january.txt --out /tmp/jan.csv --queues single} and found
 * through {@code @Param load} (default {@code /tmp/jan.csv}; {@code -p load=PATH}). When the file is
 * absent the benchmark stops in its setup with a message saying how to make it.
 *
 * <p>Staffing is fixed ({@code @Param agents}, online the whole month, one call each): the figure is the
 * simulator's speed on the real load, not a validation (that is {@code docs/validation.md}'s, with the
 * recorded staffing).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Thread)
public class MonthReplayBenchmark {

    @Param({"/tmp/jan.csv"})
    String load;

    @Param({"12"})
    int agents;

    private Scenario scenario;
    private Path file;
    private SplittableRandom seeds;

    @Setup(Level.Trial)
    public void setUp() {
        file = Path.of(load);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("MonthReplayBenchmark: no load CSV at " + file
                    + ". Make it with: ./fila import anonymous-bank"
                    + " ../shared/data/anonymous-bank/1999-01-january.txt --out " + file + " --queues single"
                    + " (or pass -p load=PATH).");
        }
        scenario = ScenarioReader.read("month-replay.yaml", scenarioText(agents));
        seeds = new SplittableRandom(19990101L);
    }

    /** January 1999 at the bank (Asia/Jerusalem), open around the clock, {@code agents} on the phones. */
    static String scenarioText(int agents) {
        return """
                name: month-replay
                seed: 1
                start: 1999-01-01T00:00
                horizon: 31d
                timeZone: Asia/Jerusalem
                queues:
                  - id: bank
                    channels: [voice]
                    hours: {mon-sun: "00:00-24:00"}
                agents:
                  - {count: %d, prefix: agent, queues: {bank: 1}, maxChats: 1}
                load:
                  arrivalsPerHour: 40
                  handleTime: {lognormal: {mean: 209s, sd: 351s}}
                  patience: {exponential: 519s}
                  acceptDelay: {constant: 0s}
                  channelMix: {voice: 1.0}
                serviceLevel: {answerWithin: 20s, target: 0.8}
                """.formatted(agents);
    }

    @Benchmark
    public SimulationResult month() throws IOException {
        return Simulation.run(scenario, LoadCsvReader.open(file, scenario.timeZone(), Set.of("bank")), seeds.split());
    }
}
