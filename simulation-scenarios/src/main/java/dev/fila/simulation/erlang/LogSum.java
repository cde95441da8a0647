package dev.fila.simulation.erlang;

/**
 * A sum of positive terms given by their logarithms, kept as (scale, mantissa) so that terms of e^{±1000}
 * neither overflow nor underflow. Mutable and single-threaded: a local accumulator.
 */
final class LogSum {

    private double scale = Double.NEGATIVE_INFINITY;
    private double mantissa;

    /** Adds e^{lnTerm}. */
    void add(double lnTerm) {
        if (lnTerm == Double.NEGATIVE_INFINITY) {
            return;
        }
        if (lnTerm > scale) {
            mantissa = mantissa * Math.exp(scale - lnTerm) + 1;
            scale = lnTerm;
        } else {
            mantissa += Math.exp(lnTerm - scale);
        }
    }

    /** The largest term added so far, as a logarithm. */
    double lnLargest() {
        return scale;
    }

    /** The logarithm of the sum (−∞ when nothing was added). */
    double ln() {
        return mantissa == 0 ? Double.NEGATIVE_INFINITY : scale + Math.log(mantissa);
    }

    /** ln(e^x + e^y). */
    static double of(double x, double y) {
        double hi = Math.max(x, y);
        double lo = Math.min(x, y);
        if (hi == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(lo - hi));
    }
}
