package dev.fila.simulation.staffing;

import dev.fila.simulation.erlang.IntervalLoad;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The load a scenario offers each queue in each interval, in the terms Erlang's formulas take: the
 * arrival rate of the interval times the queue's share, the mean handle time, and the mean patience
 * (infinite when customers never leave, which makes it Erlang C).
 */
public final class ScenarioLoads {

    private ScenarioLoads() {}

    /** One {@link IntervalLoad} per interval of the scenario, for {@code queueId}. */
    public static List<IntervalLoad> perInterval(Scenario scenario, String queueId) {
        Scenario.Load load = scenario.load();
        double share = shareOf(load.queueMix(), queueId);
        double handleSeconds = load.handleTime().meanMillis() / 1000.0;
        double patienceSeconds = load.patience() == null
                ? Double.POSITIVE_INFINITY
                : load.patience().meanMillis() / 1000.0;
        List<IntervalLoad> loads = new ArrayList<>(scenario.intervalCount());
        for (int i = 0; i < scenario.intervalCount(); i++) {
            loads.add(new IntervalLoad(load.ratePerHour(i) * share, handleSeconds, patienceSeconds));
        }
        return loads;
    }

    private static double shareOf(Map<String, Double> mix, String queueId) {
        double total = 0;
        for (double s : mix.values()) {
            total += s;
        }
        Double share = mix.get(queueId);
        if (share == null || total <= 0) {
            throw new IllegalArgumentException("queue " + queueId + " takes no share of the load");
        }
        return share / total;
    }
}
