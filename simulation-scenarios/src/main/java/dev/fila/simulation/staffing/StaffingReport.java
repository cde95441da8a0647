package dev.fila.simulation.staffing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fila.simulation.RequestRecord;
import dev.fila.simulation.erlang.ErlangStaffing.IntervalStaffing;
import dev.fila.simulation.figures.Estimate;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Distribution;
import dev.fila.simulation.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The staffing search's output: the table per interval printed by {@code fila staff}, with agent-hour
 * totals and a "why they differ" section computed from the result; and the files {@code staffing.csv},
 * {@code staffing.json} (fields in a fixed order) and {@code plan.yaml} (the {@code staffing:} block to
 * paste into the scenario file).
 */
public final class StaffingReport {

    private StaffingReport() {}

    /** The table, totals and reasons, as printed. */
    public static String text(StaffingResult r) {
        Scenario sc = r.scenario();
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "staffing for %s: the fewest agents per %s interval with service level >= %.0f%% within %ds%s,"
                        + " judged by the mean of %d replications (seed %d); ± is the 95%% confidence half-width%n",
                sc.name(),
                duration(sc.intervalMillis()),
                100 * r.target().serviceLevel(),
                sc.serviceLevel().answerWithinMillis() / 1000,
                r.target().maxAbandonment() < 1
                        ? String.format(
                                Locale.ROOT,
                                " and abandonment <= %.1f%%",
                                100 * r.target().maxAbandonment())
                        : "",
                r.search().replications(),
                sc.seed()));
        for (int q = 0; q < r.queueIds().size(); q++) {
            String queue = r.queueIds().get(q);
            AgentTemplate t = r.templates().get(queue);
            b.append(String.format(
                    Locale.ROOT,
                    "%nqueue %s — Fila's agents serve up to %d chat(s) at once, voice/video one at a time (R2);"
                            + " Erlang's serve one customer at a time%n",
                    queue,
                    t.maxChats()));
            b.append(String.format(
                    Locale.ROOT,
                    "%-11s %9s %8s %8s %6s %15s %12s %13s%n",
                    "interval",
                    "arrivals/h",
                    "ErlangC",
                    "ErlangA",
                    "Fila",
                    "service level",
                    "ASA (s)",
                    "abandonment"));
            for (int i = 0; i < sc.intervalCount(); i++) {
                IntervalStaffing c = r.erlangC().get(q).get(i);
                IntervalStaffing a = r.erlangA().get(q).get(i);
                if (!r.open()[q][i]) {
                    b.append(String.format(
                            Locale.ROOT,
                            "%-11s %9.1f %8d %8d %6d   closed (R7)%n",
                            time(sc, i),
                            a.load().arrivalsPerHour(),
                            c.agents(),
                            a.agents(),
                            r.plan().agents(q, i)));
                    continue;
                }
                b.append(String.format(
                        Locale.ROOT,
                        "%-11s %9.1f %8s %8s %6d %15s %12s %13s%s%n",
                        time(sc, i),
                        a.load().arrivalsPerHour(),
                        c.targetMet() ? Integer.toString(c.agents()) : ">" + c.agents(),
                        a.targetMet() ? Integer.toString(a.agents()) : ">" + a.agents(),
                        r.plan().agents(q, i),
                        r.search().figures().serviceLevel()[q][i].asPercent(),
                        r.search().figures().averageSpeedOfAnswerSeconds()[q][i].formatted(1),
                        r.search().figures().abandonmentRate()[q][i].asPercent(),
                        StaffingSearch.meets(r.search().figures(), r.open(), r.target(), q, i) ? "" : "  MISSED"));
            }
            b.append(String.format(
                    Locale.ROOT,
                    "agent-hours %9s %8.1f %8.1f %6.1f%n",
                    "",
                    erlangHours(r, r.erlangC().get(q), q, false),
                    erlangHours(r, r.erlangA().get(q), q, false),
                    r.plan().agentHours(q, sc.intervalMillis(), sc.horizonMillis())));
        }
        b.append(String.format(
                Locale.ROOT,
                "%nsearch: %d plans simulated, %d replications in all; %d raise steps and %d cuts from Erlang A's start%n",
                r.plansSimulated(),
                r.replicationsRun(),
                r.search().raises(),
                r.search().cuts()));
        if (!r.feasible()) {
            b.append(String.format(
                    Locale.ROOT,
                    "CANNOT MEET THE TARGET: queue %s, interval %s misses it even with %d agents (--max-agents)%n",
                    r.queueIds().get(r.search().missedQueue()),
                    time(sc, r.search().missedInterval()),
                    r.plan().agents(r.search().missedQueue(), r.search().missedInterval())));
            return b.toString();
        }
        b.append(String.format("%nwhy they differ%n"));
        for (String line : reasons(r)) {
            b.append("- ").append(line).append(String.format("%n"));
        }
        return b.toString();
    }

    /** The reasons Fila's plan differs from Erlang's, each computed from the result. */
    public static List<String> reasons(StaffingResult r) {
        Scenario sc = r.scenario();
        RunSummary s = r.summary();
        List<String> lines = new ArrayList<>();
        double chat = StaffingStudy.chatShare(sc.load().channelMix());
        for (int q = 0; q < r.queueIds().size(); q++) {
            String queue = r.queueIds().get(q);
            int m = r.templates().get(queue).maxChats();
            double filaHours = r.plan().agentHours(q, sc.intervalMillis(), sc.horizonMillis());
            double erlangAHours = erlangHours(r, r.erlangA().get(q), q, true);
            double offered = 0;
            for (int i = 0; i < sc.intervalCount(); i++) {
                IntervalStaffing a = r.erlangA().get(q).get(i);
                if (r.open()[q][i]) {
                    offered += a.load().arrivalsPerHour() * a.load().handleSeconds() / 3600.0 * intervalHours(sc, i);
                }
            }
            String prefix = r.queueIds().size() > 1 ? "queue " + queue + ": " : "";
            lines.add(String.format(
                    Locale.ROOT,
                    "%schats at once (R2): %.0f%% of arrivals are chats and Fila's agents take up to %d; the open"
                            + " intervals offer %.1f erlang-hours of work, %.2f per agent-hour for Erlang A's"
                            + " one-at-a-time agents (%.1f agent-hours) and %.2f for Fila's (%.1f agent-hours, %+.0f%%)",
                    prefix,
                    100 * chat,
                    m,
                    offered,
                    erlangAHours > 0 ? offered / erlangAHours : Double.NaN,
                    erlangAHours,
                    filaHours > 0 ? offered / filaHours : Double.NaN,
                    filaHours,
                    erlangAHours > 0 ? 100 * (filaHours / erlangAHours - 1) : Double.NaN));
            int above = 0;
            int below = 0;
            for (int i = 0; i < sc.intervalCount(); i++) {
                int d = r.plan().agents(q, i) - r.start().agents(q, i);
                above += d > 0 && r.open()[q][i] ? 1 : 0;
                below += d < 0 && r.open()[q][i] ? 1 : 0;
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "%sthe simulation raised %d and lowered %d intervals against Erlang A's start turned into"
                            + " %d-chat agents (%.1f agent-hours): each interval is not its own steady state —"
                            + " a queue starts empty, backlog carries over, staffing changes mid-queue",
                    prefix,
                    above,
                    below,
                    m,
                    r.start().agentHours(q, sc.intervalMillis(), sc.horizonMillis())));
            int closed = 0;
            double erlangClosedHours = 0;
            for (int i = 0; i < sc.intervalCount(); i++) {
                if (!r.open()[q][i]) {
                    closed++;
                    erlangClosedHours += r.erlangA().get(q).get(i).agents() * intervalHours(sc, i);
                }
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "%sbusiness hours (R7): %d of %d intervals closed, staffed with 0 (Erlang A, blind to the hours,"
                            + " would staff %.1f agent-hours in them)",
                    prefix,
                    closed,
                    sc.intervalCount(),
                    erlangClosedHours));
            Estimate expired = s.overall(queue, Metric.INVITATIONS_EXPIRED);
            Estimate penalties = s.overall(queue, Metric.PENALTIES_APPLIED);
            Estimate served = s.overall(queue, Metric.SERVED);
            long timeout = sc.queues().get(q).acceptTimeoutMillis();
            Distribution delay = sc.load().acceptDelay();
            double heldHours = expired.mean() * timeout / 3.6e6;
            double delayHours = served.mean() * (delay == null ? 0 : delay.meanMillis()) / 3.6e6;
            lines.add(String.format(
                    Locale.ROOT,
                    "%sinvitations (R11): %s invitations ran out and %s penalties were applied per run of the plan;"
                            + " unanswered invitations held agents' slots for %.1f slot-hours and answered ones for"
                            + " about %.1f more (acceptance delay), of %.1f slot-hours online — work Erlang does not see",
                    prefix,
                    expired.formatted(1),
                    penalties.formatted(1),
                    heldHours,
                    delayHours,
                    filaHours * m));
        }
        lines.add(priorities(r));
        lines.add(String.format(
                Locale.ROOT,
                "customers who step away (R9) and expire (R14): %s expiries and %s renewals per run; abandonment"
                        + " overall %s (Erlang A assumes exponential patience and nothing else)",
                s.overall("all", Metric.EXPIRIES).formatted(1),
                s.overall("all", Metric.RENEWALS).formatted(1),
                s.overall("all", Metric.ABANDONMENT_RATE).asPercent()));
        return lines;
    }

    private static String priorities(StaffingResult r) {
        long within = r.scenario().serviceLevel().answerWithinMillis();
        long[] arrivals = new long[2];
        long[] answered = new long[2];
        for (RequestRecord rec : r.summary().first().requests()) {
            int k = rec.priority() > 0 ? 1 : 0;
            arrivals[k]++;
            if (rec.outcome() == RequestRecord.Outcome.SERVED && rec.waitMillis() <= within) {
                answered[k]++;
            }
        }
        if (arrivals[1] == 0) {
            return "priorities (R19): no priority customers in the load, so priorities change nothing here";
        }
        return String.format(
                Locale.ROOT,
                "priorities (R19): %.0f%% of arrivals are priority customers; in the first replication of the plan"
                        + " %.1f%% of them and %.1f%% of the others were answered within %ds — the plan is sized"
                        + " for all arrivals together, priority shifts the wait onto the others",
                100.0 * arrivals[1] / (arrivals[0] + arrivals[1]),
                100.0 * answered[1] / arrivals[1],
                arrivals[0] == 0 ? Double.NaN : 100.0 * answered[0] / arrivals[0],
                within / 1000);
    }

    /** Writes {@code staffing.csv}, {@code staffing.json} and {@code plan.yaml} into {@code dir}. */
    public static void write(StaffingResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("staffing.csv"), csv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("staffing.json"), json(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("plan.yaml"), planYaml(r), StandardCharsets.UTF_8);
    }

    /** One row per queue and interval. */
    public static String csv(StaffingResult r) {
        Scenario sc = r.scenario();
        StringBuilder b = new StringBuilder(
                "queue,intervalStart,open,arrivalsPerHour,erlangC,erlangA,start,agents,maxChats,serviceLevel,"
                        + "serviceLevel_ci,averageSpeedOfAnswerSeconds,averageSpeedOfAnswerSeconds_ci,"
                        + "abandonmentRate,abandonmentRate_ci,meets\n");
        PlanFigures f = r.search().figures();
        for (int q = 0; q < r.queueIds().size(); q++) {
            for (int i = 0; i < sc.intervalCount(); i++) {
                b.append(String.join(
                                ",",
                                r.queueIds().get(q),
                                localStart(sc, i),
                                Boolean.toString(r.open()[q][i]),
                                number(r.erlangA().get(q).get(i).load().arrivalsPerHour()),
                                Integer.toString(r.erlangC().get(q).get(i).agents()),
                                Integer.toString(r.erlangA().get(q).get(i).agents()),
                                Integer.toString(r.start().agents(q, i)),
                                Integer.toString(r.plan().agents(q, i)),
                                Integer.toString(
                                        r.templates().get(r.queueIds().get(q)).maxChats()),
                                number(f.serviceLevel()[q][i].mean()),
                                number(f.serviceLevel()[q][i].halfWidth()),
                                number(f.averageSpeedOfAnswerSeconds()[q][i].mean()),
                                number(f.averageSpeedOfAnswerSeconds()[q][i].halfWidth()),
                                number(f.abandonmentRate()[q][i].mean()),
                                number(f.abandonmentRate()[q][i].halfWidth()),
                                Boolean.toString(StaffingSearch.meets(f, r.open(), r.target(), q, i))))
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** The result as JSON, fields in a fixed order; NaN (undefined) as null. */
    public static String json(StaffingResult r) {
        Scenario sc = r.scenario();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", sc.name());
        root.put("seed", sc.seed());
        root.put("intervalMinutes", sc.intervalMillis() / 60_000.0);
        ObjectNode target = root.putObject("target");
        target.put("answerWithinSeconds", sc.serviceLevel().answerWithinMillis() / 1000.0);
        target.put("serviceLevel", r.target().serviceLevel());
        target.put("maxAbandonmentRate", r.target().maxAbandonment());
        target.put("judgedBy", "mean over replications");
        root.put("feasible", r.feasible());
        if (!r.feasible()) {
            ObjectNode missed = root.putObject("cannotMeet");
            missed.put("queue", r.queueIds().get(r.search().missedQueue()));
            missed.put("intervalStart", localStart(sc, r.search().missedInterval()));
            missed.put(
                    "agents",
                    r.plan().agents(r.search().missedQueue(), r.search().missedInterval()));
        }
        root.put("replications", r.search().replications());
        root.put("replicationsRun", r.replicationsRun());
        root.put("plansSimulated", r.plansSimulated());
        ArrayNode queues = root.putArray("queues");
        PlanFigures f = r.search().figures();
        for (int q = 0; q < r.queueIds().size(); q++) {
            ObjectNode qn = queues.addObject();
            qn.put("queue", r.queueIds().get(q));
            qn.put("maxChats", r.templates().get(r.queueIds().get(q)).maxChats());
            qn.put("agentHours", r.plan().agentHours(q, sc.intervalMillis(), sc.horizonMillis()));
            qn.put("erlangCAgentHours", erlangHours(r, r.erlangC().get(q), q, false));
            qn.put("erlangAAgentHours", erlangHours(r, r.erlangA().get(q), q, false));
            ArrayNode rows = qn.putArray("intervals");
            for (int i = 0; i < sc.intervalCount(); i++) {
                ObjectNode row = rows.addObject();
                row.put("start", localStart(sc, i));
                row.put("open", r.open()[q][i]);
                row.put("arrivalsPerHour", r.erlangA().get(q).get(i).load().arrivalsPerHour());
                row.put("erlangC", r.erlangC().get(q).get(i).agents());
                row.put("erlangA", r.erlangA().get(q).get(i).agents());
                row.put("start_agents", r.start().agents(q, i));
                row.put("agents", r.plan().agents(q, i));
                estimate(row.putObject("serviceLevel"), f.serviceLevel()[q][i]);
                estimate(row.putObject("averageSpeedOfAnswerSeconds"), f.averageSpeedOfAnswerSeconds()[q][i]);
                estimate(row.putObject("abandonmentRate"), f.abandonmentRate()[q][i]);
            }
        }
        if (r.feasible()) {
            ArrayNode why = root.putArray("whyTheyDiffer");
            reasons(r).forEach(why::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code staffing:} block for the scenario file, one count per interval. */
    public static String planYaml(StaffingResult r) {
        Scenario sc = r.scenario();
        StringBuilder b = new StringBuilder();
        b.append("# fila staff ")
                .append(sc.name())
                .append(": agents online per ")
                .append(duration(sc.intervalMillis()))
                .append(" interval from ")
                .append(sc.start())
                .append(", the fewest whose mean service level over ")
                .append(r.search().replications())
                .append(" replications meets the target")
                .append(r.feasible() ? "" : " (NOT MET: see staffing.json)")
                .append(".\n# Paste in place of the scenario's agents, shifts and staffing.\nstaffing:\n");
        for (int q = 0; q < r.queueIds().size(); q++) {
            String queue = r.queueIds().get(q);
            int[] agents = r.plan().agents(q);
            if (java.util.Arrays.stream(agents).allMatch(n -> n == 0)) {
                continue;
            }
            b.append("  ").append(queue).append(": {plan: [");
            for (int i = 0; i < agents.length; i++) {
                b.append(i == 0 ? "" : ", ").append(agents[i]);
            }
            b.append("], maxChats: ")
                    .append(r.templates().get(queue).maxChats())
                    .append("}\n");
        }
        return b.toString();
    }

    private static void estimate(ObjectNode node, Estimate e) {
        putNumber(node, "mean", e.mean());
        putNumber(node, "halfWidth", e.halfWidth());
        node.put("replications", e.n());
    }

    private static void putNumber(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }

    /** Agent-hours of an Erlang column; {@code openOnly} leaves out closed intervals. */
    private static double erlangHours(StaffingResult r, List<IntervalStaffing> column, int q, boolean openOnly) {
        double hours = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!openOnly || r.open()[q][i]) {
                hours += column.get(i).agents() * intervalHours(r.scenario(), i);
            }
        }
        return hours;
    }

    private static double intervalHours(Scenario sc, int i) {
        return Math.min(sc.intervalMillis(), sc.horizonMillis() - i * sc.intervalMillis()) / 3.6e6;
    }

    private static String localStart(Scenario sc, int i) {
        return Instant.ofEpochMilli(sc.startMillis() + i * sc.intervalMillis())
                .atZone(sc.timeZone())
                .toLocalDateTime()
                .toString();
    }

    private static String time(Scenario sc, int i) {
        String pattern = sc.horizonMillis() <= 86_400_000L ? "HH:mm" : "MM-dd HH:mm";
        return Instant.ofEpochMilli(sc.startMillis() + i * sc.intervalMillis())
                .atZone(sc.timeZone())
                .format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    private static String duration(long millis) {
        return millis % 3_600_000L == 0
                ? millis / 3_600_000L + "h"
                : millis % 60_000L == 0 ? millis / 60_000L + "m" : millis / 1000.0 + "s";
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
