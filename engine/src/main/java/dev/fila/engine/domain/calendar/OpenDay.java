package dev.fila.engine.domain.calendar;

/**
 * One calendar date of a queue's business hours (R7) as epoch-millis bounds: the date runs over
 * {@code [dayStartMillis, dayEndMillis)} and the queue is open over the intervals {@code
 * [bounds[2i], bounds[2i+1])}, sorted, merged and clipped to the date (none on a holiday or a closed
 * day). Made by {@link BusinessCalendar#openDay(long)}.
 *
 * <p>Cost model: {@link #isOpen(long)} and {@link #covers(long)} are a few comparisons and allocate
 * nothing, so a caller that keeps the day it last used answers "is it open now?" without going
 * through {@code ZonedDateTime} until the clock leaves that date. Immutable (the array is never
 * handed out), so one may be shared between threads.
 */
public final class OpenDay {

    private final long dayStartMillis;
    private final long dayEndMillis;
    private final long[] bounds;

    OpenDay(long dayStartMillis, long dayEndMillis, long[] bounds) {
        this.dayStartMillis = dayStartMillis;
        this.dayEndMillis = dayEndMillis;
        this.bounds = bounds;
    }

    /** The first instant of the date. */
    public long dayStartMillis() {
        return dayStartMillis;
    }

    /** The first instant of the next date ({@link BusinessCalendar#NEVER} for the last date). */
    public long dayEndMillis() {
        return dayEndMillis;
    }

    /** Whether {@code atMillis} falls on this date. */
    public boolean covers(long atMillis) {
        return atMillis >= dayStartMillis && atMillis < dayEndMillis;
    }

    /** Whether the queue is open at {@code atMillis}, an instant of this date (see {@link #covers}). */
    public boolean isOpen(long atMillis) {
        for (int i = 0; i < bounds.length; i += 2) {
            if (atMillis < bounds[i]) {
                return false;
            }
            if (atMillis < bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
