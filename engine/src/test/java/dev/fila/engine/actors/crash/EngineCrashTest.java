package dev.fila.engine.actors.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.actors.journal.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test on the whole engine: kill -9 of the engine's JVM while a load driver sends
 * commands loses no acknowledged command and applies none twice, on the default H2 file journal
 * ({@code WRITE_DELAY=0}) and on PostgreSQL (a fresh database).
 *
 * <p>A child JVM ({@link EngineChild}) runs a {@code FilaEngine} with one queue open 24/7 and agent
 * ana (one chat, logged in: the first request is invited, R10/R11). Its driver opens requests 1, 2, …
 * one after the other, and after each acknowledged Open of an id divisible by 5 tells it to leave, of
 * one divisible by 7 to step away (R9), so Opens, Leaves and step-aways are in flight together. The
 * test SIGKILLs the child once {@value #OPENS_BEFORE_KILL} Opens were acknowledged, starts a second
 * child on the same journal and reads back every request's state, its journal and the queue's line:
 *
 * <ul>
 *   <li>every acknowledged Open exists with exactly one {@code Opened} event, WAITING or INVITED (or
 *       LEFT when its Leave may have been sent); every acknowledged Leave is LEFT with one {@code
 *       Left}; every acknowledged step-away is unavailable with its place kept;
 *   <li>the line holds each request at most once, at positions 1..n, and only requests that exist;
 *       the acknowledged Opens in it stand in acknowledgement order (the driver sends an Open only
 *       after the previous one was answered, and the request entity tells the queue before it
 *       answers, so the queue receives the Enqueues in that order);
 *   <li>the Open in flight at the kill is either fully there (one Opened) or wholly absent (no state,
 *       no event, not in the line).
 * </ul>
 *
 * <p><b>At-most-once sends between entities.</b> A request entity reaches its queue by a plain tell
 * ({@code Effect.ToQueue} through Cluster Sharding). The request persists {@code Opened}, tells the
 * queue {@code Enqueue}, then answers; if the JVM dies after the answer but before the queue entity
 * persisted its {@code Enqueued}, the acknowledged request recovers as WAITING in no line. Before
 * {@code RequestDecider.resendOnRecovery} this happened in 11 of 12 runs (6 on H2, 5 on PostgreSQL):
 * the last acknowledged Open, request 150, was missing from the line. A recovered request now tells
 * its queue again what its state implies (Enqueue at its own entry time, or Remove), which the queue
 * ignores when it already has it; the test asserts that no acknowledged request is missing from the
 * line and no departed one remains in it.
 *
 * <p>The agent side: after the restart ana's held slots must be exactly the requests whose states say
 * they are invited by or in service with her (R2, R11, R12); a recovered agent confirms each slot with
 * its request ({@code AgentDecider.resendOnRecovery}). This drive never closes an interaction and
 * invites only request 1 (ana has one chat), so the kill cannot fall between her reservation and the
 * request's invitation: here the check guards the invariant; {@code LostSendRepairTest} shows the
 * repair of a lost Release and of a lost Invite.
 */
class EngineCrashTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int OPENS_BEFORE_KILL = 150;
    private static final int DRIVE = 100_000;
    /** The child starts faster with the C1 compiler only and one GC thread (a 2-core machine). */
    private static final List<String> CHILD_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Test
    void onAnH2FileEveryAcknowledgedCommandSurvivesKill9OfTheEngineOnceAndInOrder(@TempDir Path dir) throws Exception {
        crashAndRecover("h2", List.of("h2", dir.resolve("data").toString()), Map.of(), dir);
    }

    @Test
    void onPostgresEveryAcknowledgedCommandSurvivesKill9OfTheEngineOnceAndInOrder(@TempDir Path dir) throws Exception {
        TestPostgres server = TestPostgres.require();
        TestPostgres database = server.createDatabase("engine_crash");
        try {
            crashAndRecover("postgres", List.of("postgres"), database.environment(), dir);
        } finally {
            server.dropDatabase(database);
        }
    }

    /** What the first child acknowledged before it died. */
    private static final class Acknowledged {
        final List<Long> sentOpens = new ArrayList<>();
        final List<Long> opens = new ArrayList<>();
        final Set<Long> leaves = new TreeSet<>();
        final Set<Long> aways = new TreeSet<>();

        void read(String line) {
            String[] w = line.split(" ");
            if (w[0].equals("SENT")) {
                sentOpens.add(Long.parseLong(w[1]));
            } else if (w[0].equals("ACK")) {
                assertThat(w[3]).as("the domain accepts %s", line).isEqualTo("accepted");
                long id = Long.parseLong(w[1]);
                switch (w[2]) {
                    case "OPEN" -> opens.add(id);
                    case "LEAVE" -> leaves.add(id);
                    case "AWAY" -> aways.add(id);
                    default -> throw new AssertionError("unexpected line " + line);
                }
            } else if (w[0].equals("FAIL")) {
                throw new AssertionError("no command fails before the kill: " + line);
            }
        }
    }

    private record Recovered(String status, boolean available, List<String> events) {
        boolean exists() {
            return !status.equals("none");
        }

        long count(String eventType) {
            return events.stream().filter(eventType::equals).count();
        }
    }

    private static void crashAndRecover(String journal, List<String> args, Map<String, String> env, Path dir)
            throws Exception {
        Acknowledged acked = new Acknowledged();
        long startNanos = System.nanoTime();
        long driveNanos;
        long killNanos;
        try (ChildJvm first = ChildJvm.start("engine-1", EngineChild.class, CHILD_JVM, args, env, dir)) {
            first.expectLine("READY"::equals, START);
            driveNanos = System.nanoTime();
            first.send("drive " + DRIVE);
            while (acked.opens.size() < OPENS_BEFORE_KILL) {
                String line = first.expectLine(
                        l -> l.startsWith("SENT ") || l.startsWith("ACK ") || l.startsWith("FAIL ") || l.equals("DONE"),
                        TIMEOUT);
                acked.read(line);
            }
            killNanos = System.nanoTime();
            assertThat(first.kill9()).as("SIGKILL").isEqualTo(137);
            for (String line : first.remainingLines(TIMEOUT)) {
                assertThat(line).as("the driver was cut mid-way").isNotEqualTo("DONE");
                acked.read(line);
            }
        }
        long maxId = acked.sentOpens.getLast();
        assertThat(acked.opens)
                .as("acknowledged in the order sent")
                .isEqualTo(acked.sentOpens.subList(0, acked.opens.size()));
        assertThat(acked.sentOpens.size() - acked.opens.size())
                .as("one Open in flight at most")
                .isBetween(0, 1);

        try (ChildJvm second = ChildJvm.start("engine-2", EngineChild.class, CHILD_JVM, args, env, dir)) {
            second.expectLine("READY"::equals, START);
            long readyNanos = System.nanoTime();
            second.send("check " + maxId);
            Map<Long, Recovered> requests = new HashMap<>();
            Map<Long, String[]> stateLines = new HashMap<>();
            List<Long> enqueued = List.of();
            List<long[]> line = null;
            while (line == null) {
                String l = second.expectLine(
                        s -> s.startsWith("STATE ")
                                || s.startsWith("EVENTS ")
                                || s.startsWith("ENQUEUED")
                                || s.startsWith("LINE"),
                        TIMEOUT);
                String[] w = l.split(" ");
                if (w[0].equals("STATE")) {
                    stateLines.put(Long.parseLong(w[1]), w);
                } else if (w[0].equals("EVENTS")) {
                    long id = Long.parseLong(w[1]);
                    String[] s = stateLines.get(id);
                    List<String> events = w.length < 3 ? List.of() : Arrays.asList(w[2].split(","));
                    requests.put(id, new Recovered(s[2], s.length > 3 && Boolean.parseBoolean(s[3]), events));
                } else if (w[0].equals("ENQUEUED")) {
                    enqueued = w.length < 2
                            ? List.of()
                            : Arrays.stream(w[1].split(",")).map(Long::valueOf).toList();
                } else {
                    line = w.length < 2
                            ? List.of()
                            : Arrays.stream(w[1].split(","))
                                    .map(p -> p.split(":"))
                                    .map(p -> new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])})
                                    .toList();
                }
            }
            String held = second.expectLine(s -> s.startsWith("HELD"), TIMEOUT);
            String claimed = second.expectLine(s -> s.startsWith("CLAIMED"), TIMEOUT);
            second.expectLine("CHECK-DONE"::equals, TIMEOUT);
            // R2, R11, R12: the agent is the authority on its capacity, the request on its invitation;
            // after recovery (AgentDecider.resendOnRecovery) the two agree.
            assertThat(held.substring("HELD".length()).strip())
                    .as("ana's held slots are exactly the requests invited by or in service with her")
                    .isEqualTo(claimed.substring("CLAIMED".length()).strip());

            List<Long> lineIds = line.stream().map(p -> p[0]).toList();
            assertThat(line.stream().map(p -> p[1]).toList())
                    .as("positions 1..n")
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, line.size())
                            .boxed()
                            .toList());
            assertThat(new LinkedHashSet<>(lineIds))
                    .as("each request in the line once")
                    .hasSize(lineIds.size());
            assertThat(lineIds)
                    .as("only requests that exist stand in the line")
                    .allSatisfy(id -> assertThat(requests.get(id)).isNotNull().matches(Recovered::exists));

            List<Long> missingFromLine = new ArrayList<>();
            List<Long> leftButInLine = new ArrayList<>();
            for (long id : acked.opens) {
                Recovered r = requests.get(id);
                assertThat(r.exists()).as("acknowledged Open %d exists", id).isTrue();
                assertThat(r.count("Opened")).as("request %d opened once", id).isEqualTo(1);
                assertThat(r.events().getFirst())
                        .as("request %d's first event", id)
                        .isEqualTo("Opened");
                boolean leaveMayHaveBeenSent = id % 5 == 0;
                if (acked.leaves.contains(id)) {
                    assertThat(r.status()).as("acknowledged Leave of %d", id).isEqualTo("LEFT");
                } else if (leaveMayHaveBeenSent) {
                    assertThat(r.status()).as("request %d", id).isIn("WAITING", "INVITED", "LEFT");
                } else {
                    assertThat(r.status()).as("request %d", id).isIn("WAITING", "INVITED");
                }
                assertThat(r.count("Left"))
                        .as("request %d left at most once", id)
                        .isLessThanOrEqualTo(1);
                if (acked.aways.contains(id)) {
                    assertThat(r.available())
                            .as("acknowledged step-away of %d (R9)", id)
                            .isFalse();
                }
                if (!r.available() && !r.status().equals("LEFT")) {
                    assertThat(id % 7)
                            .as("only stepped-away requests are unavailable")
                            .isZero();
                }
                boolean queued = r.status().equals("WAITING") || r.status().equals("INVITED");
                if (queued && !lineIds.contains(id)) {
                    missingFromLine.add(id);
                }
                if (!queued && lineIds.contains(id)) {
                    leftButInLine.add(id);
                }
            }
            assertThat(new LinkedHashSet<>(enqueued))
                    .as("the queue journal enqueued each request at most once")
                    .hasSize(enqueued.size());
            assertThat(enqueued)
                    .as("the queue enqueued in acknowledgement order")
                    .isSorted();
            // At-most-once sends between entities: before RequestDecider.resendOnRecovery, 11 runs in 12
            // lost the last acknowledged Open's Enqueue in the crash (waiting, in no line). A recovered
            // request now tells its queue again; the queue ignores what it already has.
            assertThat(missingFromLine)
                    .as("every acknowledged, still queued request stands in its line after the restart")
                    .isEmpty();
            assertThat(leftButInLine)
                    .as("no request that left stands in the line")
                    .isEmpty();
            List<Long> ackedInLine =
                    lineIds.stream().filter(acked.opens::contains).toList();
            assertThat(ackedInLine)
                    .as("acknowledged Opens stand in acknowledgement order")
                    .isSorted();

            for (long id : acked.sentOpens.subList(acked.opens.size(), acked.sentOpens.size())) {
                Recovered r = requests.get(id);
                if (r.exists()) {
                    assertThat(r.events())
                            .as("unacknowledged Open %d, applied: once", id)
                            .containsExactly("Opened");
                } else {
                    assertThat(r.events())
                            .as("unacknowledged Open %d, absent: no event", id)
                            .isEmpty();
                    assertThat(lineIds)
                            .as("unacknowledged Open %d, absent: not in line", id)
                            .doesNotContain(id);
                }
            }

            System.out.printf(
                    "EngineCrashTest %s: first engine ready in %d ms; %d Opens, %d Leaves, %d step-aways"
                            + " acknowledged in %d ms before kill -9 (%d Open in flight, %s after restart);"
                            + " second engine ready %d ms after the kill; line of %d;"
                            + " at-most-once sends made good on recovery: missing from the line %s,"
                            + " left but still in the line %s; ana holds [%s]%n",
                    journal,
                    (driveNanos - startNanos) / 1_000_000,
                    acked.opens.size(),
                    acked.leaves.size(),
                    acked.aways.size(),
                    (killNanos - driveNanos) / 1_000_000,
                    acked.sentOpens.size() - acked.opens.size(),
                    acked.sentOpens.size() > acked.opens.size()
                            ? (requests.get(maxId).exists() ? "applied" : "absent")
                            : "-",
                    (readyNanos - killNanos) / 1_000_000,
                    line.size(),
                    missingFromLine,
                    leftButInLine,
                    held.substring("HELD".length()).strip());

            second.send("quit");
            second.expectLine("BYE"::equals, TIMEOUT);
            assertThat(second.awaitExit(TIMEOUT)).isZero();
        }
    }
}
