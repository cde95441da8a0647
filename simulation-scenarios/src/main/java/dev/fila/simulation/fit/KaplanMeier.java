package dev.fila.simulation.fit;

import dev.fila.simulation.load.LoadRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan–Meier estimate of a survival function from right-censored observations: for patience,
 * an abandoned caller's wait is an event (their patience ran out then) and a served caller's wait is
 * censored (their patience was at least that long). Estimating patience from the abandoned callers
 * alone would keep only the impatient ones and bias it short; this estimator uses both.
 *
 * <p>At each distinct event time tᵢ, with dᵢ events and nᵢ observations still at risk (time ≥ tᵢ),
 * S(t) = Π_{tᵢ ≤ t} (1 − dᵢ / nᵢ). A censored observation tied with events at the same time counts
 * as at risk there (censoring after the events, the usual convention).
 *
 * <p>Beyond the last observation the data say nothing; when the curve has not reached zero there
 * (the longest waits were censored) the survival is continued by an exponential tail,
 * S(t) = S(t_last) · exp(−λ (t − t_last)), whose constant hazard λ is the events per unit of
 * exposure among the observations in the upper half of the data (the maximum-likelihood hazard of
 * the later waits; all the data when that half has no event). With no event at all λ = 0, and
 * patience beyond the last observation is unbounded ({@link #quantile} returns +∞).
 */
public final class KaplanMeier implements FittedDistribution {

    private final int observations;
    private final int events;
    private final double[] eventTimes;
    private final double[] survival;
    private final double lastTime;
    private final double tailHazard;

    private KaplanMeier(
            int observations, int events, double[] eventTimes, double[] survival, double lastTime, double tailHazard) {
        this.observations = observations;
        this.events = events;
        this.eventTimes = eventTimes;
        this.survival = survival;
        this.lastTime = lastTime;
        this.tailHazard = tailHazard;
    }

    /**
     * Fits the estimate: {@code observed[i]} is true when {@code times[i]} is an event (an
     * abandonment), false when it is censored (a served caller's wait).
     */
    public static KaplanMeier fit(double[] times, boolean[] observed) {
        Samples.requireNonNegative(times);
        Samples.requireSameLength(times, observed);
        int n = times.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // by time, events before censored observations at the same time
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(times[a], times[b]);
            return c != 0 ? c : Boolean.compare(!observed[a], !observed[b]);
        });
        List<double[]> steps = new ArrayList<>();
        double s = 1;
        int atRisk = n;
        int totalEvents = 0;
        int i = 0;
        while (i < n) {
            double t = times[order[i]];
            int deaths = 0;
            int leaving = 0;
            while (i < n && times[order[i]] == t) {
                if (observed[order[i]]) {
                    deaths++;
                }
                leaving++;
                i++;
            }
            if (deaths > 0) {
                s *= 1 - (double) deaths / atRisk;
                steps.add(new double[] {t, s});
                totalEvents += deaths;
            }
            atRisk -= leaving;
        }
        double[] eventTimes = new double[steps.size()];
        double[] survival = new double[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            eventTimes[k] = steps.get(k)[0];
            survival[k] = steps.get(k)[1];
        }
        double last = times[order[n - 1]];
        return new KaplanMeier(n, totalEvents, eventTimes, survival, last, tailHazard(times, observed, order));
    }

    /**
     * Fits the patience of a load: every record with a patience contributes, censored when
     * {@link LoadRecord#patienceCensored()}; times in seconds.
     */
    public static KaplanMeier ofPatienceSeconds(Iterable<LoadRecord> calls) {
        int n = 0;
        double[] times = new double[64];
        boolean[] observed = new boolean[64];
        for (LoadRecord r : calls) {
            if (!r.hasPatience()) {
                continue;
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, 2 * n);
                observed = Arrays.copyOf(observed, 2 * n);
            }
            times[n] = r.patienceMillis() / 1000.0;
            observed[n] = !r.patienceCensored();
            n++;
        }
        return fit(Arrays.copyOf(times, n), Arrays.copyOf(observed, n));
    }

    private static double tailHazard(double[] times, boolean[] observed, Integer[] order) {
        int n = times.length;
        double from = times[order[n / 2]];
        double exposure = 0;
        int deaths = 0;
        double allExposure = 0;
        int allDeaths = 0;
        for (int i = 0; i < n; i++) {
            allExposure += times[i];
            allDeaths += observed[i] ? 1 : 0;
            if (times[i] >= from) {
                exposure += times[i] - from;
                deaths += observed[i] ? 1 : 0;
            }
        }
        if (deaths > 0 && exposure > 0) {
            return deaths / exposure;
        }
        return allExposure > 0 ? allDeaths / allExposure : 0;
    }

    public int observations() {
        return observations;
    }

    public int events() {
        return events;
    }

    /** The distinct times at which events happened, increasing. */
    public double[] eventTimes() {
        return eventTimes.clone();
    }

    /** S just after each of {@link #eventTimes()}. */
    public double[] survivalAtEventTimes() {
        return survival.clone();
    }

    /** The largest observation, event or censored: where the data end and the tail begins. */
    public double lastObservation() {
        return lastTime;
    }

    /** The constant hazard λ of the exponential tail beyond {@link #lastObservation()}. */
    public double tailHazard() {
        return tailHazard;
    }

    /** S(t) = P(patience > t): the step estimate up to the last observation, the tail beyond it. */
    public double survival(double t) {
        int k = stepsAtOrBefore(t);
        double s = k == 0 ? 1 : survival[k - 1];
        if (t <= lastTime || s == 0) {
            return s;
        }
        return s * Math.exp(-tailHazard * (t - lastTime));
    }

    /** ∫₀^τ S(t) dt: the mean patience when it is cut at τ (the tail included beyond the data). */
    public double restrictedMean(double tau) {
        if (!(tau >= 0)) {
            throw new IllegalArgumentException("tau must be >= 0, got " + tau);
        }
        double area = 0;
        double previous = 0;
        double s = 1;
        for (int k = 0; k < eventTimes.length && eventTimes[k] < tau; k++) {
            area += s * (eventTimes[k] - previous);
            previous = eventTimes[k];
            s = survival[k];
        }
        double dataEnd = Math.min(tau, lastTime);
        if (dataEnd > previous) {
            area += s * (dataEnd - previous);
        }
        if (tau > lastTime && s > 0) {
            area += tailHazard == 0
                    ? s * (tau - lastTime)
                    : s * -Math.expm1(-tailHazard * (tau - lastTime)) / tailHazard;
        }
        return area;
    }

    /** The mean patience, ∫₀^∞ S(t) dt, tail included; +∞ when the tail hazard is zero. */
    public double mean() {
        double s = survival.length == 0 ? 1 : survival[survival.length - 1];
        if (s > 0 && tailHazard == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return restrictedMean(lastTime) + (s > 0 ? s / tailHazard : 0);
    }

    /**
     * The inverse CDF at {@code u} in [0, 1), to sample a patience from a uniform the caller draws:
     * the first event time at which S falls below 1 − u (so u = 0 gives the shortest patience
     * observed, as {@link EmpiricalDistribution#quantile} does); beyond the data, the exponential
     * tail's value; +∞ there when the tail hazard is zero.
     */
    public double quantile(double u) {
        Samples.requireUniform(u);
        double v = 1 - u;
        int lo = 0;
        int hi = survival.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (survival[mid] < v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (lo < survival.length) {
            return eventTimes[lo];
        }
        double s = survival.length == 0 ? 1 : survival[survival.length - 1];
        if (tailHazard == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return lastTime + Math.max(0, Math.log(s / v)) / tailHazard;
    }

    /** How many event times are ≤ t. */
    private int stepsAtOrBefore(double t) {
        int lo = 0;
        int hi = eventTimes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eventTimes[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
