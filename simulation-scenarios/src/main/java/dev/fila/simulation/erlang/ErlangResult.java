package dev.fila.simulation.erlang;

/**
 * What Erlang C or Erlang A says about one staffing level (definitions in the package documentation).
 *
 * @param agents n, the agents staffed
 * @param offeredLoadErlangs a = λ/μ, arrivals per hour × handle hours
 * @param serviceLevel answered within T ÷ all arrivals
 * @param probabilityOfWait P(an arrival finds every agent busy)
 * @param averageSpeedOfAnswerSeconds mean wait of the answered; +∞ when the queue is unstable
 * @param abandonmentRate abandoned ÷ arrivals (0 for Erlang C)
 * @param occupancy mean busy agents ÷ agents
 */
public record ErlangResult(
        int agents,
        double offeredLoadErlangs,
        double serviceLevel,
        double probabilityOfWait,
        double averageSpeedOfAnswerSeconds,
        double abandonmentRate,
        double occupancy) {

    /** Whether waits stay bounded: always for Erlang A, only below full load for Erlang C. */
    public boolean stable() {
        return Double.isFinite(averageSpeedOfAnswerSeconds);
    }
}
