package dev.fila.simulation.erlang;

/**
 * One staffing interval's load, as the Erlang models see it.
 *
 * @param arrivalsPerHour the interval's Poisson arrival rate
 * @param handleSeconds mean handle time
 * @param patienceSeconds mean patience; {@link Double#POSITIVE_INFINITY} for callers who never abandon,
 *     which makes the model Erlang C, any finite value Erlang A
 */
public record IntervalLoad(double arrivalsPerHour, double handleSeconds, double patienceSeconds) {

    public IntervalLoad {
        ErlangInputs.check(arrivalsPerHour, handleSeconds, 0, 0);
        if (!(patienceSeconds > 0)) {
            throw new IllegalArgumentException("patienceSeconds must be > 0 (or +∞), got " + patienceSeconds);
        }
    }

    /** A load whose callers never abandon (Erlang C). */
    public static IntervalLoad withoutAbandonment(double arrivalsPerHour, double handleSeconds) {
        return new IntervalLoad(arrivalsPerHour, handleSeconds, Double.POSITIVE_INFINITY);
    }

    /** Whether this load is Erlang A's (finite patience) rather than Erlang C's. */
    public boolean abandons() {
        return Double.isFinite(patienceSeconds);
    }

    /** The model's figures for {@code agents} agents. */
    public ErlangResult evaluate(int agents, double answerWithinSeconds) {
        return abandons()
                ? ErlangA.evaluate(arrivalsPerHour, handleSeconds, patienceSeconds, agents, answerWithinSeconds)
                : ErlangC.evaluate(arrivalsPerHour, handleSeconds, agents, answerWithinSeconds);
    }
}
