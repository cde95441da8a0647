package dev.fila.simulation.load;

import dev.fila.engine.domain.Channel;
import dev.fila.simulation.scenario.Distribution;
import dev.fila.simulation.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A generated load: non-homogeneous Poisson arrivals whose rate is constant within each reporting
 * interval ({@link Scenario.Load#ratePerHour(int)}), with the queue, channel and priority drawn from
 * the scenario's mixes and the handle time and patience from its distributions.
 *
 * <p>The draw is exact, not by thinning: within an interval of rate r the gaps are exponential with
 * mean 1/r; a gap that would cross the interval's end is discarded and drawing restarts at the next
 * interval's start, which the exponential's lack of memory makes exact. Intervals of rate 0 have no
 * arrivals. Time is kept in double milliseconds, so rounding never accumulates; each arrival is the
 * floor of its exact time (non-decreasing).
 *
 * <p>Each purpose draws from its own stream (arrivals, mix, handle, patience), so two scenarios that
 * differ only in staffing see the very same customers (common random numbers). Holds one record at a
 * time: a month of arrivals never sits in memory.
 */
public final class PoissonLoad implements LoadSource {

    private final long endMillis;
    private final long startMillis;
    private final long intervalMillis;
    private final double[] meanGapMillis;
    private final SplittableRandom arrivals;
    private final SplittableRandom mix;
    private final SplittableRandom handle;
    private final SplittableRandom patience;
    private final String[] queueIds;
    private final double[] queueShares;
    private final Channel[] channels;
    private final double[] channelShares;
    private final double priorityShare;
    private final Distribution handleTime;
    private final Distribution patienceTime;

    private double nowMillis;
    private int interval;
    private long count;
    private LoadRecord next;

    /**
     * @param streams the four streams, in order: arrivals, mix, handle, patience
     */
    public PoissonLoad(Scenario scenario, SplittableRandom[] streams) {
        Scenario.Load load = scenario.load();
        this.startMillis = scenario.startMillis();
        this.endMillis = scenario.startMillis() + scenario.horizonMillis();
        this.intervalMillis = scenario.intervalMillis();
        this.meanGapMillis = new double[scenario.intervalCount()];
        for (int i = 0; i < meanGapMillis.length; i++) {
            double rate = load.ratePerHour(i);
            meanGapMillis[i] = rate <= 0 ? Double.POSITIVE_INFINITY : 3_600_000.0 / rate;
        }
        this.arrivals = streams[0];
        this.mix = streams[1];
        this.handle = streams[2];
        this.patience = streams[3];
        this.queueIds = load.queueMix().keySet().toArray(new String[0]);
        this.queueShares = cumulative(load.queueMix());
        this.channels = load.channelMix().keySet().toArray(new Channel[0]);
        this.channelShares = cumulative(load.channelMix());
        this.priorityShare = load.priorityShare();
        this.handleTime = load.handleTime();
        this.patienceTime = load.patience();
        this.nowMillis = startMillis;
        this.next = draw();
    }

    private static double[] cumulative(Map<?, Double> shares) {
        List<Double> list = new ArrayList<>(shares.values());
        double total = list.stream().mapToDouble(Double::doubleValue).sum();
        double[] c = new double[list.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += list.get(i);
            c[i] = sum / total;
        }
        c[c.length - 1] = 1.0;
        return c;
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private LoadRecord draw() {
        while (interval < meanGapMillis.length) {
            double pieceEnd = Math.min(endMillis, startMillis + (interval + 1) * (double) intervalMillis);
            double mean = meanGapMillis[interval];
            if (mean != Double.POSITIVE_INFINITY) {
                double at = nowMillis - mean * Math.log(1.0 - arrivals.nextDouble());
                if (at < pieceEnd) {
                    nowMillis = at;
                    return record((long) Math.floor(at));
                }
            }
            nowMillis = pieceEnd;
            interval++;
        }
        return null;
    }

    private LoadRecord record(long atMillis) {
        count++;
        String queueId = queueIds[pick(queueShares, mix.nextDouble())];
        Channel channel = channels[pick(channelShares, mix.nextDouble())];
        int priority = mix.nextDouble() < priorityShare ? 1 : 0;
        long handleMillis = Math.max(0, handleTime.sampleMillis(handle));
        long patienceMillis =
                patienceTime == null ? LoadRecord.UNKNOWN : Math.max(0, patienceTime.sampleMillis(patience));
        return new LoadRecord(
                atMillis, queueId, channel, handleMillis, patienceMillis, false, priority, "customer-" + count);
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public LoadRecord next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        LoadRecord r = next;
        next = draw();
        return r;
    }

    @Override
    public void close() {
        next = null;
    }
}
