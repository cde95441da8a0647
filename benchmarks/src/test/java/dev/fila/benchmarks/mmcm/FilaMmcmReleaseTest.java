package dev.fila.benchmarks.mmcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.kernel.Kernel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Releasing each call's request once it left or was closed changes nothing in the run (same figures,
 * same kernel entries, rejections and stale timers for the same seed) and leaves the kernel holding only
 * the calls still in flight.
 */
class FilaMmcmReleaseTest {

    @Test
    void R13_R16_releasingFinishedCallsGivesTheSameRunAndHoldsOnlyTheCallsInFlight() {
        MmcmModel model = MmcmModel.issueModel(20);
        for (long seed = 1; seed <= 3; seed++) {
            FilaMmcm kept = new FilaMmcm(model, new SplittableRandom(seed), false);
            FilaMmcm released = new FilaMmcm(model, new SplittableRandom(seed), true);
            MmcmFigures keptFigures = kept.run();
            MmcmFigures releasedFigures = released.run();

            assertThat(releasedFigures).as("seed %d", seed).isEqualTo(keptFigures);
            Kernel k = kept.kernel();
            Kernel r = released.kernel();
            assertThat(r.staleTimers()).isEqualTo(k.staleTimers());
            assertThat(r.internalRejections()).isEqualTo(k.internalRejections());
            assertThat(r.externalRejections()).isEqualTo(k.externalRejections());
            assertThat(r.pendingEntries()).isEqualTo(k.pendingEntries());

            long[] held = new long[1];
            r.forEachRequest(s -> held[0]++);
            long inFlight = keptFigures.arrivals() - r.requestsReleased();
            assertThat(r.requestCount()).isEqualTo(keptFigures.arrivals());
            assertThat(held[0]).isEqualTo(inFlight);
            // Those still waiting or in service at the horizon: about the 55 agents' calls, not ~20,000.
            assertThat(held[0]).isLessThan(200);
            assertThat(k.requestsReleased()).isZero();
        }
    }
}
