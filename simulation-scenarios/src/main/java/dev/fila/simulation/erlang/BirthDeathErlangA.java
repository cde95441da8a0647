package dev.fila.simulation.erlang;

/**
 * Erlang A from its birth–death chain, state j = callers present: births λ, deaths min(j, n)μ + max(j −
 * n, 0)θ. The stationary law π is summed in log space and truncated above n + K where it has fallen e^{−60}
 * below its peak. By PASTA an arrival sees π; one that finds k callers already waiting moves up the line
 * at rate r_i = nμ + iθ while i callers are ahead of it and leaves at rate θ, so it is answered with
 * probability Q_k = Π_{i≤k} r_i/(r_i + θ) after a wait of mean Σ_{i≤k} 1/(r_i + θ) (given that it is); its
 * chance of being answered within T comes from uniformizing that chain at rate Λ = nμ + (K+1)θ.
 */
final class BirthDeathErlangA {

    private BirthDeathErlangA() {}

    /** Rates per second, T in seconds; λ &gt; 0. */
    static ErlangResult evaluate(double lambda, double mu, double theta, int n, double answerWithinSeconds) {
        double a = lambda / mu;
        if (n == 0) {
            return new ErlangResult(0, a, 0, 1, 0, 1, 0);
        }
        double[] p = stationary(lambda, mu, theta, n);
        int waitingStates = p.length - n; // k = 0..K callers already waiting when the arrival comes

        double findsFree = 0;
        for (int j = 0; j < n; j++) {
            findsFree += p[j];
        }
        double busy = 0;
        double meanWaiting = 0;
        for (int j = 0; j < p.length; j++) {
            busy += Math.min(j, n) * p[j];
            meanWaiting += Math.max(j - n, 0) * p[j];
        }

        double answeredAfterWaiting = 0;
        double waitOfAnswered = 0;
        double q = 1;
        double meanSojourn = 0;
        for (int k = 0; k < waitingStates; k++) {
            double r = n * mu + k * theta;
            q *= r / (r + theta);
            meanSojourn += 1 / (r + theta);
            answeredAfterWaiting += p[n + k] * q;
            waitOfAnswered += p[n + k] * q * meanSojourn;
        }
        double answered = findsFree + answeredAfterWaiting;
        double abandonment = theta * meanWaiting / lambda;
        double serviceLevel = findsFree + answeredWithin(p, n, mu, theta, answerWithinSeconds);
        return new ErlangResult(
                n, a, Math.min(1, serviceLevel), 1 - findsFree, waitOfAnswered / answered, abandonment, busy / n);
    }

    private static double[] stationary(double lambda, double mu, double theta, int n) {
        double a = lambda / mu;
        double[] below = new double[n + 1]; // ln π_j/π_n for j ≤ n
        for (int j = n - 1; j >= 0; j--) {
            below[j] = below[j + 1] + Math.log((j + 1) / a);
        }
        double peak = 0;
        for (double w : below) {
            peak = Math.max(peak, w);
        }
        double[] above = new double[64]; // ln π_{n+k}/π_n for k ≥ 1, at index k
        int k = 0;
        double ln = 0;
        while (true) {
            k++;
            ln += Math.log(lambda / (n * mu + k * theta));
            if (k >= above.length) {
                above = java.util.Arrays.copyOf(above, above.length * 2);
            }
            above[k] = ln;
            peak = Math.max(peak, ln);
            if (lambda < n * mu + (k + 1) * theta && ln < peak - 60) {
                break;
            }
        }
        double[] p = new double[n + k + 1];
        double total = 0;
        for (int j = 0; j < p.length; j++) {
            double w = j <= n ? below[j] : above[j - n];
            p[j] = Math.exp(w - peak);
            total += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= total;
        }
        return p;
    }

    /** P(finds k waiting, then reaches an agent within T), summed over k, by uniformization. */
    private static double answeredWithin(double[] p, int n, double mu, double theta, double t) {
        int states = p.length - n;
        if (t == 0) {
            return 0;
        }
        double rate = n * mu + states * theta; // ≥ every state's total exit rate r_i + θ
        double mean = rate * t;
        int steps = (int) Math.ceil(mean + 12 * Math.sqrt(mean) + 40);
        // P(N ≥ m) for N ~ Poisson(mean), as suffix sums of the probabilities (no cancellation)
        double[] atLeast = new double[steps + 2];
        for (int m = steps; m >= 0; m--) {
            double lnPmf = -mean + m * Math.log(mean) - org.apache.commons.math3.special.Gamma.logGamma(m + 1.0);
            atLeast[m] = atLeast[m + 1] + Math.exp(lnPmf);
        }
        double[] v = new double[states];
        System.arraycopy(p, n, v, 0, states);
        double within = 0;
        for (int m = 1; m <= steps; m++) {
            within += atLeast[m] * v[0] * (n * mu) / rate;
            for (int i = 0; i < states; i++) {
                double stay = 1 - (n * mu + (i + 1) * theta) / rate;
                double fromBehind = i + 1 < states ? v[i + 1] * (n * mu + (i + 1) * theta) / rate : 0;
                v[i] = v[i] * stay + fromBehind;
            }
        }
        return within;
    }
}
