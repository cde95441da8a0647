package dev.fila.engine.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Rule R7: next opening and closing agree with {@code isOpen}, over several years and DST changes. */
class BusinessCalendarProperties {

    private static final long FROM = 1_420_070_400_000L; // 2015-01-01T00:00:00Z
    private static final long UNTIL = 1_893_456_000_000L; // 2030-01-01T00:00:00Z
    private static final int SAMPLES = 7;

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/Sao_Paulo"), // DST until 2019, switching at midnight
            ZoneId.of("Europe/Lisbon"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), // half-hour DST shift
            ZoneId.of("Asia/Tokyo"),
            ZoneId.of("UTC"));

    @Property(tries = 2000)
    void R7_nextOpeningAndNextClosingAgreeWithIsOpen(
            @ForAll("calendars") BusinessCalendar calendar, @ForAll @LongRange(min = FROM, max = UNTIL) long t) {
        long opening = calendar.nextOpening(t);
        assertThat(opening).isGreaterThanOrEqualTo(t);
        assertThat(calendar.isOpen(t)).isEqualTo(opening == t);
        if (opening == BusinessCalendar.NEVER) {
            assertThat(calendar.nextClosing(t)).isEqualTo(BusinessCalendar.NEVER);
            return;
        }
        assertThat(calendar.isOpen(opening)).as("open at nextOpening").isTrue();
        assertThat(calendar.isBusinessDay(calendar.dateOf(opening))).isTrue();
        for (int k = 1; k <= SAMPLES; k++) {
            long between = t + (opening - t) / (SAMPLES + 1) * k;
            if (between > t && between < opening) {
                assertThat(calendar.isOpen(between))
                        .as("closed before nextOpening at %d", between)
                        .isFalse();
            }
        }
        if (opening > t) {
            assertThat(calendar.isOpen(opening - 1)).isFalse();
        }

        long closing = calendar.nextClosing(t);
        assertThat(closing).isGreaterThan(opening);
        if (closing == BusinessCalendar.NEVER) {
            return;
        }
        assertThat(calendar.isOpen(closing)).as("closed at nextClosing").isFalse();
        assertThat(calendar.isOpen(closing - 1)).isTrue();
        for (int k = 1; k <= SAMPLES; k++) {
            long between = opening + (closing - opening) / (SAMPLES + 1) * k;
            assertThat(calendar.isOpen(between))
                    .as("open until nextClosing at %d", between)
                    .isTrue();
        }
        assertThat(calendar.nextClosing(opening)).isEqualTo(closing);
    }

    /**
     * R7: the day a caller keeps ({@link OpenDay}, as the request decider does) answers for every instant
     * of its date exactly as a fresh look-up at that instant, and covers exactly the instants of its date
     * (also on days with a DST change).
     */
    @Property(tries = 2000)
    void R7_aKeptOpenDayAnswersLikeAFreshLookUpThroughoutItsDate(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll @LongRange(min = FROM, max = UNTIL) long t,
            @ForAll @LongRange(min = -30 * 3_600_000L, max = 30 * 3_600_000L) long offsetMillis) {
        OpenDay day = calendar.openDay(t);
        assertThat(day.covers(t)).isTrue();
        assertThat(day.isOpen(t)).isEqualTo(calendar.isOpen(t));
        long other = t + offsetMillis;
        boolean sameDate = calendar.dateOf(other).equals(calendar.dateOf(t));
        assertThat(day.covers(other)).as("covers %d", other).isEqualTo(sameDate);
        if (sameDate) {
            assertThat(day.isOpen(other))
                    .as("open at %d", other)
                    .isEqualTo(calendar.openDay(other).isOpen(other));
            assertThat(day.isOpen(other))
                    .as("open at %d, as nextOpening says", other)
                    .isEqualTo(calendar.nextOpening(other) == other);
        }
    }

    @Property(tries = 500)
    void R14_laterBusinessDayIsNotTheSameDateAndIsABusinessDay(
            @ForAll("calendars") BusinessCalendar calendar,
            @ForAll @LongRange(min = FROM, max = UNTIL) long reference,
            @ForAll @LongRange(min = 0, max = 10L * 24 * 3_600_000) long later) {
        long at = reference + later;
        LocalDate next = calendar.nextBusinessDay(calendar.dateOf(reference));
        boolean expected = !calendar.dateOf(at).isBefore(next) && calendar.isBusinessDay(calendar.dateOf(at));
        assertThat(calendar.isOnLaterBusinessDay(at, reference)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<BusinessCalendar> fixed = Arbitraries.of(ZONES)
                .flatMap(zone -> Arbitraries.of(
                        BusinessCalendar.defaults(zone),
                        BusinessCalendar.alwaysOpen(zone),
                        BusinessCalendar.alwaysOpen(zone).withHolidays(List.of(LocalDate.of(2026, 1, 1))),
                        BusinessCalendar.parse(
                                zone.getId(),
                                Map.of(
                                        "mon-fri",
                                        "08:00-12:00,13:00-18:00",
                                        "sat",
                                        "18:00-24:00",
                                        "sun",
                                        "00:00-03:00"),
                                List.of("2020-12-25", "2021-12-25", "2025-12-25"))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, fixed), net.jqwik.api.Tuple.of(3, randomCalendars()));
    }

    /** Random weekly windows on a quarter-hour grid, random holidays, in zones with and without DST. */
    private Arbitrary<BusinessCalendar> randomCalendars() {
        Arbitrary<List<OpeningWindow>> day =
                Arbitraries.integers().between(0, 96).set().ofMaxSize(6).map(BusinessCalendarProperties::windows);
        Arbitrary<Map<DayOfWeek, List<OpeningWindow>>> week = day.list()
                .ofSize(7)
                .map(days -> {
                    Map<DayOfWeek, List<OpeningWindow>> hours = new EnumMap<>(DayOfWeek.class);
                    for (int i = 0; i < 7; i++) {
                        hours.put(DayOfWeek.of(i + 1), days.get(i));
                    }
                    return hours;
                });
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers()
                .between(0, (int) ((UNTIL - FROM) / 86_400_000L) + 30)
                .map(n -> LocalDate.of(2015, 1, 1).plusDays(n))
                .set()
                .ofMaxSize(20);
        return Combinators.combine(Arbitraries.of(ZONES), week, holidays).as(BusinessCalendar::new);
    }

    /** Pairs up sorted distinct quarter-hours into non-overlapping windows; 96 is the end of the day. */
    private static List<OpeningWindow> windows(Set<Integer> quarterHours) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(quarterHours));
        List<OpeningWindow> windows = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i += 2) {
            windows.add(new OpeningWindow(time(sorted.get(i)), time(sorted.get(i + 1))));
        }
        return windows;
    }

    private static LocalTime time(int quarterHour) {
        return quarterHour == 96 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(quarterHour * 900L);
    }
}
