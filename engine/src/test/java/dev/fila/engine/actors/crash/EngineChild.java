package dev.fila.engine.actors.crash;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.fila.engine.actors.FilaEngine;
import dev.fila.engine.actors.LineView;
import dev.fila.engine.actors.RequestReply;
import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.agent.AgentCommand;
import dev.fila.engine.domain.agent.Role;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.request.CustomerStanding;
import dev.fila.engine.domain.request.RequestCommand;
import dev.fila.engine.domain.request.RequestDetails;
import dev.fila.engine.domain.request.RequestState;
import dev.fila.engine.domain.request.RequestStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The child JVM of {@code EngineCrashTest}: a {@link FilaEngine} on a real journal with one queue
 * ({@value #QUEUE}, open 24/7) and one agent ({@code ana}, one chat at a time, logged in), driven by
 * stdin lines and acknowledging each command on stdout only after the engine's reply.
 *
 * <p>Arguments: {@code h2 DATA_DIR} (the engine's default H2 file journal, {@code WRITE_DELAY=0},
 * under DATA_DIR) or {@code postgres} (a {@code fila.journals.postgres} block on the server and
 * database of {@code FILA_PG_URL}, {@code FILA_PG_USER}, {@code FILA_PG_PASSWORD}). It prints {@code
 * READY} once the engine runs and the agent is set up.
 *
 * <p>Commands: {@code drive COUNT} opens requests 1 … COUNT one after the other (each Open sent once
 * the previous one was answered) while a second thread, after each acknowledged Open of an id with
 * {@code id % 5 == 0}, tells it to leave and, of an id with {@code id % 7 == 0}, to step away (R9),
 * so several commands are in flight at any time. Before each Open it prints {@code SENT id OPEN};
 * after each reply {@code ACK id OPEN|LEAVE|AWAY accepted|rejected:CODE} (or {@code FAIL …}); {@code
 * DONE} at the end. {@code check MAXID} prints, for ids 1 … MAXID, {@code STATE id STATUS AVAILABLE}
 * (or {@code STATE id none}) and {@code EVENTS id Type,Type,…} (the request's journal, read back
 * through the read journal), then {@code ENQUEUED id,id,…} (the request ids of the queue's {@code
 * Enqueued} events, in journal order), {@code LINE id:position,…} (the queue's line in order) and
 * {@code CHECK-DONE}. {@code quit} stops the engine and exits 0. A watchdog ends the JVM after 5 minutes.
 */
public final class EngineChild {

    static final String QUEUE = "support";
    private static final long TIMEOUT_SECONDS = 30;

    private EngineChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = ChildJvm.childStdout();
        FilaEngine engine = FilaEngine.start(config(args), Clock.systemUTC());
        // On a restart ana is registered and logged in already: those rejections are expected.
        get(engine.agent(
                "ana", new AgentCommand.Register("ana", "Agent ana", Map.of(QUEUE, 1), 1, Set.of(Role.AGENT))));
        get(engine.agent("ana", new AgentCommand.LogIn()));
        out.println("READY");

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.strip().split(" ");
            switch (words[0]) {
                case "drive" -> {
                    int count = Integer.parseInt(words[1]);
                    Thread driver = new Thread(() -> drive(out, engine, count), "driver");
                    driver.setDaemon(true);
                    driver.start();
                }
                case "check" -> check(out, engine, Long.parseLong(words[1]));
                case "quit" -> {
                    engine.stop();
                    out.println("BYE");
                    System.exit(0);
                }
                default -> out.println("UNKNOWN " + line);
            }
        }
    }

    private static Config config(String[] args) {
        String common = """
                fila.timers.max-delay = 1s
                fila.ask-timeout = 20s
                fila.read-models.enabled = off
                fila.queues = [ { id = %s, zone = UTC, hours { mon-sun = "00:00-24:00" } } ]
                fila.runtime.pekko.loglevel = WARNING
                """.formatted(QUEUE);
        if (args[0].equals("h2")) {
            return ConfigFactory.load(
                    ConfigFactory.parseString(common + "fila.data-dir = \"" + args[1].replace("\\", "/") + "\"\n"));
        }
        // The engine's own PostgreSQL block, pointed at the test server by FILA_PG_URL/USER/PASSWORD.
        String postgres = "fila.journal = postgres\n";
        return ConfigFactory.load(ConfigFactory.parseString(common + postgres));
    }

    private static void drive(PrintStream out, FilaEngine engine, int count) {
        for (long id = 1; id <= count; id++) {
            long requestId = id;
            out.println("SENT " + requestId + " OPEN");
            RequestReply reply;
            try {
                reply = get(engine.request(requestId, open(requestId, engine.clock())));
            } catch (Exception e) {
                out.println("FAIL " + requestId + " OPEN " + e);
                continue;
            }
            out.println("ACK " + requestId + " OPEN " + outcome(reply));
            if (reply.rejection() == null && requestId % 5 == 0) {
                engine.request(requestId, new RequestCommand.Leave())
                        .whenComplete((r, failure) -> acknowledge(out, requestId, "LEAVE", r, failure));
            } else if (reply.rejection() == null && requestId % 7 == 0) {
                engine.request(requestId, new RequestCommand.SetAvailability(false))
                        .whenComplete((r, failure) -> acknowledge(out, requestId, "AWAY", r, failure));
            }
        }
        out.println("DONE");
    }

    private static void acknowledge(PrintStream out, long id, String command, RequestReply reply, Throwable failure) {
        out.println(
                failure == null ? "ACK " + id + " " + command + " " + outcome(reply) : "FAIL " + id + " " + command);
    }

    private static String outcome(RequestReply reply) {
        return reply.rejection() == null
                ? "accepted"
                : "rejected:" + reply.rejection().code();
    }

    private static void check(PrintStream out, FilaEngine engine, long maxId) throws Exception {
        JdbcReadJournal journal = PersistenceQuery.get(engine.system())
                .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        for (long id = 1; id <= maxId; id++) {
            RequestState state;
            try {
                state = get(engine.requestState(id));
                out.println("STATE " + id + " " + state.status() + " " + state.available());
            } catch (ExecutionException e) {
                out.println("STATE " + id + " none");
            }
            List<EventEnvelope> events = journal.currentEventsByPersistenceId("Request|" + id, 0, Long.MAX_VALUE)
                    .runWith(Sink.seq(), engine.system())
                    .toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            out.println("EVENTS " + id + " "
                    + events.stream()
                            .map(e -> e.event().getClass().getSimpleName())
                            .collect(Collectors.joining(",")));
        }
        List<EventEnvelope> queueEvents = journal.currentEventsByPersistenceId("Queue|" + QUEUE, 0, Long.MAX_VALUE)
                .runWith(Sink.seq(), engine.system())
                .toCompletableFuture()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        out.println("ENQUEUED "
                + queueEvents.stream()
                        .filter(e -> e.event() instanceof QueueEvent.Enqueued)
                        .map(e -> Long.toString(((QueueEvent.Enqueued) e.event()).requestId()))
                        .collect(Collectors.joining(",")));
        LineView line = get(engine.line(QUEUE));
        out.println("LINE "
                + line.places().stream()
                        .map(p -> p.requestId() + ":" + p.position())
                        .collect(Collectors.joining(",")));
        // R2, R11, R12: ana's held slots against the requests whose states say they are invited by or in
        // service with her. Her recovery confirms each slot with its request, asynchronously: wait (5 s
        // at most) for the two to agree, then print both.
        Set<Long> held = Set.of();
        Set<Long> claimed = Set.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        do {
            held = get(engine.agentState("ana")).held().stream()
                    .map(h -> h.requestId())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            claimed = claimedBy(engine, "ana", maxId);
            if (held.equals(claimed)) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        out.println("HELD " + ids(held));
        out.println("CLAIMED " + ids(claimed));
        out.println("CHECK-DONE");
    }

    /** The requests among 1..maxId invited by or in service with {@code agentId}. */
    private static Set<Long> claimedBy(FilaEngine engine, String agentId, long maxId) throws Exception {
        Set<Long> claimed = new java.util.TreeSet<>();
        for (long id = 1; id <= maxId; id++) {
            RequestState state;
            try {
                state = get(engine.requestState(id));
            } catch (ExecutionException e) {
                continue;
            }
            boolean invited = state.status() == RequestStatus.INVITED
                    && state.invitation().agentId().equals(agentId);
            boolean inService = state.status() == RequestStatus.IN_SERVICE
                    && state.interaction().agentId().equals(agentId);
            if (invited || inService) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static RequestCommand.Open open(long requestId, Clock clock) {
        long nowMillis = clock.millis();
        return new RequestCommand.Open(
                requestId,
                "P-" + requestId,
                "customer-" + requestId,
                QUEUE,
                Channel.CHAT,
                0,
                new RequestDetails(
                        "technical",
                        "ERP",
                        "billing",
                        "invoices",
                        "the invoice screen freezes",
                        false,
                        nowMillis + Duration.ofHours(8).toMillis()),
                CustomerStanding.inGoodStanding(),
                true);
    }

    private static <T> T get(CompletionStage<T> stage) throws ExecutionException {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new ExecutionException(e);
        }
    }
}
