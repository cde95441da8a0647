package dev.fila.simulation.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.Replications;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.Scenario;
import dev.fila.simulation.scenario.StaffingFile;
import dev.fila.simulation.validation.Validation.Figure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: January 1999 of the Anonymous Bank logs (Technion SEE Laboratory, Guedj & Mandelbaum,
 * 2000) is imported as the README says, replayed by the sample scenario with its recorded staffing,
 * and compared with what happened. Skipped when {@code ../../shared/data} is absent.
 *
 * <p>What is claimed here: the month is replayed whole and compared interval by interval, and the
 * staffing derivation's two bounds bracket reality: with the agents <em>busy</em> (which understates
 * staffing) the simulation must do worse than the centre did, with the <em>distinct</em> agents seen
 * (which overstates it) better. How close the default derivation comes is {@link
 * AnonymousBankMonthsReplayTest}'s, for four months.
 */
class AnonymousBankJanuaryReplayTest {

    private static final ZoneId ZONE = SampleMonth.ZONE;
    private static final int REPLICATIONS = 3;

    @TempDir
    static Path dir;

    private static Scenario scenario;
    private static RealFigures real;

    @BeforeAll
    static void importTheMonthAndReadTheSampleScenario() throws IOException {
        scenario = SampleMonth.importAndRead(
                "1999-01-january.txt", "anonymous-bank-1999-01.yaml", "jan", dir, REPLICATIONS);
        real = RealFigures.of(scenario);
    }

    private static Validation replay(String column) {
        Scenario s = scenario;
        if (!column.equals("agents")) {
            StaffingFile staffing = StaffingFile.read(
                    dir.resolve("staffing.csv"),
                    "staffing.csv",
                    column,
                    ZONE,
                    s.startMillis(),
                    s.horizonMillis(),
                    s.intervalMillis(),
                    Set.of("bank"));
            s = s.withAgents(staffing.agents(1));
        }
        RunSummary run = Replications.run(s, 2, done -> {});
        return Validation.of(run, real);
    }

    @Test
    void theRealFiguresAreTheLogsCallsByTheSimulationsDefinitions() {
        RealFigures.Tally month = real.overall();
        // the importer's counts (docs/loads.md): 30,161 asked for an agent, 27,060 served, 3,101 abandoned
        assertThat(month.arrivals()).isEqualTo(30_161);
        assertThat(month.served()).isEqualTo(27_060);
        assertThat(month.abandoned()).isEqualTo(3_101);
        assertThat(month.unclassified()).isZero();
        assertThat(month.abandonmentRate()).isEqualTo(3_101.0 / 30_161);
        assertThat(real.intervals()).hasSize(31 * 48);
    }

    @Test
    void theReplayRunsTheWholeMonthAndComparesItIntervalByInterval() {
        Validation v = replay("agents");
        Validation.Row month = v.overall();
        assertThat(month.simulatedArrivals()).isEqualTo(30_161);
        assertThat(month.relativeError(Figure.SERVICE_LEVEL))
                .isEqualTo(month.error(Figure.SERVICE_LEVEL) / month.real(Figure.SERVICE_LEVEL));
        assertThat(v.intervals()).hasSize(31 * 48);
        assertThat(v.hoursOfDay()).extracting(Validation.Row::label).contains("07h", "12h", "23h");
    }

    @Test
    void theStaffingBoundsBracketWhatReallyHappened() {
        Validation busy = replay("agents_busy");
        Validation distinct = replay("agents_distinct");
        double realLevel = real.overall().serviceLevel();
        assertThat(busy.overall().simulated(Figure.SERVICE_LEVEL)).isLessThan(realLevel);
        assertThat(distinct.overall().simulated(Figure.SERVICE_LEVEL)).isGreaterThan(realLevel);
        double realAbandonment = real.overall().abandonmentRate();
        assertThat(busy.overall().simulated(Figure.ABANDONMENT_RATE)).isGreaterThan(realAbandonment);
        assertThat(distinct.overall().simulated(Figure.ABANDONMENT_RATE)).isLessThan(realAbandonment);
    }
}
