package dev.fila.simulation.erlang;

import java.util.OptionalInt;

/**
 * Erlang C: the M/M/n queue (Poisson arrivals at rate λ, exponential handle times of mean 1/μ, n agents,
 * nobody abandons). With a = λ/μ &lt; n, the probability of waiting is C(n, a) = n·B / (n − a(1 − B))
 * where B = B(n, a) is Erlang B, computed by its recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which stays
 * in range for any n (O(n) time, no factorials). The wait of those who wait is exponential with rate
 * nμ − λ, so the service level is 1 − C·e^{−(nμ−λ)T} and the ASA C / (nμ − λ).
 */
public final class ErlangC {

    private ErlangC() {}

    /**
     * The figures for {@code agents} agents. When a ≥ n (or n = 0 with arrivals) the queue grows without
     * bound: the result then says so ({@link ErlangResult#stable()} is false, service level 0, every
     * arrival waits, ASA +∞, occupancy 1).
     */
    public static ErlangResult evaluate(
            double arrivalsPerHour, double handleSeconds, int agents, double answerWithinSeconds) {
        ErlangInputs.check(arrivalsPerHour, handleSeconds, agents, answerWithinSeconds);
        if (arrivalsPerHour == 0) {
            return ErlangInputs.idle(agents);
        }
        double lambda = arrivalsPerHour / 3600.0;
        double mu = 1.0 / handleSeconds;
        double a = lambda * handleSeconds;
        if (!isStable(arrivalsPerHour, handleSeconds, agents)) {
            return new ErlangResult(agents, a, 0, 1, Double.POSITIVE_INFINITY, 0, 1);
        }
        double b = erlangB(agents, a);
        double c = agents * b / (agents - a * (1 - b));
        double drain = agents * mu - lambda; // per second
        double serviceLevel = 1 - c * Math.exp(-drain * answerWithinSeconds);
        return new ErlangResult(agents, a, serviceLevel, c, c / drain, 0, a / agents);
    }

    /** Whether the offered load a = λ/μ stays below the agents (else waits grow without bound). */
    public static boolean isStable(double arrivalsPerHour, double handleSeconds, int agents) {
        return arrivalsPerHour / 3600.0 * handleSeconds < agents;
    }

    /** Erlang B: the share of arrivals an M/M/n/n loss system turns away, by the stable recursion. */
    public static double erlangB(int agents, double offeredLoadErlangs) {
        double b = 1;
        for (int k = 1; k <= agents; k++) {
            b = offeredLoadErlangs * b / (k + offeredLoadErlangs * b);
        }
        return b;
    }

    /**
     * The fewest agents (0..maxAgents) whose figures meet the target (Erlang C has no abandonment, so an
     * abandonment ceiling is always met), or empty when even maxAgents do not.
     */
    public static OptionalInt fewestAgents(
            double arrivalsPerHour, double handleSeconds, StaffingTarget target, int maxAgents) {
        ErlangInputs.check(arrivalsPerHour, handleSeconds, 0, target.answerWithinSeconds());
        return FewestAgents.search(
                n -> evaluate(arrivalsPerHour, handleSeconds, n, target.answerWithinSeconds()), target, maxAgents);
    }
}
