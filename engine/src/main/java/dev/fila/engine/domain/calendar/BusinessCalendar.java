package dev.fila.engine.domain.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The business hours of an online queue (rule R7) and the business days used for renewals (rule
 * R14).
 *
 * <p>All hours are local times in the queue's {@link #zone() time zone}. A day of the week absent
 * from {@link #weeklyHours()} is closed; a date in {@link #holidays()} is closed all day. Instants are
 * epoch milliseconds; this class never reads a clock.
 *
 * <p><b>Windows on days with a time-zone transition</b> are turned into instants the {@link
 * ZonedDateTime#of java.time way}: a local time inside a gap (clocks moving forward) is moved later by
 * the length of the gap, and a local time inside an overlap (clocks moving back) takes the earlier
 * offset. A window is then clipped to its own date (from the first instant of the date to the first
 * instant of the next date), so a window belongs to exactly one date. On such a day a window may be
 * shorter or longer than usual, and is empty when its opening moves past its closing (for example
 * 01:30-02:15 across a 01:00-02:00 gap opens at 02:30 and so not at all). A {@code closes} of {@link LocalTime#MIDNIGHT}
 * is the end of the day (see {@link OpeningWindow}).
 *
 * <p><b>Never.</b> Methods returning an instant return {@link #NEVER} ({@code Long.MAX_VALUE}) when
 * there is no such instant, for example when the calendar has no windows at all, or a 24/7 calendar
 * without future holidays never closes. {@link #nextBusinessDay} returns {@link #NO_BUSINESS_DAY}
 * likewise. No instant is open at {@code NEVER}. Every search over days is bounded (see {@link
 * #maxDaysAhead()}); none scans minute by minute.
 *
 * @param zone the queue's time zone
 * @param weeklyHours the opening windows of each day of the week, copied immutably and sorted by
 *     opening time; days absent (or given an empty list) are closed
 * @param holidays dates closed all day, copied immutably and sorted
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningWindow>> weeklyHours, Set<LocalDate> holidays) {

    /** Sentinel instant meaning "never". */
    public static final long NEVER = Long.MAX_VALUE;

    /** Sentinel date meaning "there is no such business day". */
    public static final LocalDate NO_BUSINESS_DAY = LocalDate.MAX;

    /** Default opening time of rule R7. */
    public static final LocalTime DEFAULT_OPENS = LocalTime.of(8, 0);

    /** Default closing time of rule R7. */
    public static final LocalTime DEFAULT_CLOSES = LocalTime.of(21, 0);

    private static final Instant MAX_MILLIS_INSTANT = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final Instant MIN_MILLIS_INSTANT = Instant.ofEpochMilli(Long.MIN_VALUE);

    private static final Comparator<OpeningWindow> BY_OPENING =
            Comparator.comparingLong(OpeningWindow::opensNanoOfDay).thenComparingLong(OpeningWindow::closesNanoOfDay);

    /**
     * Validates and copies the calendar.
     *
     * @throws NullPointerException if an argument, a day, a window list, a window or a holiday is null
     * @throws IllegalArgumentException if two windows of the same day overlap
     */
    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weeklyHours, "weeklyHours");
        Objects.requireNonNull(holidays, "holidays");
        EnumMap<DayOfWeek, List<OpeningWindow>> hours = new EnumMap<>(DayOfWeek.class);
        weeklyHours.forEach((day, windows) -> {
            Objects.requireNonNull(day, "weeklyHours day");
            Objects.requireNonNull(windows, () -> "weeklyHours windows of " + day);
            List<OpeningWindow> sorted = new ArrayList<>(windows.size());
            for (OpeningWindow window : windows) {
                sorted.add(Objects.requireNonNull(window, () -> "weeklyHours window of " + day));
            }
            sorted.sort(BY_OPENING);
            String overlap = firstOverlap(sorted);
            if (overlap != null) {
                throw new IllegalArgumentException("opening windows of " + day + " overlap: " + overlap);
            }
            if (!sorted.isEmpty()) {
                hours.put(day, List.copyOf(sorted));
            }
        });
        weeklyHours = Collections.unmodifiableMap(hours);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate holiday : holidays) {
            days.add(Objects.requireNonNull(holiday, "holiday"));
        }
        holidays = Collections.unmodifiableNavigableSet(days);
    }

    /** Rule R7's default: Monday to Friday 08:00-21:00 in {@code zone}, no holidays. */
    public static BusinessCalendar defaults(ZoneId zone) {
        EnumMap<DayOfWeek, List<OpeningWindow>> hours = new EnumMap<>(DayOfWeek.class);
        List<OpeningWindow> day = List.of(new OpeningWindow(DEFAULT_OPENS, DEFAULT_CLOSES));
        for (DayOfWeek dow = DayOfWeek.MONDAY; dow != DayOfWeek.SATURDAY; dow = dow.plus(1)) {
            hours.put(dow, day);
        }
        return new BusinessCalendar(zone, hours, Set.of());
    }

    /** Open every day all day (24/7), no holidays; for tests and simulations. */
    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        EnumMap<DayOfWeek, List<OpeningWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek dow : DayOfWeek.values()) {
            hours.put(dow, List.of(OpeningWindow.ALL_DAY));
        }
        return new BusinessCalendar(zone, hours, Set.of());
    }

    /** This calendar with {@code moreHolidays} added to its holidays. */
    public BusinessCalendar withHolidays(Collection<LocalDate> moreHolidays) {
        Set<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(moreHolidays);
        return new BusinessCalendar(zone, weeklyHours, all);
    }

    // ---------------------------------------------------------------- queries

    /** Whether the queue is open at {@code atMillis}: open at a window's opening, closed at its closing. */
    public boolean isOpen(long atMillis) {
        return atMillis != NEVER && openDay(atMillis).isOpen(atMillis);
    }

    /**
     * The date of {@code atMillis} in the queue's zone with its open intervals as epoch millis (R7):
     * {@code openDay(t).isOpen(t) == isOpen(t)} for every {@code t < NEVER}, and the value answers
     * for every other instant of the same date too. The one call that goes through {@code
     * ZonedDateTime}; see {@link OpenDay} for why a caller keeps it.
     */
    public OpenDay openDay(long atMillis) {
        LocalDate date = dateOf(atMillis);
        long dayStart = startOfDayMillis(date);
        long dayEnd = date.equals(LocalDate.MAX) ? NEVER : startOfDayMillis(date.plusDays(1));
        List<long[]> intervals = intervalsOn(date);
        long[] bounds = new long[2 * intervals.size()];
        for (int i = 0; i < intervals.size(); i++) {
            bounds[2 * i] = intervals.get(i)[0];
            bounds[2 * i + 1] = intervals.get(i)[1];
        }
        return new OpenDay(dayStart, dayEnd, bounds);
    }

    /**
     * The first instant at or after {@code atMillis} at which the queue is open: {@code atMillis} itself
     * if open now, {@link #NEVER} if there is none.
     */
    public long nextOpening(long atMillis) {
        if (weeklyHours.isEmpty() || atMillis == NEVER) {
            return NEVER;
        }
        LocalDate date = dateOf(atMillis);
        for (long n = maxDaysAhead(); n >= 0 && date.isBefore(LocalDate.MAX); n--, date = date.plusDays(1)) {
            for (long[] interval : intervalsOn(date)) {
                if (interval[1] > atMillis) {
                    return Math.max(interval[0], atMillis);
                }
            }
        }
        return NEVER;
    }

    /**
     * The instant at which the queue next closes: if open at {@code atMillis}, the end of the current
     * window, otherwise the end of the next window. Windows that follow each other without a gap (such
     * as one ending at 24:00 and the next day's starting at 00:00) count as one. {@link #NEVER} if the
     * queue never opens again or never closes again. The queue is closed at the returned instant.
     */
    public long nextClosing(long atMillis) {
        long opening = nextOpening(atMillis);
        if (opening == NEVER) {
            return NEVER;
        }
        LocalDate date = dateOf(opening);
        if (isOpenAllWeek()) {
            // Only a holiday can close it; the opening date itself is not a holiday.
            LocalDate holiday = sortedHolidays().ceiling(date);
            return holiday == null ? NEVER : startOfDayMillis(holiday);
        }
        // Some day of the week has a gap, so the walk ends within two weeks (DST may hide one gap).
        long end = opening;
        for (long n = maxDaysAhead(); n >= 0 && date.isBefore(LocalDate.MAX); n--, date = date.plusDays(1)) {
            for (long[] interval : intervalsOn(date)) {
                if (interval[1] <= end) {
                    continue;
                }
                if (interval[0] > end) {
                    return end;
                }
                end = interval[1];
            }
        }
        return NEVER;
    }

    /** The calendar date of {@code atMillis} in the queue's time zone. */
    public LocalDate dateOf(long atMillis) {
        return Instant.ofEpochMilli(atMillis).atZone(zone).toLocalDate();
    }

    /** Whether {@code date} has at least one opening window and is not a holiday. */
    public boolean isBusinessDay(LocalDate date) {
        return weeklyHours.containsKey(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * The first business day strictly after {@code after}, or {@link #NO_BUSINESS_DAY} if there is none
     * (the calendar has no windows at all).
     */
    public LocalDate nextBusinessDay(LocalDate after) {
        if (weeklyHours.isEmpty()) {
            return NO_BUSINESS_DAY;
        }
        LocalDate date = after;
        for (long n = maxDaysAhead(); n >= 0 && date.isBefore(LocalDate.MAX); n--) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                return date;
            }
        }
        return NO_BUSINESS_DAY;
    }

    /**
     * Whether {@code atMillis} falls on a business day strictly after the date of {@code
     * referenceMillis} (rule R14: an expired request may be renewed from the next business day on).
     */
    public boolean isOnLaterBusinessDay(long atMillis, long referenceMillis) {
        LocalDate date = dateOf(atMillis);
        return date.isAfter(dateOf(referenceMillis)) && isBusinessDay(date);
    }

    /**
     * The most days a search looks ahead: enough to meet every day of the week once more than there
     * are holidays, plus a week for days whose windows a DST gap swallows.
     */
    long maxDaysAhead() {
        return 7L * (holidays.size() + 2);
    }

    // ---------------------------------------------------------------- internals

    private NavigableSet<LocalDate> sortedHolidays() {
        return (NavigableSet<LocalDate>) holidays;
    }

    /** Whether every day of the week is covered from 00:00 to 24:00 (possibly by adjacent windows). */
    private boolean isOpenAllWeek() {
        if (weeklyHours.size() < 7) {
            return false;
        }
        for (List<OpeningWindow> windows : weeklyHours.values()) {
            long covered = 0;
            for (OpeningWindow window : windows) {
                if (window.opensNanoOfDay() > covered) {
                    return false;
                }
                covered = Math.max(covered, window.closesNanoOfDay());
            }
            if (covered < OpeningWindow.NANOS_PER_DAY) {
                return false;
            }
        }
        return true;
    }

    /**
     * The open intervals {@code [start, end)} in epoch millis on {@code date}: sorted, non-empty, merged
     * where they touch or overlap, clipped to the date. Empty on holidays and closed days.
     */
    private List<long[]> intervalsOn(LocalDate date) {
        List<OpeningWindow> windows = weeklyHours.get(date.getDayOfWeek());
        if (windows == null || holidays.contains(date)) {
            return List.of();
        }
        long dayStart = startOfDayMillis(date);
        long dayEnd = date.equals(LocalDate.MAX) ? NEVER : startOfDayMillis(date.plusDays(1));
        List<long[]> intervals = new ArrayList<>(windows.size());
        for (OpeningWindow window : windows) {
            long start = Math.max(dayStart, millis(ZonedDateTime.of(date, window.opens(), zone)));
            long end = window.closesAtEndOfDay()
                    ? dayEnd
                    : Math.min(dayEnd, millis(ZonedDateTime.of(date, window.closes(), zone)));
            if (end <= start) {
                continue; // a DST gap moved the opening past the closing
            }
            // A gap can move an opening past a later window's: keep the list sorted and merged.
            int i = intervals.size();
            while (i > 0 && intervals.get(i - 1)[0] > start) {
                i--;
            }
            intervals.add(i, new long[] {start, end});
        }
        List<long[]> merged = new ArrayList<>(intervals.size());
        for (long[] interval : intervals) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval[0] <= last[1]) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(interval);
            }
        }
        return merged;
    }

    private long startOfDayMillis(LocalDate date) {
        return millis(date.atStartOfDay(zone));
    }

    /** Epoch millis of {@code time}, saturated to the range of {@code long}. */
    private static long millis(ZonedDateTime time) {
        Instant instant = time.toInstant();
        if (instant.isAfter(MAX_MILLIS_INSTANT)) {
            return Long.MAX_VALUE;
        }
        if (instant.isBefore(MIN_MILLIS_INSTANT)) {
            return Long.MIN_VALUE;
        }
        return instant.toEpochMilli();
    }

    /** The overlapping pair of the first overlap among windows sorted by opening time, or null. */
    private static String firstOverlap(List<OpeningWindow> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            OpeningWindow previous = sorted.get(i - 1);
            OpeningWindow current = sorted.get(i);
            if (current.opensNanoOfDay() < previous.closesNanoOfDay()) {
                return previous + " and " + current;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- parsing

    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /**
     * Reads the compact text form used by scenario files and configuration.
     *
     * <ul>
     *   <li>{@code zone}: a time-zone id such as {@code America/Sao_Paulo}.
     *   <li>{@code hours}: keys are days {@code mon} .. {@code sun} or forward ranges such as {@code
     *       mon-fri} (case-insensitive; a day may be named by only one key); values are {@code closed} or
     *       comma-separated windows {@code HH:MM-HH:MM}, e.g. {@code 08:00-12:00,13:00-18:00}, where a
     *       closing time of {@code 24:00} (or {@code 00:00}) is the end of the day. Days not named are closed.
     *   <li>{@code holidays}: ISO dates such as {@code 2025-12-25}.
     * </ul>
     *
     * @throws IllegalArgumentException on bad input, with a message naming the offending key and value
     */
    public static BusinessCalendar parse(String zone, Map<String, String> hours, Collection<String> holidays) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("zone: a time-zone id is required, got '" + zone + "'");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone '" + zone + "' is not a known time-zone id", e);
        }
        if (hours == null) {
            throw new IllegalArgumentException("hours: a map of days to opening windows is required, got null");
        }
        if (holidays == null) {
            throw new IllegalArgumentException("holidays: a list of ISO dates is required, got null");
        }
        EnumMap<DayOfWeek, List<OpeningWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        EnumMap<DayOfWeek, String> namedBy = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> entry : hours.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            List<DayOfWeek> days = parseDays(key, value);
            List<OpeningWindow> windows = parseWindows(key, value);
            for (DayOfWeek day : days) {
                String earlier = namedBy.putIfAbsent(day, key);
                if (earlier != null) {
                    throw badHours(key, value, day + " is already given by key '" + earlier + "'");
                }
                weekly.put(day, windows);
            }
        }
        Set<LocalDate> dates = new TreeSet<>();
        for (String holiday : holidays) {
            try {
                dates.add(LocalDate.parse(holiday == null ? "" : holiday.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("holidays: '" + holiday + "' is not an ISO date (yyyy-MM-dd)", e);
            }
        }
        return new BusinessCalendar(zoneId, weekly, dates);
    }

    private static List<DayOfWeek> parseDays(String key, String value) {
        if (key == null) {
            throw badHours(key, value, "the day is missing");
        }
        String[] parts = key.strip().toLowerCase(Locale.ROOT).split("-", -1);
        if (parts.length > 2) {
            throw badHours(key, value, "expected a day (mon..sun) or a range such as mon-fri");
        }
        DayOfWeek first = parseDay(key, value, parts[0]);
        DayOfWeek last = parts.length == 2 ? parseDay(key, value, parts[1]) : first;
        if (last.compareTo(first) < 0) {
            throw badHours(key, value, "a range of days must go forward from mon to sun, such as mon-fri");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int d = first.getValue(); d <= last.getValue(); d++) {
            days.add(DayOfWeek.of(d));
        }
        return days;
    }

    private static DayOfWeek parseDay(String key, String value, String name) {
        int index = DAY_NAMES.indexOf(name.strip());
        if (index < 0) {
            throw badHours(key, value, "'" + name.strip() + "' is not a day; use mon, tue, wed, thu, fri, sat or sun");
        }
        return DayOfWeek.of(index + 1);
    }

    private static List<OpeningWindow> parseWindows(String key, String value) {
        if (value == null || value.isBlank()) {
            throw badHours(key, value, "expected 'closed' or windows such as 08:00-21:00");
        }
        if (value.strip().equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<OpeningWindow> windows = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String[] times = part.strip().split("-", -1);
            if (times.length != 2) {
                throw badHours(key, value, "'" + part.strip() + "' is not a window such as 08:00-21:00");
            }
            LocalTime opens = parseTime(key, value, times[0], false);
            LocalTime closes = parseTime(key, value, times[1], true);
            try {
                windows.add(new OpeningWindow(opens, closes));
            } catch (IllegalArgumentException e) {
                throw badHours(key, value, "'" + part.strip() + "' must open before it closes");
            }
        }
        windows.sort(BY_OPENING);
        String overlap = firstOverlap(windows);
        if (overlap != null) {
            throw badHours(key, value, "windows " + overlap + " overlap");
        }
        return windows;
    }

    private static LocalTime parseTime(String key, String value, String text, boolean closing) {
        String time = text.strip();
        if (time.equals("24:00")) {
            if (closing) {
                return LocalTime.MIDNIGHT;
            }
            throw badHours(key, value, "24:00 can only close a window");
        }
        try {
            return LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            throw badHours(key, value, "'" + time + "' is not a time such as 08:00");
        }
    }

    private static IllegalArgumentException badHours(String key, String value, String problem) {
        return new IllegalArgumentException("hours '" + key + "' = '" + value + "': " + problem);
    }
}
