package dev.fila.engine.actors.crash;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.actors.journal.JournalSchema;
import dev.fila.engine.actors.journal.Tally;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The child JVM of {@code JournalCrashTest}: {@code n} {@link Tally} entities on a real journal,
 * driven by stdin lines, acknowledging on stdout each number only after its event is persisted.
 *
 * <p>Arguments: {@code postgres PREFIX N} (the server from {@code FILA_PG_URL}, {@code FILA_PG_USER},
 * {@code FILA_PG_PASSWORD}, through {@code fila-postgres.conf}) or {@code h2 JDBC_URL PREFIX N}.
 * Entity {@code e} (0 ≤ e < N) has persistence id {@code PREFIX-e} and gets the numbers v with
 * {@code v % N == e}. On start it prints {@code RECOVERED e v1,v2,…} per entity, then {@code READY}.
 * Commands: {@code stream FROM COUNT INFLIGHT} records FROM … FROM+COUNT−1 with at most INFLIGHT
 * unacknowledged, printing {@code ACK v} per persisted number and {@code DONE} at the end; {@code
 * read} prints {@code STATE e v1,…} per entity then {@code READ-DONE}; {@code quit} stops the actor
 * system and exits 0. A watchdog ends the JVM after 5 minutes whatever happens.
 */
public final class TallyChild {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TallyChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = ChildJvm.childStdout();
        Config config;
        String prefix;
        int entities;
        Config common = ConfigFactory.parseResources("journal-tests/common.conf");
        if (args[0].equals("postgres")) {
            config = ConfigFactory.parseResources("fila-postgres.conf")
                    .withFallback(common)
                    .withFallback(ConfigFactory.load())
                    .resolve();
            prefix = args[1];
            entities = Integer.parseInt(args[2]);
        } else {
            config = ConfigFactory.parseMap(Map.of("journal-test.h2.url", args[1]))
                    .withFallback(ConfigFactory.parseResources("journal-tests/h2.conf"))
                    .withFallback(common)
                    .withFallback(ConfigFactory.load())
                    .resolve();
            prefix = args[2];
            entities = Integer.parseInt(args[3]);
        }
        JournalSchema.applyFromConfig(config);

        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "tally-child", config);
        List<ActorRef<Tally.Command>> tallies = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            tallies.add(system.systemActorOf(Tally.create(prefix + "-" + e, 100), "tally-" + e, Props.empty()));
        }
        printStates(out, "RECOVERED", tallies, system);
        out.println("READY");

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.strip().split(" ");
            switch (words[0]) {
                case "stream" -> {
                    long from = Long.parseLong(words[1]);
                    long count = Long.parseLong(words[2]);
                    int inFlight = Integer.parseInt(words[3]);
                    Thread driver = new Thread(() -> stream(out, tallies, system, from, count, inFlight), "driver");
                    driver.setDaemon(true);
                    driver.start();
                }
                case "read" -> {
                    printStates(out, "STATE", tallies, system);
                    out.println("READ-DONE");
                }
                case "quit" -> {
                    system.terminate();
                    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
                    out.println("BYE");
                    System.exit(0);
                }
                default -> out.println("UNKNOWN " + line);
            }
        }
    }

    private static void stream(
            PrintStream out,
            List<ActorRef<Tally.Command>> tallies,
            ActorSystem<Void> system,
            long from,
            long count,
            int inFlight) {
        Semaphore permits = new Semaphore(inFlight);
        try {
            for (long v = from; v < from + count; v++) {
                permits.acquire();
                long value = v;
                ActorRef<Tally.Command> tally = tallies.get((int) (value % tallies.size()));
                AskPattern.<Tally.Command, Tally.Recorded>ask(
                                tally, reply -> new Tally.Record(value, reply), TIMEOUT, system.scheduler())
                        .whenComplete((recorded, failure) -> {
                            out.println(failure == null ? "ACK " + recorded.value() : "FAIL " + value + " " + failure);
                            permits.release();
                        });
            }
            permits.acquire(inFlight);
            out.println("DONE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printStates(
            PrintStream out, String label, List<ActorRef<Tally.Command>> tallies, ActorSystem<Void> system)
            throws Exception {
        for (int e = 0; e < tallies.size(); e++) {
            Tally.State state = AskPattern.<Tally.Command, Tally.State>ask(
                            tallies.get(e), Tally.Read::new, TIMEOUT, system.scheduler())
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            out.println(label + " " + e + " "
                    + state.values().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }
}
