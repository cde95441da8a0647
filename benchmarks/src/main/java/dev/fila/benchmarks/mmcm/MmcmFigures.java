package dev.fila.benchmarks.mmcm;

/**
 * What one replication of the M/M/c+M model counted. Calls still waiting or in service at the
 * horizon count as arrivals only.
 *
 * @param arrivals calls that arrived before the horizon
 * @param answered calls whose service started
 * @param abandoned calls that left when their patience ran out
 * @param answeredWithinT answered calls that waited at most T
 * @param totalWaitSeconds the summed waits of the answered calls
 * @param events the simulator's own unit of work (see each side's Javadoc for what it counts)
 */
public record MmcmFigures(
        long arrivals, long answered, long abandoned, long answeredWithinT, double totalWaitSeconds, long events) {

    /** Abandoned ÷ all arrivals. */
    public double abandonmentRate() {
        return arrivals == 0 ? 0 : (double) abandoned / arrivals;
    }

    /** Mean wait of the answered calls, seconds. */
    public double averageSpeedOfAnswerSeconds() {
        return answered == 0 ? 0 : totalWaitSeconds / answered;
    }

    /** Calls answered within T ÷ all arrivals (abandoned calls count as not answered). */
    public double serviceLevel() {
        return arrivals == 0 ? 0 : (double) answeredWithinT / arrivals;
    }
}
