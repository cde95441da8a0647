package dev.fila.simulation.erlang;

/**
 * A service-level target: at least {@code serviceLevel} of all arrivals answered within {@code
 * answerWithinSeconds}, and at most {@code maxAbandonmentRate} of them abandoned (1 = no ceiling).
 */
public record StaffingTarget(double answerWithinSeconds, double serviceLevel, double maxAbandonmentRate) {

    public StaffingTarget {
        if (!(answerWithinSeconds >= 0) || Double.isInfinite(answerWithinSeconds)) {
            throw new IllegalArgumentException("answerWithinSeconds must be a finite number >= 0");
        }
        if (!(serviceLevel >= 0 && serviceLevel <= 1)) {
            throw new IllegalArgumentException("serviceLevel must lie in [0, 1]");
        }
        if (!(maxAbandonmentRate >= 0 && maxAbandonmentRate <= 1)) {
            throw new IllegalArgumentException("maxAbandonmentRate must lie in [0, 1]");
        }
    }

    /** A service-level target with no abandonment ceiling. */
    public static StaffingTarget serviceLevel(double answerWithinSeconds, double serviceLevel) {
        return new StaffingTarget(answerWithinSeconds, serviceLevel, 1.0);
    }

    /** Whether a staffing level's figures meet this target. */
    public boolean isMetBy(ErlangResult result) {
        return result.stable()
                && result.serviceLevel() >= serviceLevel
                && result.abandonmentRate() <= maxAbandonmentRate;
    }
}
