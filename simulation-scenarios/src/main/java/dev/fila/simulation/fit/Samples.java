package dev.fila.simulation.fit;

/** Argument checks shared by the fits. */
final class Samples {

    private Samples() {}

    static void requireNonNegative(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no observations");
        }
        for (double v : values) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("observations must be finite and >= 0, got " + v);
            }
        }
    }

    static void requireSameLength(double[] times, boolean[] observed) {
        if (times.length != observed.length) {
            throw new IllegalArgumentException(times.length + " times but " + observed.length + " event flags");
        }
    }

    static void requireUniform(double u) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("a uniform in [0, 1) is needed, got " + u);
        }
    }
}
