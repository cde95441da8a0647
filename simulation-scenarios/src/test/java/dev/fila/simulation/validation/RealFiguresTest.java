package dev.fila.simulation.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fila.simulation.load.LoadCsvReader;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real figures of a recorded load, by the simulation's definitions, checked by hand. */
class RealFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");
    private static final long START =
            LocalDateTime.parse("1999-01-03T08:00").atZone(ZONE).toInstant().toEpochMilli();

    /**
     * 08:00–08:30: served after 0, 20 and 50 s; abandoned after 12 s. 08:30–09:00: served after 21 s,
     * one with no patience (outcome unknown). 09:00–09:30: abandoned after 300 s. One row at 07:59
     * (before the start) and one at 09:30 (after the horizon) are left out.
     */
    private static final String LOAD =
            "arrival,queue,channel,handle_seconds,patience_seconds,patience_censored,priority,customer_id\n"
                    + "1999-01-03T07:59:00,bank,voice,60,0,true,0,\n"
                    + "1999-01-03T08:00:00,bank,voice,60,0,true,0,\n"
                    + "1999-01-03T08:05:00,bank,voice,60,20,true,0,\n"
                    + "1999-01-03T08:10:00,bank,voice,,12,false,0,\n"
                    + "1999-01-03T08:29:59,bank,voice,60,50,true,0,\n"
                    + "1999-01-03T08:40:00,bank,voice,60,21,true,0,\n"
                    + "1999-01-03T08:50:00,bank,voice,60,,false,0,\n"
                    + "1999-01-03T09:00:00,bank,voice,,300,false,0,\n"
                    + "1999-01-03T09:30:00,bank,voice,60,0,true,0,\n";

    private static RealFigures figures(long warmupMillis) {
        try (LoadCsvReader reader = new LoadCsvReader(new StringReader(LOAD), "load.csv", ZONE, Set.of())) {
            return RealFigures.of(reader, START, 90 * 60_000L, 30 * 60_000L, 20_000, warmupMillis);
        }
    }

    @Test
    void servedWaitsAreTheCensoredPatienceAndAbandonmentsTheObservedOnes() {
        RealFigures f = figures(0);
        assertThat(f.intervals()).hasSize(3);

        RealFigures.Tally first = f.intervals().get(0);
        assertThat(first).isEqualTo(new RealFigures.Tally(4, 2, 3, 70, 1, 0));
        assertThat(first.serviceLevel()).isEqualTo(0.5); // 0 s and 20 s are within 20 s, of 4 arrivals
        assertThat(first.averageSpeedOfAnswerSeconds()).isCloseTo(70.0 / 3, within(1e-12));
        assertThat(first.abandonmentRate()).isEqualTo(0.25);

        RealFigures.Tally second = f.intervals().get(1);
        assertThat(second).isEqualTo(new RealFigures.Tally(2, 0, 1, 21, 0, 1)); // 21 s misses 20 s
        assertThat(second.serviceLevel()).isZero();
        assertThat(second.abandonmentRate()).isZero();

        RealFigures.Tally third = f.intervals().get(2);
        assertThat(third.abandonmentRate()).isEqualTo(1.0);
        assertThat(third.averageSpeedOfAnswerSeconds()).isNaN();

        assertThat(f.overall()).isEqualTo(new RealFigures.Tally(7, 2, 4, 91, 2, 1));
        assertThat(f.overall()).isEqualTo(first.plus(second).plus(third));
        assertThat(f.overall().serviceLevel()).isCloseTo(2.0 / 7, within(1e-12));
    }

    @Test
    void theOverallFiguresLeaveOutTheWarmUpAsTheSimulationsDo() {
        RealFigures f = figures(30 * 60_000L);
        assertThat(f.intervals().get(0).arrivals()).isEqualTo(4);
        assertThat(f.overall()).isEqualTo(new RealFigures.Tally(3, 0, 1, 21, 1, 1));
    }
}
