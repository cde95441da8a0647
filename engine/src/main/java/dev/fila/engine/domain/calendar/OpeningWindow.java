package dev.fila.engine.domain.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A span of local time within one day during which the online queue is open (rule R7).
 *
 * <p>The window is half-open: the queue is open from {@code opens} (inclusive) until {@code closes}
 * (exclusive).
 *
 * <p><b>End of day.</b> A window that runs until the end of the day is written with {@code closes =
 * LocalTime.MIDNIGHT} (text form {@code "24:00"}): as a closing time, midnight always means the
 * midnight <em>at the end</em> of the day, never the one at its start. So {@code new
 * OpeningWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)} is the whole day. {@code LocalTime.MAX} is
 * not used for this.
 *
 * @param opens local time at which the queue opens (inclusive)
 * @param closes local time at which the queue closes (exclusive); {@link LocalTime#MIDNIGHT} means
 *     the end of the day
 */
public record OpeningWindow(LocalTime opens, LocalTime closes) {

    static final long NANOS_PER_DAY = 24L * 60 * 60 * 1_000_000_000L;

    /** The whole day: from 00:00 until the end of the day. */
    public static final OpeningWindow ALL_DAY = new OpeningWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /**
     * Validates the window.
     *
     * @throws NullPointerException if a time is null
     * @throws IllegalArgumentException unless {@code opens} is before {@code closes} (where a {@code
     *     closes} of midnight is the end of the day)
     */
    public OpeningWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException(
                    "opening window must open before it closes, got " + opens + "-" + closes);
        }
    }

    /** Whether this window runs until the end of the day ({@code closes} is midnight). */
    public boolean closesAtEndOfDay() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    /** Nanosecond of the day at which the window opens. */
    long opensNanoOfDay() {
        return opens.toNanoOfDay();
    }

    /** Nanosecond of the day at which the window closes; the end of the day is {@link #NANOS_PER_DAY}. */
    long closesNanoOfDay() {
        return closesAtEndOfDay() ? NANOS_PER_DAY : closes.toNanoOfDay();
    }

    /** The compact text form, e.g. {@code 08:00-21:00} or {@code 18:00-24:00}. */
    @Override
    public String toString() {
        return opens + "-" + (closesAtEndOfDay() ? "24:00" : closes.toString());
    }
}
