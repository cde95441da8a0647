package dev.fila.simulation.eta;

import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.simulation.kernel.KernelListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * R8: measures each ETA predictor against the waits that actually happened.
 *
 * <p>When a request enters a line (the queue's {@link QueueEvent.Enqueued}, on opening or on an R14
 * renewal), every predictor is asked for its remaining wait, at the request's position, with the
 * queue's state right after the entry. When the request leaves the line served (the queue's {@link
 * QueueEvent.Removed} with {@link LineExit#SERVED}, the instant the customer accepts, R12) the actual
 * wait since the prediction is known and each prediction's error is added to running sums.
 *
 * <p><b>What is not compared.</b> Requests that leave the line unserved (left, expired, rejected,
 * refused) have no actual wait to compare with: they are excluded from the error and counted in
 * {@link #unserved()}; requests still waiting when the run ends are counted in {@link #stillWaiting()}.
 * A renewed request (R14) is predicted again at its new entry. Predictions are made at entry only, not
 * at each later change of position.
 *
 * <p>Cost: per entry, one prediction per predictor into a primitive array slot (slots are reused once a
 * request leaves, so memory follows the longest line, not the run); per exit, O(predictors) sums. No
 * allocation in steady state. Not thread-safe: one observer per simulation run.
 */
public final class EtaErrorObserver implements KernelListener {

    private static final long WITHIN_MILLIS = 60_000;

    private final EtaPredictor[] predictors;
    private final int count;
    private final RequestSlots slots = new RequestSlots();
    private long[] predictedAtMillis = new long[64];
    private long[] predictions;

    private final long[] compared;
    private final double[] sumAbsoluteMillis;
    private final double[] sumSquaredSeconds;
    private final long[] within;
    private long served;
    private long unserved;
    private double sumActualMillis;

    public EtaErrorObserver(List<? extends EtaPredictor> predictors) {
        if (predictors.isEmpty()) {
            throw new IllegalArgumentException("at least one predictor");
        }
        this.predictors = predictors.toArray(new EtaPredictor[0]);
        this.count = this.predictors.length;
        this.predictions = new long[64 * count];
        this.compared = new long[count];
        this.sumAbsoluteMillis = new double[count];
        this.sumSquaredSeconds = new double[count];
        this.within = new long[count];
    }

    @Override
    public void onQueueEvent(long nowMillis, String queueId, QueueEvent event, QueueState state) {
        if (event instanceof QueueEvent.Enqueued entered) {
            int position = state.positionOf(entered.requestId());
            if (position == 0) {
                return;
            }
            int slot = slots.acquire(entered.requestId());
            ensure(slot);
            predictedAtMillis[slot] = nowMillis;
            int base = slot * count;
            for (int i = 0; i < count; i++) {
                predictions[base + i] = predictors[i].predictWaitMillis(state, position, nowMillis);
            }
        } else if (event instanceof QueueEvent.Removed removed) {
            int slot = slots.release(removed.requestId());
            if (slot == RequestSlots.MISSING) {
                return;
            }
            if (removed.exit() != LineExit.SERVED) {
                unserved++;
                return;
            }
            served++;
            long actual = nowMillis - predictedAtMillis[slot];
            sumActualMillis += actual;
            int base = slot * count;
            for (int i = 0; i < count; i++) {
                long error = predictions[base + i] - actual;
                double seconds = error / 1000.0;
                compared[i]++;
                sumAbsoluteMillis[i] += Math.abs(error);
                sumSquaredSeconds[i] += seconds * seconds;
                if (Math.abs(error) <= WITHIN_MILLIS) {
                    within[i]++;
                }
            }
        }
    }

    private void ensure(int slot) {
        if (slot >= predictedAtMillis.length) {
            int n = Math.max(slot + 1, predictedAtMillis.length * 2);
            predictedAtMillis = Arrays.copyOf(predictedAtMillis, n);
            predictions = Arrays.copyOf(predictions, n * count);
        }
    }

    /** Requests compared: predicted at entry and then served. */
    public long served() {
        return served;
    }

    /** The mean actual wait of the compared requests, from entry to acceptance, in seconds. */
    public double meanActualWaitSeconds() {
        return served == 0 ? 0 : sumActualMillis / served / 1000.0;
    }

    /** Requests predicted at entry that left the line unserved: excluded from the error. */
    public long unserved() {
        return unserved;
    }

    /** Requests predicted at entry and still in a line now (neither served nor gone yet). */
    public long stillWaiting() {
        return slots.size();
    }

    /** Each predictor's accuracy, best (lowest mean absolute error) first; ties keep the given order. */
    public List<EtaAccuracy> accuracy() {
        List<EtaAccuracy> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long n = compared[i];
            result.add(new EtaAccuracy(
                    predictors[i].name(),
                    n,
                    n == 0 ? 0 : sumAbsoluteMillis[i] / n / 1000.0,
                    n == 0 ? 0 : Math.sqrt(sumSquaredSeconds[i] / n),
                    n == 0 ? 0 : (double) within[i] / n));
        }
        result.sort(Comparator.comparingDouble(EtaAccuracy::meanAbsoluteErrorSeconds));
        return result;
    }
}
