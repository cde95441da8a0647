package dev.fila.engine.actors.projections;

import java.time.LocalDate;

/**
 * A queue's figures for one day (in the queue's time zone), with the README's definitions: every
 * figure counts a request on the day it arrived. <em>Served</em> = accepted an invitation (R12);
 * <em>abandoned</em> = left the queue (R13); <em>expired</em> = its available-until passed (R14).
 *
 * @param servedWithinTarget served after waiting at most {@code fila.read-models.service-level-within}
 * @param totalWaitMillis the waits of the served, from entering the queue to accepting
 */
public record DailyFigures(
        String queueId,
        LocalDate day,
        long arrivals,
        long served,
        long servedWithinTarget,
        long abandoned,
        long expired,
        long totalWaitMillis) {

    /** Served within the target ÷ arrivals (abandoned ones count as not answered); NaN with no arrival. */
    public double serviceLevel() {
        return arrivals == 0 ? Double.NaN : (double) servedWithinTarget / arrivals;
    }

    /** The average speed of answer: mean wait of the served; NaN when none was served. */
    public double averageWaitMillis() {
        return served == 0 ? Double.NaN : (double) totalWaitMillis / served;
    }
}
