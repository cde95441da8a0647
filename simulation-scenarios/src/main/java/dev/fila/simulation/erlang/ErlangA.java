package dev.fila.simulation.erlang;

import java.util.OptionalInt;

/**
 * Erlang A (Palm's model, M/M/n+M in Garnett, Mandelbaum and Reiman): Erlang C where every waiting
 * caller also leaves after an exponential patience of mean 1/θ. Always stable.
 *
 * <p>Two computations, which the tests check against each other:
 *
 * <ul>
 *   <li>{@link #evaluate} (the one Fila uses): closed forms. With x = λ/θ, s = nμ/θ, the scaled lower
 *       incomplete gamma F(s, x) = e^x x^{−s} γ(s, x), E = 1/B(n−1, a) (Erlang B) and D = E + x·F(s, x):
 *       P(wait) = x·F(s, x)/D; P(abandon) = (1 + (x − s)·F(s, x))/D; answered within T = (E + x·F(s+1, x)
 *       − x·e^{x−y}(y/x)^{s+1}·F(s+1, y))/D with y = x·e^{−θT}. These follow from the density of the
 *       offered wait V of M/M/n+G, λ·exp(λ∫₀^t Ḡ − nμt)/D on t &gt; 0, with Ḡ(t) = e^{−θt}: a caller
 *       with offered wait V is answered (after V) when their patience exceeds it. The mean wait of the
 *       answered, E[V·e^{−θV}]/P(answered), has no incomplete-gamma form; integrating by parts gives
 *       (1/θD)·Σ_k x^k/(s(s+1)…(s+k))·Σ_{j=1..k} s/(s+j), a positive series summed in log space. Cost:
 *       O(n) for Erlang B, and for the series O(max(x − s, 0) + √max(s, x)) terms.
 *   <li>{@link #evaluateByBirthDeath}: the exact finite birth–death chain on 0..n+K callers, truncated
 *       where the stationary tail falls below e^{−60} of its peak; the service level by uniformization of
 *       the tagged caller's progress through the line (cost O(K·(Λ·T + √(Λ·T))) with Λ = nμ + (K+1)θ).
 * </ul>
 */
public final class ErlangA {

    private ErlangA() {}

    /**
     * The figures for {@code agents} agents, by the closed forms. With no agents every caller abandons
     * (ASA is then 0: nobody is answered).
     */
    public static ErlangResult evaluate(
            double arrivalsPerHour,
            double handleSeconds,
            double patienceSeconds,
            int agents,
            double answerWithinSeconds) {
        ErlangInputs.check(arrivalsPerHour, handleSeconds, agents, answerWithinSeconds);
        ErlangInputs.checkPatience(patienceSeconds);
        if (arrivalsPerHour == 0) {
            return ErlangInputs.idle(agents);
        }
        double lambda = arrivalsPerHour / 3600.0;
        double a = lambda * handleSeconds;
        if (agents == 0) {
            return new ErlangResult(0, a, 0, 1, 0, 1, 0);
        }
        double theta = 1 / patienceSeconds;
        double x = lambda * patienceSeconds;
        double s = agents * patienceSeconds / handleSeconds;

        double lnE = lnInverseErlangB(agents - 1, a);
        double lnF = IncompleteGamma.lnScaledLower(s, x);
        double lnXF = Math.log(x) + lnF;
        double lnD = LogSum.of(lnE, lnXF);

        double probabilityOfWait = Math.exp(lnXF - lnD);
        double abandonment;
        if (x < s + 1) {
            // 1 + (x − s)F cancels here; x·(F(s,x) − F(s+1,x)) is the same number as a positive series.
            abandonment = Math.exp(Math.log(x) + lnAbandonmentSeries(s, x) - lnD);
        } else {
            abandonment = Math.exp(-lnD) + (x - s) * Math.exp(lnF - lnD);
        }
        abandonment = clamp(abandonment);

        double serviceLevel = Math.exp(lnE - lnD);
        if (answerWithinSeconds > 0) {
            double y = x * Math.exp(-theta * answerWithinSeconds);
            double lnAll = Math.log(x) + IncompleteGamma.lnScaledLower(s + 1, x);
            double lnLate = Math.log(x)
                    + (x - y)
                    - (s + 1) * theta * answerWithinSeconds
                    + IncompleteGamma.lnScaledLower(s + 1, y);
            serviceLevel += Math.exp(lnAll - lnD) - Math.exp(lnLate - lnD);
        }
        serviceLevel = clamp(serviceLevel);

        double answered = 1 - abandonment;
        double meanWaitOfAnswered = answered <= 0 ? 0 : Math.exp(lnAnsweredWaitSeries(s, x) - lnD) / theta / answered;
        return new ErlangResult(
                agents,
                a,
                serviceLevel,
                probabilityOfWait,
                meanWaitOfAnswered,
                abandonment,
                Math.min(1, a * answered / agents));
    }

    /** The same figures by the exact finite birth–death chain (slower; the cross-check). */
    public static ErlangResult evaluateByBirthDeath(
            double arrivalsPerHour,
            double handleSeconds,
            double patienceSeconds,
            int agents,
            double answerWithinSeconds) {
        ErlangInputs.check(arrivalsPerHour, handleSeconds, agents, answerWithinSeconds);
        ErlangInputs.checkPatience(patienceSeconds);
        if (arrivalsPerHour == 0) {
            return ErlangInputs.idle(agents);
        }
        return BirthDeathErlangA.evaluate(
                arrivalsPerHour / 3600.0, 1 / handleSeconds, 1 / patienceSeconds, agents, answerWithinSeconds);
    }

    /**
     * The fewest agents (0..maxAgents) that meet the target, service level and abandonment ceiling both,
     * or empty when even maxAgents do not.
     */
    public static OptionalInt fewestAgents(
            double arrivalsPerHour,
            double handleSeconds,
            double patienceSeconds,
            StaffingTarget target,
            int maxAgents) {
        ErlangInputs.check(arrivalsPerHour, handleSeconds, 0, target.answerWithinSeconds());
        ErlangInputs.checkPatience(patienceSeconds);
        return FewestAgents.search(
                n -> evaluate(arrivalsPerHour, handleSeconds, patienceSeconds, n, target.answerWithinSeconds()),
                target,
                maxAgents);
    }

    /** ln(1/B(m, a)) by 1/B(k) = 1 + (k/a)·1/B(k−1), in log space so that no n overflows it. */
    static double lnInverseErlangB(int m, double a) {
        double ln = 0;
        double lnA = Math.log(a);
        for (int k = 1; k <= m; k++) {
            double z = Math.log(k) - lnA + ln;
            ln = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        return ln;
    }

    /** ln Σ_k (k+1)·x^k / (s(s+1)…(s+k+1)) = ln(F(s, x) − F(s+1, x)), for x &lt; s + 1. */
    private static double lnAbandonmentSeries(double s, double x) {
        double lnX = Math.log(x);
        double lnTerm = -Math.log(s) - Math.log(s + 1); // k = 0
        LogSum sum = new LogSum();
        sum.add(lnTerm);
        for (int k = 1; ; k++) {
            lnTerm += lnX - Math.log(s + k + 1) + Math.log((k + 1.0) / k);
            sum.add(lnTerm);
            if (k > x - s && lnTerm < sum.lnLargest() - 46) {
                return sum.ln();
            }
        }
    }

    /** ln Σ_k t_k·c_k with t_k = x^k/(s(s+1)…(s+k)) and c_k = Σ_{j=1..k} s/(s+j). */
    private static double lnAnsweredWaitSeries(double s, double x) {
        double lnX = Math.log(x);
        double lnT = -Math.log(s);
        double c = 0;
        LogSum sum = new LogSum();
        for (int k = 1; ; k++) {
            lnT += lnX - Math.log(s + k);
            c += s / (s + k);
            double lnTerm = lnT + Math.log(c);
            sum.add(lnTerm);
            if (k > x - s && lnTerm < sum.lnLargest() - 46) {
                return sum.ln();
            }
        }
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
