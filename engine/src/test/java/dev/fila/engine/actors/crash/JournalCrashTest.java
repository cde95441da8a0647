package dev.fila.engine.actors.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.actors.journal.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a stream of persists loses no acknowledged event and applies none twice,
 * on PostgreSQL and on an H2 file with {@code WRITE_DELAY=0}: a child JVM ({@link TallyChild})
 * records numbers on 4 entities with 16 in flight and acknowledges each after its persist; the test
 * SIGKILLs it while acknowledgements are flowing, starts it again on the same journal, and checks
 * that every entity recovered a gap-free prefix of what it was sent, holding every acknowledged
 * number once, and that it goes on recording after the crash.
 */
class JournalCrashTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int ENTITIES = 4;
    private static final int IN_FLIGHT = 16;
    private static final int ACKS_BEFORE_KILL = 600;
    private static final long STREAM_LENGTH = 100_000;
    /** The child starts faster with the C1 compiler only and one GC thread (a 2-core machine). */
    private static final List<String> CHILD_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Test
    void onPostgresEveryAcknowledgedEventSurvivesKill9MidStream(@TempDir Path dir) throws Exception {
        TestPostgres postgres = TestPostgres.require();
        String prefix = "crash-" + UUID.randomUUID();
        crashAndRecover(List.of("postgres", prefix, Integer.toString(ENTITIES)), postgres.environment(), dir);
    }

    @Test
    void onAnH2FileWithoutWriteDelayEveryAcknowledgedEventSurvivesKill9MidStream(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("journal") + ";WRITE_DELAY=0";
        crashAndRecover(List.of("h2", url, "crash", Integer.toString(ENTITIES)), Map.of(), dir);
    }

    private static void crashAndRecover(List<String> args, Map<String, String> env, Path dir) throws Exception {
        TreeSet<Long> acknowledged = new TreeSet<>();
        long startNanos = System.nanoTime();
        long streamNanos;
        long killNanos;
        try (ChildJvm first = ChildJvm.start("tally-1", TallyChild.class, CHILD_JVM, args, env, dir)) {
            Map<Integer, List<Long>> before = readStates(first, "RECOVERED ");
            first.expectLine("READY"::equals, START);
            assertThat(before.values()).allSatisfy(values -> assertThat(values).isEmpty());

            streamNanos = System.nanoTime();
            first.send("stream 1 " + STREAM_LENGTH + " " + IN_FLIGHT);
            while (acknowledged.size() < ACKS_BEFORE_KILL) {
                String line = first.expectLine(
                        l -> l.startsWith("ACK ") || l.startsWith("FAIL ") || l.equals("DONE"), TIMEOUT);
                assertThat(line).as("no persist fails before the kill").startsWith("ACK ");
                acknowledged.add(Long.parseLong(line.substring(4)));
            }

            killNanos = System.nanoTime();
            assertThat(first.kill9()).as("SIGKILL").isEqualTo(137);

            // What the child wrote before it died was acknowledged too.
            for (String line : first.remainingLines(TIMEOUT)) {
                assertThat(line).as("the stream was cut mid-way").isNotEqualTo("DONE");
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                }
            }
        }
        assertThat(acknowledged.size()).isLessThan((int) STREAM_LENGTH);

        try (ChildJvm second = ChildJvm.start("tally-2", TallyChild.class, CHILD_JVM, args, env, dir)) {
            Map<Integer, List<Long>> recovered = readStates(second, "RECOVERED ");
            second.expectLine("READY"::equals, START);
            long recoveredNanos = System.nanoTime();

            long recoveredCount = 0;
            for (int e = 0; e < ENTITIES; e++) {
                List<Long> values = recovered.get(e);
                assertThat(values)
                        .as("entity %d recovered a gap-free prefix of its numbers, each once", e)
                        .containsExactlyElementsOf(expectedPrefix(e, values.size()));
                int entity = e;
                List<Long> acknowledgedHere = acknowledged.stream()
                        .filter(v -> v % ENTITIES == entity)
                        .toList();
                assertThat(values)
                        .as("entity %d kept every acknowledged number", e)
                        .containsAll(acknowledgedHere);
                // Persisted but not yet acknowledged when killed: at most those in flight.
                assertThat(values.size() - acknowledgedHere.size()).isBetween(0, IN_FLIGHT);
                recoveredCount += values.size();
            }
            assertThat(recoveredCount).isGreaterThanOrEqualTo(acknowledged.size());
            System.out.printf(
                    "JournalCrashTest %s: first JVM ready in %d ms; %d acknowledged in %d ms before kill -9;"
                            + " %d recovered (%d persisted, unacknowledged); second JVM ready %d ms after the kill%n",
                    args.get(0),
                    (streamNanos - startNanos) / 1_000_000,
                    acknowledged.size(),
                    (killNanos - streamNanos) / 1_000_000,
                    recoveredCount,
                    recoveredCount - acknowledged.size(),
                    (recoveredNanos - killNanos) / 1_000_000);

            // The journal goes on after the crash: new numbers land after the recovered ones.
            long next = recovered.values().stream()
                            .flatMap(List::stream)
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(0)
                    + 1;
            second.send("stream " + next + " " + (2 * ENTITIES) + " 4");
            second.expectLine("DONE"::equals, TIMEOUT);
            second.send("read");
            Map<Integer, List<Long>> after = readStates(second, "STATE ");
            for (int e = 0; e < ENTITIES; e++) {
                List<Long> expected = new ArrayList<>(recovered.get(e));
                for (long v = next; v < next + 2 * ENTITIES; v++) {
                    if (v % ENTITIES == e) {
                        expected.add(v);
                    }
                }
                assertThat(after.get(e)).containsExactlyElementsOf(expected);
            }
            second.send("quit");
            second.expectLine("BYE"::equals, TIMEOUT);
            assertThat(second.awaitExit(TIMEOUT)).isZero();
        }
    }

    /** The first {@code size} numbers that entity {@code e} is sent: 1, 2, … with v % ENTITIES == e. */
    private static List<Long> expectedPrefix(int e, int size) {
        List<Long> values = new ArrayList<>(size);
        for (long v = e == 0 ? ENTITIES : e; values.size() < size; v += ENTITIES) {
            values.add(v);
        }
        return values;
    }

    private static Map<Integer, List<Long>> readStates(ChildJvm child, String label) {
        Map<Integer, List<Long>> states = new HashMap<>();
        for (int e = 0; e < ENTITIES; e++) {
            String line = child.expectLine(l -> l.startsWith(label), START);
            String[] parts = line.substring(label.length()).split(" ", 2);
            List<Long> values = parts.length < 2 || parts[1].isBlank()
                    ? List.of()
                    : Arrays.stream(parts[1].split(",")).map(Long::valueOf).toList();
            states.put(Integer.parseInt(parts[0]), values);
        }
        assertThat(states).containsOnlyKeys(0, 1, 2, 3);
        return states;
    }
}
