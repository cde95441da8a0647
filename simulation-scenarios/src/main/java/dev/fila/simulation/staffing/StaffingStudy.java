package dev.fila.simulation.staffing;

import dev.fila.engine.domain.Channel;
import dev.fila.engine.domain.calendar.BusinessCalendar;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.simulation.erlang.ErlangStaffing;
import dev.fila.simulation.erlang.ErlangStaffing.IntervalStaffing;
import dev.fila.simulation.erlang.IntervalLoad;
import dev.fila.simulation.erlang.StaffingTarget;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * {@code fila staff}: the fewest agents per queue and interval that meet a scenario's service-level
 * target under the full rules. Erlang C and Erlang A are computed per interval (each interval its own
 * steady state); Erlang A's agents (Erlang C's when customers never leave), who serve one customer at a
 * time, are turned into the scenario's kind of agent ({@link AgentTemplate}: up to maxChats chats, voice
 * and video exclusive, R2) as {@code ceil(n × (chatShare ÷ maxChats + 1 − chatShare))}; from there
 * {@link StaffingSearch} confirms and corrects by simulation ({@link SimulatedEvaluator}, common random
 * numbers). Queues that take no share of the load, and intervals in which a queue is closed (R7), get
 * no agents.
 */
public final class StaffingStudy {

    /** Erlang's columns search this far (one-at-a-time agents can be many). */
    private static final int ERLANG_MAX_AGENTS = 100_000;

    /**
     * @param threads threads to simulate on (the result does not depend on it)
     * @param maxChats the kind of agent to plan in; 0 for the scenario's ({@link AgentTemplate#of})
     */
    public record Options(StaffingSearch.Options search, int threads, int maxChats) {}

    private StaffingStudy() {}

    /** Runs the search; {@code progress} is told the replications run so far, from worker threads. */
    public static StaffingResult run(Scenario scenario, Options options, IntConsumer progress) {
        List<String> queueIds = new ArrayList<>();
        for (QueueSettings q : scenario.queues()) {
            queueIds.add(q.queueId());
        }
        int intervals = scenario.intervalCount();
        Scenario.ServiceLevel sl = scenario.serviceLevel();
        StaffingSearch.Target target = new StaffingSearch.Target(sl.target(), sl.maxAbandonment());
        StaffingTarget erlangTarget =
                new StaffingTarget(sl.answerWithinMillis() / 1000.0, sl.target(), sl.maxAbandonment());

        Map<String, AgentTemplate> templates = new LinkedHashMap<>();
        boolean[][] open = new boolean[queueIds.size()][intervals];
        List<List<IntervalStaffing>> erlangC = new ArrayList<>();
        List<List<IntervalStaffing>> erlangA = new ArrayList<>();
        int[][] start = new int[queueIds.size()][intervals];
        double chatShare = chatShare(scenario.load().channelMix());
        for (int q = 0; q < queueIds.size(); q++) {
            String queueId = queueIds.get(q);
            QueueSettings settings = scenario.queues().get(q);
            AgentTemplate template = options.maxChats() > 0
                    ? new AgentTemplate(queueId, options.maxChats())
                    : AgentTemplate.of(scenario, queueId);
            templates.put(queueId, template);
            boolean hasShare = scenario.load().queueMix().getOrDefault(queueId, 0.0) > 0;
            List<IntervalLoad> loads = hasShare ? ScenarioLoads.perInterval(scenario, queueId) : zeroLoads(scenario);
            List<IntervalLoad> withoutAbandonment = loads.stream()
                    .map(l -> IntervalLoad.withoutAbandonment(l.arrivalsPerHour(), l.handleSeconds()))
                    .toList();
            erlangC.add(ErlangStaffing.perInterval(withoutAbandonment, erlangTarget, ERLANG_MAX_AGENTS));
            erlangA.add(ErlangStaffing.perInterval(loads, erlangTarget, ERLANG_MAX_AGENTS));
            double perCustomer = chatShare / template.maxChats() + (1 - chatShare);
            for (int i = 0; i < intervals; i++) {
                open[q][i] = hasShare && isOpen(settings.calendar(), scenario, i);
                start[q][i] = open[q][i] ? (int) Math.ceil(erlangA.get(q).get(i).agents() * perCustomer - 1e-9) : 0;
            }
        }
        StaffingPlan startPlan = new StaffingPlan(queueIds, start);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try (SimulatedEvaluator evaluator = new SimulatedEvaluator(
                scenario, templates, options.threads(), n -> progress.accept(done.addAndGet(n)))) {
            StaffingSearch.Outcome outcome =
                    StaffingSearch.search(startPlan, open, target, options.search(), evaluator);
            RunSummary summary = evaluator.summary(outcome.plan(), outcome.replications());
            return new StaffingResult(
                    scenario,
                    target,
                    queueIds,
                    templates,
                    open,
                    erlangC,
                    erlangA,
                    startPlan,
                    outcome,
                    summary,
                    evaluator.replicationsRun(),
                    evaluator.plansEvaluated());
        }
    }

    /** R7: the queue takes arrivals at some time in interval i. */
    static boolean isOpen(BusinessCalendar calendar, Scenario scenario, int interval) {
        long s = scenario.startMillis() + interval * scenario.intervalMillis();
        long e = Math.min(scenario.startMillis() + scenario.horizonMillis(), s + scenario.intervalMillis());
        return calendar.isOpen(s) || calendar.nextOpening(s) < e;
    }

    /** The share of arrivals that are chats (the rest, voice and video, take a whole agent, R2). */
    static double chatShare(Map<Channel, Double> mix) {
        double total = 0;
        for (double v : mix.values()) {
            total += v;
        }
        return total <= 0 ? 1.0 : mix.getOrDefault(Channel.CHAT, 0.0) / total;
    }

    private static List<IntervalLoad> zeroLoads(Scenario scenario) {
        List<IntervalLoad> loads = new ArrayList<>();
        double handleSeconds = scenario.load().handleTime().meanMillis() / 1000.0;
        for (int i = 0; i < scenario.intervalCount(); i++) {
            loads.add(IntervalLoad.withoutAbandonment(0, handleSeconds));
        }
        return loads;
    }
}
