package dev.fila.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fila.simulation.erlang.ErlangA;
import dev.fila.simulation.erlang.ErlangC;
import dev.fila.simulation.erlang.ErlangResult;
import dev.fila.simulation.erlang.StaffingTarget;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fila erlang c|a …}: Erlang C or Erlang A for one interval, printed alone as JSON, either for a
 * given number of agents or, with {@code --target-service-level}, for the fewest that meet it.
 *
 * <p>Exit codes: 0 with the JSON on stdout; 1 when there is no finite answer (an Erlang C queue with
 * λ/μ ≥ n, whose waits grow without bound, or a target no staffing up to {@code --max-agents} meets);
 * 2 for a bad or missing option, named in the message.
 */
@Command(
        name = "erlang",
        description = "Erlang C or Erlang A figures for one interval, as JSON.",
        subcommands = {ErlangCommand.C.class, ErlangCommand.A.class})
final class ErlangCommand implements Runnable {

    static final int NO_ANSWER = 1;
    static final int BAD_OPTION = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say which model: 'erlang c' or 'erlang a'");
    }

    /** The options both models share. */
    static final class Load {
        @Option(
                names = "--arrivals-per-hour",
                required = true,
                paramLabel = "R",
                description = "Poisson arrival rate per hour (>= 0).")
        double arrivalsPerHour;

        @Option(
                names = "--handle-seconds",
                required = true,
                paramLabel = "H",
                description = "Mean handle time in seconds (> 0).")
        double handleSeconds;

        @Option(
                names = "--answer-within-seconds",
                required = true,
                paramLabel = "T",
                description = "Service-level threshold: answered within T seconds (>= 0).")
        double answerWithinSeconds;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Staffing staffing;

        @Option(
                names = "--max-agents",
                defaultValue = "10000",
                paramLabel = "N",
                description = "With --target-service-level: the most agents to consider (default ${DEFAULT-VALUE}).")
        int maxAgents;
    }

    /** Either the agents to evaluate or the target to staff for. */
    static final class Staffing {
        @Option(names = "--agents", paramLabel = "N", description = "Agents staffed (>= 1).")
        Integer agents;

        @Option(
                names = "--target-service-level",
                paramLabel = "S",
                description = "Find the fewest agents whose service level is at least S (0..1).")
        Double targetServiceLevel;
    }

    /** A user's mistake in an option: named, printed, exit 2. */
    private static final class BadOption extends RuntimeException {
        BadOption(String option, String message) {
            super("option '" + option + "': " + message);
        }
    }

    @Command(name = "c", description = "Erlang C (M/M/n): nobody abandons.")
    static final class C implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Load load;

        @Override
        public Integer call() {
            return answer(spec, load, Double.NaN, 1.0);
        }
    }

    @Command(name = "a", description = "Erlang A (M/M/n+M): callers abandon after an exponential patience.")
    static final class A implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Load load;

        @Option(
                names = "--patience-seconds",
                required = true,
                paramLabel = "P",
                description = "Mean patience in seconds (> 0).")
        double patienceSeconds;

        @Option(
                names = "--max-abandonment-rate",
                paramLabel = "X",
                defaultValue = "1",
                description = "With --target-service-level: also keep abandonment at most X (0..1).")
        double maxAbandonmentRate;

        @Override
        public Integer call() {
            return answer(spec, load, patienceSeconds, maxAbandonmentRate);
        }
    }

    /** Erlang C when patience is NaN, else Erlang A. */
    private static int answer(CommandSpec spec, Load load, double patienceSeconds, double maxAbandonmentRate) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean erlangA = !Double.isNaN(patienceSeconds);
        try {
            check(load, patienceSeconds, maxAbandonmentRate);
        } catch (BadOption e) {
            err.println("fila erlang: " + e.getMessage());
            err.flush();
            return BAD_OPTION;
        }
        ErlangResult result;
        ObjectNode json = MAPPER.createObjectNode();
        json.put("model", erlangA ? "A" : "C");
        json.put("arrivalsPerHour", load.arrivalsPerHour);
        json.put("handleSeconds", load.handleSeconds);
        if (erlangA) {
            json.put("patienceSeconds", patienceSeconds);
        }
        json.put("answerWithinSeconds", load.answerWithinSeconds);
        if (load.staffing.agents != null) {
            int n = load.staffing.agents;
            result = erlangA
                    ? ErlangA.evaluate(
                            load.arrivalsPerHour, load.handleSeconds, patienceSeconds, n, load.answerWithinSeconds)
                    : ErlangC.evaluate(load.arrivalsPerHour, load.handleSeconds, n, load.answerWithinSeconds);
        } else {
            StaffingTarget target =
                    new StaffingTarget(load.answerWithinSeconds, load.staffing.targetServiceLevel, maxAbandonmentRate);
            OptionalInt fewest = erlangA
                    ? ErlangA.fewestAgents(
                            load.arrivalsPerHour, load.handleSeconds, patienceSeconds, target, load.maxAgents)
                    : ErlangC.fewestAgents(load.arrivalsPerHour, load.handleSeconds, target, load.maxAgents);
            if (fewest.isEmpty()) {
                err.println(String.format(
                        Locale.ROOT,
                        "fila erlang: no staffing up to --max-agents %d meets a service level of %s within %s s%s"
                                + " (the offered load is %.4g erlangs)",
                        load.maxAgents,
                        load.staffing.targetServiceLevel,
                        load.answerWithinSeconds,
                        maxAbandonmentRate < 1 ? " with abandonment at most " + maxAbandonmentRate : "",
                        load.arrivalsPerHour / 3600.0 * load.handleSeconds));
                err.flush();
                return NO_ANSWER;
            }
            json.put("targetServiceLevel", load.staffing.targetServiceLevel);
            if (erlangA && maxAbandonmentRate < 1) {
                json.put("maxAbandonmentRate", maxAbandonmentRate);
            }
            int n = fewest.getAsInt();
            result = erlangA
                    ? ErlangA.evaluate(
                            load.arrivalsPerHour, load.handleSeconds, patienceSeconds, n, load.answerWithinSeconds)
                    : ErlangC.evaluate(load.arrivalsPerHour, load.handleSeconds, n, load.answerWithinSeconds);
        }
        if (!result.stable()) {
            err.println(String.format(
                    Locale.ROOT,
                    "fila erlang: unstable: the offered load λ/μ = %.4g erlangs is not below %d agents, so the"
                            + " queue grows without bound and Erlang C's waits are infinite; staff more than %d"
                            + " agents, or use 'erlang a' with a patience",
                    result.offeredLoadErlangs(),
                    result.agents(),
                    (int) Math.floor(result.offeredLoadErlangs())));
            err.flush();
            return NO_ANSWER;
        }
        json.put("agents", result.agents());
        json.put("offeredLoadErlangs", result.offeredLoadErlangs());
        json.put("serviceLevel", result.serviceLevel());
        json.put("probabilityOfWait", result.probabilityOfWait());
        json.put("averageSpeedOfAnswerSeconds", result.averageSpeedOfAnswerSeconds());
        json.put("abandonmentRate", result.abandonmentRate());
        json.put("occupancy", result.occupancy());
        out.println(json.toPrettyString());
        out.flush();
        return 0;
    }

    private static void check(Load load, double patienceSeconds, double maxAbandonmentRate) {
        if (!(load.arrivalsPerHour >= 0) || Double.isInfinite(load.arrivalsPerHour)) {
            throw new BadOption("--arrivals-per-hour", "must be a finite number >= 0, got " + load.arrivalsPerHour);
        }
        if (!(load.handleSeconds > 0) || Double.isInfinite(load.handleSeconds)) {
            throw new BadOption("--handle-seconds", "must be a finite number > 0, got " + load.handleSeconds);
        }
        if (!(load.answerWithinSeconds >= 0) || Double.isInfinite(load.answerWithinSeconds)) {
            throw new BadOption(
                    "--answer-within-seconds", "must be a finite number >= 0, got " + load.answerWithinSeconds);
        }
        if (load.staffing.agents != null && load.staffing.agents < 1) {
            throw new BadOption("--agents", "must be at least 1, got " + load.staffing.agents);
        }
        Double target = load.staffing.targetServiceLevel;
        if (target != null && !(target > 0 && target <= 1)) {
            throw new BadOption("--target-service-level", "must lie in (0, 1], got " + target);
        }
        if (load.maxAgents < 1) {
            throw new BadOption("--max-agents", "must be at least 1, got " + load.maxAgents);
        }
        if (!Double.isNaN(patienceSeconds) && (!(patienceSeconds > 0) || Double.isInfinite(patienceSeconds))) {
            throw new BadOption("--patience-seconds", "must be a finite number > 0, got " + patienceSeconds);
        }
        if (!(maxAbandonmentRate >= 0 && maxAbandonmentRate <= 1)) {
            throw new BadOption("--max-abandonment-rate", "must lie in [0, 1], got " + maxAbandonmentRate);
        }
    }
}
