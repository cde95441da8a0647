package dev.fila.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link SimulationResult} as JSON with a fixed field order, figures rounded to six decimals,
 * and nothing machine dependent (no wall-clock time, no hash-ordered map): the same scenario and seed
 * give a byte-identical file. The per-request records go to a CSV file beside it.
 */
public final class ResultWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {}

    /** The summary document. */
    public static String json(SimulationResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("seed", r.seed());
        root.put("horizonSeconds", r.horizonMillis() / 1000.0);
        root.put("arrivals", r.arrivals());
        root.put("served", r.served());
        root.put("abandoned", r.abandoned());
        root.put("expired", r.expired());
        root.put("rejected", r.rejected());
        root.put("waitingAtEnd", r.waitingAtEnd());
        root.put("inServiceAtEnd", r.inServiceAtEnd());
        ObjectNode sl = root.putObject("serviceLevel");
        sl.put("answerWithinSeconds", r.answerWithinMillis() / 1000.0);
        sl.put("target", round(r.serviceLevelTarget()));
        sl.put("achieved", round(r.serviceLevel()));
        sl.put("met", r.serviceLevel() >= r.serviceLevelTarget());
        root.put("averageSpeedOfAnswerSeconds", round(r.averageSpeedOfAnswerMillis() / 1000.0));
        root.put("abandonmentRate", round(r.abandonmentRate()));
        root.put("longestWaitSeconds", r.longestWaitMillis() / 1000.0);
        root.put("invitationsExpired", r.invitationsExpired());
        root.put("penaltiesApplied", r.penaltiesApplied());
        root.put("agentOccupancy", round(r.agentOccupancy()));
        ObjectNode kernel = root.putObject("kernel");
        kernel.put("eventsProcessed", r.eventsProcessed());
        kernel.put("staleTimers", r.staleTimers());
        kernel.put("internalRejections", r.internalRejections());
        kernel.put("externalRejections", r.externalRejections());
        ArrayNode queues = root.putArray("queues");
        for (SimulationResult.QueueFigures q : r.queues()) {
            ObjectNode n = queues.addObject();
            n.put("id", q.queueId());
            n.put("arrivals", q.arrivals());
            n.put("served", q.served());
            n.put("abandoned", q.abandoned());
            n.put("expired", q.expired());
            n.put("rejected", q.rejected());
            n.put("waitingAtEnd", q.waitingAtEnd());
            n.put("serviceLevel", round(q.serviceLevel()));
            n.put("averageSpeedOfAnswerSeconds", round(q.averageSpeedOfAnswerMillis() / 1000.0));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The per-request records, one CSV line each, in arrival order. */
    public static String csv(SimulationResult r) {
        StringBuilder b = new StringBuilder(
                "requestId,protocol,queue,channel,priority,arrivalMs,outcome,waitMs,serviceStartMs,serviceEndMs,penalties,agent,reason\n");
        for (RequestRecord x : r.requests()) {
            b.append(x.requestId())
                    .append(',')
                    .append(x.protocol())
                    .append(',')
                    .append(x.queueId())
                    .append(',')
                    .append(x.channel().name().toLowerCase(Locale.ROOT))
                    .append(',')
                    .append(x.priority())
                    .append(',')
                    .append(x.arrivalMillis())
                    .append(',')
                    .append(x.outcome().name().toLowerCase(Locale.ROOT))
                    .append(',')
                    .append(x.waitMillis())
                    .append(',')
                    .append(x.serviceStartMillis())
                    .append(',')
                    .append(x.serviceEndMillis())
                    .append(',')
                    .append(x.penalties())
                    .append(',')
                    .append(x.agentId())
                    .append(',')
                    .append(x.reason().replace(',', ';'))
                    .append('\n');
        }
        return b.toString();
    }

    /** Writes {@code summary} JSON to {@code file} and the records to {@code requests.csv} beside it. */
    public static void write(SimulationResult r, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(file, json(r), StandardCharsets.UTF_8);
        Files.writeString(
                dir == null ? Path.of("requests.csv") : dir.resolve("requests.csv"), csv(r), StandardCharsets.UTF_8);
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
