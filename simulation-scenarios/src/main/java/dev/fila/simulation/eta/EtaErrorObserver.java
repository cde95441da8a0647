package dev.fila.simulation.eta;

import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.simulation.kernel.KernelListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p><b>Per interval.</b> Built with the run's intervals and queues ({@link #EtaErrorObserver(List,
 * List, long, long, int)}), it also keeps the same sums per reporting interval and queue (and for all
 * queues), each prediction in the interval and queue of the entry it was made at: {@link #byInterval()}.
 *
 * <p>Cost: per entry, one prediction per predictor into a primitive array slot (slots are reused once a
 * request leaves, so memory follows the longest line, not the run); per exit, O(predictors) sums (twice
 * that with intervals). No allocation in steady state. Not thread-safe: one observer per simulation run.
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

    // per interval: none when built without a grid (queueRows null)
    private final List<String> rows;
    private final Map<String, Integer> queueRows;
    private final long startMillis;
    private final long intervalMillis;
    private final int intervals;
    private int[] entryCell = new int[64];
    private final long[] cellCompared;
    private final double[] cellAbsoluteMillis;
    private final double[] cellSquaredSeconds;
    private final long[] cellWithin;

    /** Measures overall only (all queues, the whole run). */
    public EtaErrorObserver(List<? extends EtaPredictor> predictors) {
        this(predictors, List.of(), 0, 1, 0);
    }

    /**
     * Measures overall and per interval: {@code intervals} intervals of {@code intervalMillis} from {@code
     * startMillis}, for each of {@code queueIds} and for all queues together. Predictions made outside the
     * intervals, or in a queue not named, count overall only.
     */
    public EtaErrorObserver(
            List<? extends EtaPredictor> predictors,
            List<String> queueIds,
            long startMillis,
            long intervalMillis,
            int intervals) {
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
        if (intervalMillis <= 0 || intervals < 0) {
            throw new IllegalArgumentException("intervals must be positive in length and not negative in number");
        }
        this.queueRows = new HashMap<>();
        List<String> r = new ArrayList<>(queueIds);
        for (int i = 0; i < queueIds.size(); i++) {
            queueRows.put(queueIds.get(i), i);
        }
        r.add(ALL);
        this.rows = List.copyOf(r);
        this.startMillis = startMillis;
        this.intervalMillis = intervalMillis;
        this.intervals = queueIds.isEmpty() ? 0 : intervals;
        int cells = rows.size() * this.intervals * count;
        this.cellCompared = new long[cells];
        this.cellAbsoluteMillis = new double[cells];
        this.cellSquaredSeconds = new double[cells];
        this.cellWithin = new long[cells];
    }

    /** The row of all queues together in {@link #byInterval()}. */
    public static final String ALL = "all";

    /** The first array index of the cells of (row, interval), or -1 outside the grid. */
    private int cellOf(String queueId, long atMillis) {
        if (intervals == 0 || atMillis < startMillis) {
            return -1;
        }
        long interval = (atMillis - startMillis) / intervalMillis;
        Integer row = queueRows.get(queueId);
        if (interval >= intervals || row == null) {
            return -1;
        }
        return (row * intervals + (int) interval) * count;
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
            entryCell[slot] = cellOf(queueId, nowMillis);
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
            int cell = entryCell[slot];
            // the row of all queues: same interval, last row
            int allCell = cell < 0 ? -1 : ((rows.size() - 1) * intervals + (cell / count) % intervals) * count;
            for (int i = 0; i < count; i++) {
                long error = predictions[base + i] - actual;
                double seconds = error / 1000.0;
                boolean near = Math.abs(error) <= WITHIN_MILLIS;
                compared[i]++;
                sumAbsoluteMillis[i] += Math.abs(error);
                sumSquaredSeconds[i] += seconds * seconds;
                if (near) {
                    within[i]++;
                }
                if (cell >= 0) {
                    addToCell(cell + i, error, seconds, near);
                    addToCell(allCell + i, error, seconds, near);
                }
            }
        }
    }

    private void addToCell(int at, long error, double seconds, boolean near) {
        cellCompared[at]++;
        cellAbsoluteMillis[at] += Math.abs(error);
        cellSquaredSeconds[at] += seconds * seconds;
        if (near) {
            cellWithin[at]++;
        }
    }

    private void ensure(int slot) {
        if (slot >= predictedAtMillis.length) {
            int n = Math.max(slot + 1, predictedAtMillis.length * 2);
            predictedAtMillis = Arrays.copyOf(predictedAtMillis, n);
            entryCell = Arrays.copyOf(entryCell, n);
            predictions = Arrays.copyOf(predictions, n * count);
        }
    }

    /**
     * The errors per interval and queue (then all queues), each predictor in the given order; empty
     * (no intervals) when built without intervals.
     */
    public EtaByInterval byInterval() {
        int r = rows.size();
        long[][][] n = new long[r][intervals][count];
        double[][][] mae = new double[r][intervals][count];
        double[][][] rmse = new double[r][intervals][count];
        double[][][] share = new double[r][intervals][count];
        for (int row = 0; row < r; row++) {
            for (int k = 0; k < intervals; k++) {
                for (int i = 0; i < count; i++) {
                    int at = (row * intervals + k) * count + i;
                    long c = cellCompared[at];
                    n[row][k][i] = c;
                    mae[row][k][i] = c == 0 ? Double.NaN : cellAbsoluteMillis[at] / c / 1000.0;
                    rmse[row][k][i] = c == 0 ? Double.NaN : Math.sqrt(cellSquaredSeconds[at] / c);
                    share[row][k][i] = c == 0 ? Double.NaN : (double) cellWithin[at] / c;
                }
            }
        }
        List<String> names = new ArrayList<>(count);
        for (EtaPredictor p : predictors) {
            names.add(p.name());
        }
        return new EtaByInterval(rows, names, n, mae, rmse, share);
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
