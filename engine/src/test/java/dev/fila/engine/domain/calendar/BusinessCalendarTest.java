package dev.fila.engine.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    // The week of Monday 2025-06-02 .. Sunday 2025-06-08; 2025-06-09 is the next Monday.
    private static final LocalDate MONDAY = LocalDate.of(2025, 6, 2);
    private static final LocalDate WEDNESDAY = LocalDate.of(2025, 6, 4);
    private static final LocalDate FRIDAY = LocalDate.of(2025, 6, 6);
    private static final LocalDate SATURDAY = LocalDate.of(2025, 6, 7);
    private static final LocalDate SUNDAY = LocalDate.of(2025, 6, 8);
    private static final LocalDate NEXT_MONDAY = LocalDate.of(2025, 6, 9);
    private static final LocalDate NEXT_TUESDAY = LocalDate.of(2025, 6, 10);

    private final BusinessCalendar defaults = BusinessCalendar.defaults(SAO_PAULO);

    /** Epoch millis of a local date-time in São Paulo. */
    private static long sp(LocalDate date, String time) {
        return at(SAO_PAULO, date, time);
    }

    private static long at(ZoneId zone, LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time))
                .atZone(zone)
                .toInstant()
                .toEpochMilli();
    }

    private static long utc(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant().toEpochMilli();
    }

    private static long hours(double h) {
        return (long) (h * 3_600_000L);
    }

    @Nested
    class OpeningHours {

        @Test
        void R7_defaultHoursAreMondayToFridayEightToNine() {
            OpeningWindow eightToNine = new OpeningWindow(LocalTime.of(8, 0), LocalTime.of(21, 0));
            assertThat(defaults.weeklyHours())
                    .containsOnlyKeys(
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY)
                    .allSatisfy((day, windows) -> assertThat(windows).containsExactly(eightToNine));
            assertThat(defaults.holidays()).isEmpty();
            assertThat(defaults.zone()).isEqualTo(SAO_PAULO);

            for (LocalDate day = MONDAY; day.isBefore(SATURDAY); day = day.plusDays(1)) {
                assertThat(defaults.isOpen(sp(day, "07:59:59.999")))
                        .as("%s 07:59", day)
                        .isFalse();
                assertThat(defaults.isOpen(sp(day, "08:00")))
                        .as("%s 08:00", day)
                        .isTrue();
                assertThat(defaults.isOpen(sp(day, "14:00")))
                        .as("%s 14:00", day)
                        .isTrue();
                assertThat(defaults.isOpen(sp(day, "20:59:59.999")))
                        .as("%s 20:59", day)
                        .isTrue();
            }
            for (LocalDate day : List.of(SATURDAY, SUNDAY)) {
                assertThat(defaults.isOpen(sp(day, "10:00")))
                        .as("%s 10:00", day)
                        .isFalse();
                assertThat(defaults.isBusinessDay(day)).isFalse();
            }
        }

        @Test
        void R7_openAtExactlyEightAm() {
            assertThat(defaults.isOpen(sp(MONDAY, "08:00"))).isTrue();
            assertThat(defaults.isOpen(sp(MONDAY, "08:00") - 1)).isFalse();
        }

        @Test
        void R7_closedAtExactlyNinePm() {
            assertThat(defaults.isOpen(sp(MONDAY, "21:00"))).isFalse();
            assertThat(defaults.isOpen(sp(MONDAY, "21:00") - 1)).isTrue();
        }

        @Test
        void R7_holidayIsClosedAllDay() {
            BusinessCalendar calendar = defaults.withHolidays(List.of(WEDNESDAY));
            assertThat(calendar.isOpen(sp(WEDNESDAY, "08:00"))).isFalse();
            assertThat(calendar.isOpen(sp(WEDNESDAY, "12:00"))).isFalse();
            assertThat(calendar.isBusinessDay(WEDNESDAY)).isFalse();
            assertThat(calendar.isOpen(sp(WEDNESDAY.minusDays(1), "12:00"))).isTrue();
            assertThat(calendar.nextOpening(sp(WEDNESDAY, "00:00"))).isEqualTo(sp(WEDNESDAY.plusDays(1), "08:00"));
        }

        @Test
        void R7_hoursAreInTheQueuesTimeZone() {
            long instant = utc("2025-06-02T12:30:00Z"); // Monday 09:30 in São Paulo, 21:30 in Tokyo
            assertThat(BusinessCalendar.defaults(SAO_PAULO).isOpen(instant)).isTrue();
            assertThat(BusinessCalendar.defaults(TOKYO).isOpen(instant)).isFalse();

            long lateEvening = utc("2025-06-03T01:00:00Z"); // Monday 22:00 in São Paulo, Tuesday 10:00 in Tokyo
            assertThat(BusinessCalendar.defaults(SAO_PAULO).dateOf(lateEvening)).isEqualTo(MONDAY);
            assertThat(BusinessCalendar.defaults(TOKYO).dateOf(lateEvening)).isEqualTo(MONDAY.plusDays(1));
            assertThat(BusinessCalendar.defaults(SAO_PAULO).isOpen(lateEvening)).isFalse();
            assertThat(BusinessCalendar.defaults(TOKYO).isOpen(lateEvening)).isTrue();
        }

        @Test
        void R7_splitDayWindowsCloseBetweenThem() {
            BusinessCalendar calendar = BusinessCalendar.parse(
                    "America/Sao_Paulo", Map.of("mon-fri", "08:00-12:00,13:00-18:00"), List.of());

            assertThat(calendar.isOpen(sp(MONDAY, "11:59:59.999"))).isTrue();
            assertThat(calendar.isOpen(sp(MONDAY, "12:00"))).isFalse();
            assertThat(calendar.isOpen(sp(MONDAY, "12:30"))).isFalse();
            assertThat(calendar.isOpen(sp(MONDAY, "13:00"))).isTrue();
            assertThat(calendar.isOpen(sp(MONDAY, "18:00"))).isFalse();

            assertThat(calendar.nextClosing(sp(MONDAY, "10:00"))).isEqualTo(sp(MONDAY, "12:00"));
            assertThat(calendar.nextOpening(sp(MONDAY, "12:30"))).isEqualTo(sp(MONDAY, "13:00"));
            assertThat(calendar.nextClosing(sp(MONDAY, "12:30"))).isEqualTo(sp(MONDAY, "18:00"));
        }

        @Test
        void R7_windowsGivenInAnyOrderAreStoredSorted() {
            OpeningWindow afternoon = new OpeningWindow(LocalTime.of(13, 0), LocalTime.of(18, 0));
            OpeningWindow morning = new OpeningWindow(LocalTime.of(8, 0), LocalTime.of(12, 0));
            List<OpeningWindow> given = new ArrayList<>(List.of(afternoon, morning));
            Map<DayOfWeek, List<OpeningWindow>> hours = new EnumMap<>(DayOfWeek.class);
            hours.put(DayOfWeek.MONDAY, given);
            hours.put(DayOfWeek.TUESDAY, List.of());

            BusinessCalendar calendar = new BusinessCalendar(SAO_PAULO, hours, Set.of());
            given.clear();
            hours.put(DayOfWeek.WEDNESDAY, List.of(morning));

            assertThat(calendar.weeklyHours()).containsOnlyKeys(DayOfWeek.MONDAY);
            assertThat(calendar.weeklyHours().get(DayOfWeek.MONDAY)).containsExactly(morning, afternoon);
            assertThat(calendar.isBusinessDay(MONDAY.plusDays(1))).isFalse();
            assertThatThrownBy(() -> calendar.weeklyHours().put(DayOfWeek.FRIDAY, List.of()))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> calendar.holidays().add(MONDAY)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void R7_overlappingWindowsOfADayAreRejected() {
            Map<DayOfWeek, List<OpeningWindow>> hours = Map.of(
                    DayOfWeek.MONDAY,
                    List.of(
                            new OpeningWindow(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                            new OpeningWindow(LocalTime.of(11, 0), LocalTime.of(18, 0))));
            assertThatThrownBy(() -> new BusinessCalendar(SAO_PAULO, hours, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MONDAY")
                    .hasMessageContaining("08:00-12:00")
                    .hasMessageContaining("11:00-18:00");
        }

        @Test
        void R7_adjacentWindowsAreOneOpenPeriod() {
            BusinessCalendar calendar =
                    BusinessCalendar.parse("America/Sao_Paulo", Map.of("mon", "08:00-12:00,12:00-18:00"), List.of());
            assertThat(calendar.isOpen(sp(MONDAY, "12:00"))).isTrue();
            assertThat(calendar.nextClosing(sp(MONDAY, "09:00"))).isEqualTo(sp(MONDAY, "18:00"));
        }

        @Test
        void R7_windowMustOpenBeforeItCloses() {
            assertThatThrownBy(() -> new OpeningWindow(LocalTime.of(9, 0), LocalTime.of(9, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OpeningWindow(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OpeningWindow(null, LocalTime.of(8, 0)))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class EndOfDay {

        @Test
        void R7_midnightAsClosingTimeMeansTheEndOfTheDay() {
            OpeningWindow evening = new OpeningWindow(LocalTime.of(18, 0), LocalTime.MIDNIGHT);
            assertThat(evening.closesAtEndOfDay()).isTrue();
            assertThat(evening).hasToString("18:00-24:00");
            BusinessCalendar calendar =
                    new BusinessCalendar(SAO_PAULO, Map.of(DayOfWeek.MONDAY, List.of(evening)), Set.of());

            assertThat(calendar.isOpen(sp(MONDAY, "23:59:59.999"))).isTrue();
            assertThat(calendar.isOpen(sp(MONDAY.plusDays(1), "00:00"))).isFalse();
            assertThat(calendar.isOpen(sp(MONDAY, "00:30"))).isFalse();
            assertThat(calendar.nextClosing(sp(MONDAY, "20:00"))).isEqualTo(sp(MONDAY.plusDays(1), "00:00"));
        }

        @Test
        void R7_textFormWritesTheEndOfTheDayAs2400() {
            BusinessCalendar calendar =
                    BusinessCalendar.parse("America/Sao_Paulo", Map.of("mon", "18:00-24:00"), List.of());
            assertThat(calendar.weeklyHours().get(DayOfWeek.MONDAY))
                    .containsExactly(new OpeningWindow(LocalTime.of(18, 0), LocalTime.MIDNIGHT));
        }

        @Test
        void R7_windowsRunningThroughMidnightAreOneOpenPeriod() {
            BusinessCalendar calendar = BusinessCalendar.parse(
                    "America/Sao_Paulo", Map.of("mon", "18:00-24:00", "tue", "00:00-02:00,08:00-10:00"), List.of());
            assertThat(calendar.nextClosing(sp(MONDAY, "20:00"))).isEqualTo(sp(MONDAY.plusDays(1), "02:00"));
            assertThat(calendar.isOpen(sp(MONDAY.plusDays(1), "00:00"))).isTrue();
        }

        @Test
        void R7_alwaysOpenNeverClosesUnlessAHolidayComes() {
            BusinessCalendar always = BusinessCalendar.alwaysOpen(SAO_PAULO);
            long t = sp(SUNDAY, "03:17");
            assertThat(always.isOpen(t)).isTrue();
            assertThat(always.nextOpening(t)).isEqualTo(t);
            assertThat(always.nextClosing(t)).isEqualTo(BusinessCalendar.NEVER);
            assertThat(always.isBusinessDay(SUNDAY)).isTrue();

            BusinessCalendar withHoliday = always.withHolidays(List.of(LocalDate.of(2030, 1, 1)));
            assertThat(withHoliday.nextClosing(t)).isEqualTo(sp(LocalDate.of(2030, 1, 1), "00:00"));
            assertThat(withHoliday.nextOpening(sp(LocalDate.of(2030, 1, 1), "10:00")))
                    .isEqualTo(sp(LocalDate.of(2030, 1, 2), "00:00"));
        }

        @Test
        void R7_aCalendarWithoutWindowsIsNeverOpen() {
            BusinessCalendar closed = BusinessCalendar.parse("UTC", Map.of("mon-sun", "closed"), List.of());
            long t = sp(MONDAY, "10:00");
            assertThat(closed.weeklyHours()).isEmpty();
            assertThat(closed.isOpen(t)).isFalse();
            assertThat(closed.nextOpening(t)).isEqualTo(BusinessCalendar.NEVER);
            assertThat(closed.nextClosing(t)).isEqualTo(BusinessCalendar.NEVER);
            assertThat(closed.isBusinessDay(MONDAY)).isFalse();
            assertThat(closed.nextBusinessDay(MONDAY)).isEqualTo(BusinessCalendar.NO_BUSINESS_DAY);
        }

        @Test
        void R7_neverIsNeverOpen() {
            BusinessCalendar always = BusinessCalendar.alwaysOpen(SAO_PAULO);
            assertThat(always.isOpen(BusinessCalendar.NEVER)).isFalse();
            assertThat(always.nextOpening(BusinessCalendar.NEVER)).isEqualTo(BusinessCalendar.NEVER);
            assertThat(always.nextClosing(BusinessCalendar.NEVER)).isEqualTo(BusinessCalendar.NEVER);
        }

        @Test
        void R7_aDayOfWeekEveryOccurrenceOfWhichIsAHolidayIsNeverOpen() {
            BusinessCalendar mondaysOnly =
                    BusinessCalendar.parse("UTC", Map.of("mon", "08:00-09:00"), List.of("2025-06-02", "2025-06-09"));
            long saturday = at(ZoneId.of("UTC"), LocalDate.of(2025, 5, 31), "10:00");
            assertThat(mondaysOnly.nextOpening(saturday))
                    .isEqualTo(at(ZoneId.of("UTC"), LocalDate.of(2025, 6, 16), "08:00"));
        }
    }

    @Nested
    class NextOpeningAndClosing {

        @Test
        void R7_nextOpeningIsNowWhenOpen() {
            long t = sp(MONDAY, "10:00");
            assertThat(defaults.nextOpening(t)).isEqualTo(t);
        }

        @Test
        void R7_nextOpeningSkipsWeekendAndHolidays() {
            assertThat(defaults.nextOpening(sp(FRIDAY, "21:00"))).isEqualTo(sp(NEXT_MONDAY, "08:00"));
            assertThat(defaults.nextOpening(sp(SATURDAY, "09:00"))).isEqualTo(sp(NEXT_MONDAY, "08:00"));
            assertThat(defaults.nextOpening(sp(MONDAY, "06:00"))).isEqualTo(sp(MONDAY, "08:00"));

            BusinessCalendar mondayHoliday = defaults.withHolidays(List.of(NEXT_MONDAY));
            assertThat(mondayHoliday.nextOpening(sp(FRIDAY, "21:00"))).isEqualTo(sp(NEXT_TUESDAY, "08:00"));
        }

        @Test
        void R7_nextClosingIsTheEndOfTheCurrentWindow() {
            assertThat(defaults.nextClosing(sp(MONDAY, "08:00"))).isEqualTo(sp(MONDAY, "21:00"));
            assertThat(defaults.nextClosing(sp(MONDAY, "20:59:59.999"))).isEqualTo(sp(MONDAY, "21:00"));
        }

        @Test
        void R7_nextClosingWhenClosedIsTheEndOfTheNextWindow() {
            assertThat(defaults.nextClosing(sp(MONDAY, "21:00"))).isEqualTo(sp(MONDAY.plusDays(1), "21:00"));
            assertThat(defaults.nextClosing(sp(MONDAY, "06:00"))).isEqualTo(sp(MONDAY, "21:00"));
            assertThat(defaults.nextClosing(sp(FRIDAY, "22:00"))).isEqualTo(sp(NEXT_MONDAY, "21:00"));
        }
    }

    @Nested
    class Renewal {

        @Test
        void R14_renewalIsAllowedFromTheNextBusinessDay() {
            long expiredFriday = sp(FRIDAY, "20:00");
            assertThat(defaults.isOnLaterBusinessDay(sp(FRIDAY, "23:00"), expiredFriday))
                    .isFalse();
            assertThat(defaults.isOnLaterBusinessDay(sp(SATURDAY, "10:00"), expiredFriday))
                    .isFalse();
            assertThat(defaults.isOnLaterBusinessDay(sp(SUNDAY, "10:00"), expiredFriday))
                    .isFalse();
            assertThat(defaults.isOnLaterBusinessDay(sp(NEXT_MONDAY, "00:00"), expiredFriday))
                    .isTrue();
            assertThat(defaults.isOnLaterBusinessDay(sp(NEXT_MONDAY, "09:00"), expiredFriday))
                    .isTrue();
            assertThat(defaults.isOnLaterBusinessDay(sp(NEXT_TUESDAY, "09:00"), expiredFriday))
                    .isTrue();

            BusinessCalendar mondayHoliday = defaults.withHolidays(List.of(NEXT_MONDAY));
            assertThat(mondayHoliday.isOnLaterBusinessDay(sp(NEXT_MONDAY, "09:00"), expiredFriday))
                    .isFalse();
            assertThat(mondayHoliday.isOnLaterBusinessDay(sp(NEXT_TUESDAY, "00:00"), expiredFriday))
                    .isTrue();
        }

        @Test
        void R14_renewalIsNotAllowedEarlierTheSameDay() {
            long expired = sp(WEDNESDAY, "10:00");
            assertThat(defaults.isOnLaterBusinessDay(sp(WEDNESDAY, "20:00"), expired))
                    .isFalse();
            assertThat(defaults.isOnLaterBusinessDay(sp(WEDNESDAY.minusDays(1), "20:00"), expired))
                    .isFalse();
        }

        @Test
        void R14_nextBusinessDaySkipsWeekendAndHolidays() {
            assertThat(defaults.nextBusinessDay(MONDAY)).isEqualTo(MONDAY.plusDays(1));
            assertThat(defaults.nextBusinessDay(FRIDAY)).isEqualTo(NEXT_MONDAY);
            assertThat(defaults.nextBusinessDay(SATURDAY)).isEqualTo(NEXT_MONDAY);
            assertThat(defaults.withHolidays(List.of(NEXT_MONDAY)).nextBusinessDay(FRIDAY))
                    .isEqualTo(NEXT_TUESDAY);
        }

        @Test
        void R14_businessDayHasAWindowAndIsNoHoliday() {
            assertThat(defaults.isBusinessDay(MONDAY)).isTrue();
            assertThat(defaults.isBusinessDay(SATURDAY)).isFalse();
            assertThat(defaults.withHolidays(List.of(MONDAY)).isBusinessDay(MONDAY))
                    .isFalse();
        }

        @Test
        void R14_datesAreInTheQueuesTimeZone() {
            long fridayNightInSaoPaulo = utc("2025-06-07T02:00:00Z"); // Friday 23:00 -03:00, Saturday in UTC
            assertThat(defaults.dateOf(fridayNightInSaoPaulo)).isEqualTo(FRIDAY);
            assertThat(BusinessCalendar.defaults(ZoneId.of("UTC")).dateOf(fridayNightInSaoPaulo))
                    .isEqualTo(SATURDAY);
        }
    }

    @Nested
    class DaylightSavingTime {

        // Europe/Lisbon: 2025-03-30 01:00 WET -> 02:00 WEST; 2025-10-26 02:00 WEST -> 01:00 WET.
        private final LocalDate springForward = LocalDate.of(2025, 3, 30);
        private final LocalDate fallBack = LocalDate.of(2025, 10, 26);

        @Test
        void R7_allDayOnTheSpringForwardDayLastsTwentyThreeHours() {
            BusinessCalendar calendar =
                    BusinessCalendar.parse("Europe/Lisbon", Map.of("sun", "00:00-24:00"), List.of());
            long opening = calendar.nextOpening(at(LISBON, springForward.minusDays(1), "12:00"));
            assertThat(opening).isEqualTo(utc("2025-03-30T00:00:00Z"));
            assertThat(calendar.nextClosing(opening) - opening).isEqualTo(hours(23));
        }

        @Test
        void R7_allDayOnTheFallBackDayLastsTwentyFiveHours() {
            BusinessCalendar calendar =
                    BusinessCalendar.parse("Europe/Lisbon", Map.of("sun", "00:00-24:00"), List.of());
            long opening = calendar.nextOpening(at(LISBON, fallBack.minusDays(1), "12:00"));
            assertThat(opening).isEqualTo(utc("2025-10-25T23:00:00Z"));
            assertThat(calendar.nextClosing(opening) - opening).isEqualTo(hours(25));
        }

        @Test
        void R7_windowOpeningInTheSpringGapOpensAfterTheGap() {
            // 01:30 does not exist: it is moved forward by the gap to 02:30 WEST (01:30Z).
            BusinessCalendar calendar =
                    BusinessCalendar.parse("Europe/Lisbon", Map.of("sun", "01:30-03:00"), List.of());
            assertThat(calendar.nextOpening(utc("2025-03-30T00:00:00Z"))).isEqualTo(utc("2025-03-30T01:30:00Z"));
            assertThat(calendar.isOpen(utc("2025-03-30T01:15:00Z"))).isFalse(); // 02:15 WEST
            assertThat(calendar.nextClosing(utc("2025-03-30T00:00:00Z"))).isEqualTo(utc("2025-03-30T02:00:00Z"));
        }

        @Test
        void R7_windowEntirelyInTheSpringGapMovesForwardByTheGap() {
            // 01:10 and 01:50 do not exist: both move forward an hour, to 02:10-02:50 WEST.
            BusinessCalendar calendar =
                    BusinessCalendar.parse("Europe/Lisbon", Map.of("sun", "01:10-01:50"), List.of());
            long opening = calendar.nextOpening(utc("2025-03-29T12:00:00Z"));
            assertThat(opening).isEqualTo(utc("2025-03-30T01:10:00Z"));
            assertThat(calendar.nextClosing(opening)).isEqualTo(utc("2025-03-30T01:50:00Z"));
        }

        @Test
        void R7_windowWhoseOpeningTheGapMovesPastItsClosingIsClosedThatDay() {
            // 01:30 moves forward to 02:30 WEST, after the closing at 02:15 WEST: no opening that Sunday.
            BusinessCalendar calendar =
                    BusinessCalendar.parse("Europe/Lisbon", Map.of("sun", "01:30-02:15"), List.of());
            assertThat(calendar.nextOpening(utc("2025-03-29T12:00:00Z")))
                    .isEqualTo(at(LISBON, springForward.plusDays(7), "01:30"));
            assertThat(calendar.isOpen(utc("2025-03-30T01:10:00Z"))).isFalse(); // 02:10 WEST
            assertThat(calendar.isBusinessDay(springForward)).isTrue();
        }

        @Test
        void R7_windowThroughTheFallBackOverlapIncludesTheRepeatedHour() {
            // 01:00 is ambiguous: the earlier offset (WEST, 00:00Z) is used; 02:00 is WET (02:00Z).
            BusinessCalendar calendar =
                    BusinessCalendar.parse("Europe/Lisbon", Map.of("sun", "01:00-02:00"), List.of());
            long opening = calendar.nextOpening(utc("2025-10-25T12:00:00Z"));
            assertThat(opening).isEqualTo(utc("2025-10-26T00:00:00Z"));
            assertThat(calendar.nextClosing(opening)).isEqualTo(utc("2025-10-26T02:00:00Z"));
            assertThat(calendar.isOpen(utc("2025-10-26T01:30:00Z"))).isTrue(); // second 01:30, WET
        }

        @Test
        void R7_saoPauloDaylightSavingStartedAtMidnight() {
            // 2018-11-04 00:00 -03:00 -> 01:00 -02:00: the day starts at 01:00 and 00:00-06:00 lasts five hours.
            LocalDate sunday = LocalDate.of(2018, 11, 4);
            BusinessCalendar calendar =
                    BusinessCalendar.parse("America/Sao_Paulo", Map.of("sun", "00:00-06:00"), List.of());
            long opening = calendar.nextOpening(utc("2018-11-03T12:00:00Z"));
            assertThat(opening).isEqualTo(utc("2018-11-04T03:00:00Z"));
            assertThat(calendar.dateOf(opening)).isEqualTo(sunday);
            assertThat(calendar.nextClosing(opening) - opening).isEqualTo(hours(5));
            assertThat(calendar.isOpen(opening - 1)).isFalse();
        }

        @Test
        void R14_saoPauloMidnightGapStillStartsTheNextDay() {
            BusinessCalendar calendar =
                    BusinessCalendar.parse("America/Sao_Paulo", Map.of("sun", "08:00-21:00"), List.of());
            long saturdayNoon = utc("2018-11-03T15:00:00Z");
            long sundayStart = utc("2018-11-04T03:00:00Z"); // 01:00 -02:00, the first instant of Sunday
            assertThat(calendar.isOnLaterBusinessDay(sundayStart - 1, saturdayNoon))
                    .isFalse();
            assertThat(calendar.isOnLaterBusinessDay(sundayStart, saturdayNoon)).isTrue();
        }
    }

    @Nested
    class Parsing {

        @Test
        void R7_parsedDefaultsEqualTheDefaults() {
            BusinessCalendar parsed =
                    BusinessCalendar.parse("America/Sao_Paulo", Map.of("mon-fri", "08:00-21:00"), List.of());
            assertThat(parsed).isEqualTo(defaults);
        }

        @Test
        void R7_parseReadsDaysRangesClosedDaysAndHolidays() {
            Map<String, String> hours = new LinkedHashMap<>();
            hours.put("Mon-Thu", "08:00-12:00, 13:00-18:00");
            hours.put("fri", "08:00-16:00");
            hours.put("sat", "closed");
            BusinessCalendar calendar =
                    BusinessCalendar.parse(" Europe/Lisbon ", hours, List.of("2025-12-25", "2025-01-01"));

            assertThat(calendar.zone()).isEqualTo(LISBON);
            assertThat(calendar.weeklyHours())
                    .containsOnlyKeys(
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY);
            assertThat(calendar.weeklyHours().get(DayOfWeek.THURSDAY))
                    .containsExactly(
                            new OpeningWindow(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                            new OpeningWindow(LocalTime.of(13, 0), LocalTime.of(18, 0)));
            assertThat(calendar.weeklyHours().get(DayOfWeek.FRIDAY))
                    .containsExactly(new OpeningWindow(LocalTime.of(8, 0), LocalTime.of(16, 0)));
            assertThat(calendar.holidays()).containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 25));
        }

        private void assertRejected(Map<String, String> hours, String... fragments) {
            assertThatThrownBy(() -> BusinessCalendar.parse("America/Sao_Paulo", hours, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
        }

        @Test
        void R7_parseErrorNamesTheKeyAndValue() {
            assertRejected(Map.of("mon-fri", "08:00-25:00"), "mon-fri", "08:00-25:00", "25:00");
            assertRejected(Map.of("mon", "8-21"), "'mon'", "8-21");
            assertRejected(Map.of("mon", "08:00"), "'mon'", "08:00");
            assertRejected(Map.of("mon", "21:00-08:00"), "'mon'", "21:00-08:00", "open before");
            assertRejected(Map.of("mon", "08:00-12:00,11:00-18:00"), "'mon'", "overlap");
            assertRejected(Map.of("mon", ""), "'mon'");
            assertRejected(Map.of("mon", "24:00-24:00"), "'mon'", "24:00");
            assertRejected(Map.of("mon", "closed,08:00-09:00"), "'mon'", "closed");
        }

        @Test
        void R7_parseErrorNamesABadDay() {
            assertRejected(Map.of("monday", "08:00-21:00"), "'monday'", "08:00-21:00", "not a day");
            assertRejected(Map.of("mon-xyz", "08:00-21:00"), "'mon-xyz'", "'xyz'");
            assertRejected(Map.of("fri-mon", "08:00-21:00"), "'fri-mon'", "forward");
            assertRejected(Map.of("mon-tue-wed", "08:00-21:00"), "'mon-tue-wed'");
        }

        @Test
        void R7_parseRejectsADayGivenTwice() {
            Map<String, String> hours = new LinkedHashMap<>();
            hours.put("mon-fri", "08:00-21:00");
            hours.put("wed", "10:00-12:00");
            assertRejected(hours, "'wed'", "10:00-12:00", "WEDNESDAY", "'mon-fri'");
        }

        @Test
        void R7_parseErrorNamesABadZoneOrHoliday() {
            assertThatThrownBy(() -> BusinessCalendar.parse("Mars/Olympus", Map.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zone")
                    .hasMessageContaining("Mars/Olympus");
            assertThatThrownBy(() -> BusinessCalendar.parse("UTC", Map.of(), List.of("2025-13-01")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holidays")
                    .hasMessageContaining("2025-13-01");
            assertThatThrownBy(() -> BusinessCalendar.parse("UTC", null, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hours");
        }
    }

    @Test
    void R7_searchesAreBoundedByHolidays() {
        assertThat(defaults.maxDaysAhead()).isEqualTo(14);
        assertThat(defaults.withHolidays(List.of(MONDAY, FRIDAY)).maxDaysAhead())
                .isEqualTo(28);
    }
}
