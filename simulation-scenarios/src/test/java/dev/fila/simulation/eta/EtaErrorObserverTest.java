package dev.fila.simulation.eta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.eta.QueueObservation;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueDecider;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueSettings;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.simulation.figures.ReplicationFigures;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R8: the observer's bookkeeping, on queue events fed by hand (the kernel does the same in a run). */
class EtaErrorObserverTest {

    private static final long T = 1_800_000_000_000L;
    private static final String Q = "support";
    private final QueueDecider decider = new QueueDecider(QueueSettings.defaults(Q, ZoneId.of("UTC")));
    private final QueueState state = decider.initialState();

    /** Always predicts the same wait, whatever the queue. */
    private record Fixed(String name, long waitMillis) implements EtaPredictor {
        @Override
        public long predictWaitMillis(QueueObservation queue, int position, long nowMillis) {
            return waitMillis;
        }
    }

    /** Predicts one minute per position: shows the position the request was predicted at. */
    private record PerPlace() implements EtaPredictor {
        @Override
        public String name() {
            return "per-place";
        }

        @Override
        public long predictWaitMillis(QueueObservation queue, int position, long nowMillis) {
            return position * 60_000L;
        }
    }

    private void feed(EtaErrorObserver observer, long now, QueueEvent event) {
        decider.evolve(state, event);
        observer.onQueueEvent(now, Q, event, state);
    }

    @Test
    void R8_errorsAreMeasuredFromEntryToAcceptanceAndRankedByMeanAbsoluteError() {
        EtaErrorObserver observer =
                new EtaErrorObserver(List.of(new Fixed("two-minutes", 120_000), new Fixed("one-minute", 60_000)));
        feed(observer, T, new QueueEvent.Enqueued(1, false, 0, T, T));
        feed(observer, T, new QueueEvent.Enqueued(2, false, 0, T, T));
        feed(observer, T + 30_000, new QueueEvent.Removed(1, LineExit.SERVED, 1, T + 30_000));
        feed(observer, T + 150_000, new QueueEvent.Removed(2, LineExit.SERVED, 1, T + 150_000));
        // actual waits 30 s and 150 s; "one-minute" errs by +30 s and -90 s, "two-minutes" by +90 s and -30 s
        List<EtaAccuracy> ranking = observer.accuracy();
        assertThat(ranking).extracting(EtaAccuracy::predictions).containsOnly(2L);
        assertThat(ranking.get(0).meanAbsoluteErrorSeconds()).isEqualTo(60.0);
        assertThat(ranking.get(0).rootMeanSquareErrorSeconds())
                .isCloseTo(Math.sqrt((30.0 * 30 + 90.0 * 90) / 2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ranking).extracting(EtaAccuracy::shareWithin60Seconds).containsOnly(0.5);
        assertThat(ranking)
                .as("equal errors keep the given order")
                .extracting(EtaAccuracy::predictor)
                .containsExactly("two-minutes", "one-minute");
        assertThat(observer.meanActualWaitSeconds()).isEqualTo(90.0);
    }

    @Test
    void R8_R13_requestsThatLeaveUnservedAreCountedButNotCompared() {
        EtaErrorObserver observer = new EtaErrorObserver(List.of(new PerPlace()));
        feed(observer, T, new QueueEvent.Enqueued(1, false, 0, T, T));
        feed(observer, T, new QueueEvent.Enqueued(2, false, 0, T, T));
        feed(observer, T, new QueueEvent.Enqueued(3, false, 0, T, T));
        feed(observer, T + 10_000, new QueueEvent.Removed(1, LineExit.LEFT, 1, T + 10_000));
        feed(observer, T + 120_000, new QueueEvent.Removed(2, LineExit.SERVED, 1, T + 120_000));
        assertThat(observer.served()).isEqualTo(1);
        assertThat(observer.unserved()).isEqualTo(1);
        assertThat(observer.stillWaiting()).isEqualTo(1);
        EtaAccuracy perPlace = observer.accuracy().get(0);
        assertThat(perPlace.predictions()).isEqualTo(1);
        assertThat(perPlace.meanAbsoluteErrorSeconds())
                .as("request 2 was predicted at position 2 (120 s) and waited 120 s")
                .isZero();
    }

    @Test
    void R8_R14_aRenewedRequestIsPredictedAgainAtItsNewEntry() {
        EtaErrorObserver observer = new EtaErrorObserver(List.of(new Fixed("one-minute", 60_000)));
        feed(observer, T, new QueueEvent.Enqueued(1, false, 0, T, T));
        feed(observer, T + 600_000, new QueueEvent.Removed(1, LineExit.EXPIRED, 1, T + 600_000));
        long renewed = T + 86_400_000;
        feed(observer, renewed, new QueueEvent.Enqueued(1, false, 0, renewed, renewed));
        feed(observer, renewed + 60_000, new QueueEvent.Removed(1, LineExit.SERVED, 1, renewed + 60_000));
        assertThat(observer.unserved()).isEqualTo(1);
        assertThat(observer.served()).isEqualTo(1);
        assertThat(observer.accuracy().get(0).meanAbsoluteErrorSeconds()).isZero();
    }

    @Test
    void R8_manyRequestsReuseSlotsAndKeepTheirOwnPredictions() {
        EtaErrorObserver observer = new EtaErrorObserver(List.of(new PerPlace()));
        long now = T;
        for (long id = 1; id <= 5_000; id++) {
            if (id > 3) {
                // the head leaves served three minutes after it entered
                feed(observer, now, new QueueEvent.Removed(id - 3, LineExit.SERVED, 1, now));
            }
            feed(observer, now, new QueueEvent.Enqueued(id, false, 0, now, now));
            now += 60_000;
        }
        assertThat(observer.served()).isEqualTo(4_997);
        assertThat(observer.stillWaiting()).isEqualTo(3);
        // from request 3 on, each entered at position 3 (three minutes predicted) and waited three
        // minutes; requests 1 and 2 entered at positions 1 and 2: two minutes and one minute short
        assertThat(observer.accuracy().get(0).meanAbsoluteErrorSeconds())
                .isCloseTo((120.0 + 60.0) / 4_997, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void R8_errorsPerIntervalCountEachPredictionInTheIntervalAndQueueOfItsEntryAndAddUpToTheOverall() {
        long interval = 30 * 60_000L;
        EtaErrorObserver observer = new EtaErrorObserver(
                List.of(new Fixed("two-minutes", 120_000), new PerPlace()), List.of(Q, "other"), T, interval, 3);
        // interval 1: two entries; interval 2: one entry served in interval 3 (it counts where it entered)
        feed(observer, T, new QueueEvent.Enqueued(1, false, 0, T, T));
        feed(observer, T + 60_000, new QueueEvent.Enqueued(2, false, 0, T + 60_000, T + 60_000));
        feed(observer, T + 90_000, new QueueEvent.Removed(1, LineExit.SERVED, 1, T + 90_000));
        feed(observer, T + 200_000, new QueueEvent.Removed(2, LineExit.SERVED, 1, T + 200_000));
        long entered = T + interval + 1_000;
        feed(observer, entered, new QueueEvent.Enqueued(3, false, 0, entered, entered));
        feed(
                observer,
                T + 2 * interval + 5_000,
                new QueueEvent.Removed(3, LineExit.SERVED, 1, T + 2 * interval + 5_000));
        // a prediction outside the intervals counts overall only
        long late = T + 3 * interval + 1;
        feed(observer, late, new QueueEvent.Enqueued(4, false, 0, late, late));
        feed(observer, late + 10_000, new QueueEvent.Removed(4, LineExit.SERVED, 1, late + 10_000));

        EtaByInterval e = observer.byInterval();
        assertThat(e.rows()).containsExactly(Q, "other", ReplicationFigures.ALL);
        assertThat(e.predictors()).containsExactly("two-minutes", "per-place");
        int q = 0;
        int all = 2;
        for (int p = 0; p < 2; p++) {
            assertThat(e.compared()[q][0][p]).isEqualTo(2);
            assertThat(e.compared()[q][1][p]).isEqualTo(1);
            assertThat(e.compared()[q][2][p]).isZero();
            assertThat(e.meanAbsoluteErrorSeconds()[q][2][p]).isNaN();
            assertThat(e.compared()[1][0][p])
                    .as("nothing entered the other queue")
                    .isZero();
            for (int k = 0; k < 3; k++) {
                assertThat(e.compared()[all][k][p]).isEqualTo(e.compared()[q][k][p] + e.compared()[1][k][p]);
            }
        }
        // "two-minutes" in interval 1: actual waits 90 s and 140 s, errors +30 s and -20 s
        assertThat(e.meanAbsoluteErrorSeconds()[q][0][0]).isEqualTo(25.0);
        assertThat(e.shareWithin60Seconds()[q][0][0]).isEqualTo(1.0);
        // overall = the per-interval sums, plus the one outside the intervals
        EtaAccuracy overall = observer.accuracy().stream()
                .filter(a -> a.predictor().equals("two-minutes"))
                .findFirst()
                .orElseThrow();
        assertThat(overall.predictions()).isEqualTo(4);
        double summedAbsolute = 0;
        for (int k = 0; k < 3; k++) {
            if (e.compared()[q][k][0] > 0) {
                summedAbsolute += e.meanAbsoluteErrorSeconds()[q][k][0] * e.compared()[q][k][0];
            }
        }
        double outside = Math.abs(120.0 - 10.0);
        assertThat(summedAbsolute + outside)
                .isCloseTo(overall.meanAbsoluteErrorSeconds() * 4, org.assertj.core.data.Offset.offset(1e-9));
    }
}
