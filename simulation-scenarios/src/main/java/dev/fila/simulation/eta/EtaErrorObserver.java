package dev.fila.simulation.eta;

import dev.fila.engine.domain.eta.EtaPredictor;
import dev.fila.engine.domain.queue.LineExit;
import dev.fila.engine.domain.queue.QueueEvent;
import dev.fila.engine.domain.queue.QueueState;
import dev.fila.simulation.figures.ReplicationFigures;
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

    // The error sums, one set per predictor in each cell: cell 0 is the whole run, all queues; then one
    // cell per (row, interval) of the grid, rows being the queues then all of them (none without a grid).
    private final long[] compared;
    private final double[] sumAbsoluteMillis;
    private final double[] sumSquaredSeconds;
    private final long[] within;
    private long served;
    private long unserved;
    private double sumActualMillis;

    private final List<String> rows;
    private final Map<String, Integer> queueRows;
    private final long startMillis;
    private final long intervalMillis;
    private final int intervals;
    /** Per slot, the first sums index of the grid cell its entry fell in, or -1 outside the grid. */
    private int[] entryCell = new int[64];

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
        if (intervalMillis <= 0 || intervals < 0) {
            throw new IllegalArgumentException("intervals must be positive in length and not negative in number");
        }
        this.queueRows = new HashMap<>();
        List<String> r = new ArrayList<>(queueIds);
        for (int i = 0; i < queueIds.size(); i++) {
            queueRows.put(queueIds.get(i), i);
        }
        r.add(ReplicationFigures.ALL);
        this.rows = List.copyOf(r);
        this.startMillis = startMillis;
        this.intervalMillis = intervalMillis;
        this.intervals = queueIds.isEmpty() ? 0 : intervals;
        int sums = (1 + rows.size() * this.intervals) * count;
        this.compared = new long[sums];
        this.sumAbsoluteMillis = new double[sums];
        this.sumSquaredSeconds = new double[sums];
        this.within = new long[sums];
    }

    /** The first sums index of the cell of (row, interval), or -1 outside the grid. */
    private int cellOf(String queueId, long atMillis) {
        if (intervals == 0 || atMillis < startMillis) {
            return -1;
        }
        long interval = (atMillis - startMillis) / intervalMillis;
        Integer row = queueRows.get(queueId);
        if (interval >= intervals || row == null) {
            return -1;
        }
        return gridCell(row, (int) interval);
    }

    private int gridCell(int row, int interval) {
        return (1 + row * intervals + interval) * count;
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
            int allCell = cell < 0 ? -1 : gridCell(rows.size() - 1, (cell / count - 1) % intervals);
            for (int i = 0; i < count; i++) {
                long error = predictions[base + i] - actual;
                add(i, error);
                if (cell >= 0) {
                    add(cell + i, error);
                    add(allCell + i, error);
                }
            }
        }
    }

    private void add(int at, long errorMillis) {
        double seconds = errorMillis / 1000.0;
        compared[at]++;
        sumAbsoluteMillis[at] += Math.abs(errorMillis);
        sumSquaredSeconds[at] += seconds * seconds;
        if (Math.abs(errorMillis) <= WITHIN_MILLIS) {
            within[at]++;
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
                    EtaAccuracy a = accuracyAt(gridCell(row, k) + i, i, Double.NaN);
                    n[row][k][i] = a.predictions();
                    mae[row][k][i] = a.meanAbsoluteErrorSeconds();
                    rmse[row][k][i] = a.rootMeanSquareErrorSeconds();
                    share[row][k][i] = a.shareWithin60Seconds();
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
            result.add(accuracyAt(i, i, 0));
        }
        result.sort(Comparator.comparingDouble(EtaAccuracy::meanAbsoluteErrorSeconds));
        return result;
    }

    /** Predictor {@code predictor}'s figures from the sums at {@code at}; {@code undefined} when none compared. */
    private EtaAccuracy accuracyAt(int at, int predictor, double undefined) {
        long n = compared[at];
        return new EtaAccuracy(
                predictors[predictor].name(),
                n,
                n == 0 ? undefined : sumAbsoluteMillis[at] / n / 1000.0,
                n == 0 ? undefined : Math.sqrt(sumSquaredSeconds[at] / n),
                n == 0 ? undefined : (double) within[at] / n);
    }
}
