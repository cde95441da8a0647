package dev.fila.benchmarks.mmcm;

/**
 * The M/M/c+M model both sides of the comparison simulate: Poisson arrivals, exponential handle
 * times, exponential patience, {@code agents} identical agents each serving one call at a time, first
 * come first served, no business hours, no invitations that run out.
 *
 * @param agents c, the number of agents
 * @param arrivalsPerHour the Poisson arrival rate
 * @param meanHandleSeconds the mean of the exponential handle time
 * @param meanPatienceSeconds the mean of the exponential patience (a caller still waiting when it runs
 *     out leaves)
 * @param horizonHours simulated time of one replication; arrivals stop at the horizon
 * @param answerWithinSeconds the service-level threshold T of the figures
 */
public record MmcmModel(
        int agents,
        double arrivalsPerHour,
        double meanHandleSeconds,
        double meanPatienceSeconds,
        double horizonHours,
        double answerWithinSeconds) {

    public MmcmModel {
        if (agents < 1 || arrivalsPerHour <= 0 || meanHandleSeconds <= 0 || meanPatienceSeconds <= 0) {
            throw new IllegalArgumentException("agents, rates and means must be positive");
        }
        if (horizonHours <= 0 || answerWithinSeconds < 0) {
            throw new IllegalArgumentException("the horizon must be positive and T not negative");
        }
    }

    /** The issue's model: M/M/55+M, 1,000 calls/h, 3-minute handling, 5-minute patience, T = 20 s. */
    public static MmcmModel issueModel(double horizonHours) {
        return new MmcmModel(55, 1_000, 180, 300, horizonHours, 20);
    }
}
