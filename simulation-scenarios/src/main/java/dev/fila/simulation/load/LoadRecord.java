package dev.fila.simulation.load;

import dev.fila.engine.domain.Channel;
import java.util.Objects;

/**
 * One recorded (or generated) arrival of a load: when a customer arrived, where, on which channel,
 * how long serving them takes, and how long they are willing to wait.
 *
 * <p>The columns of Fila's load CSV, in this order: {@code arrival} (ISO local date-time in the
 * scenario's time zone, e.g. {@code 1999-01-04T07:00:12}), {@code queue}, {@code channel}
 * ({@code chat|voice|video}), {@code handle_seconds} (empty when unknown, e.g. an abandoned call),
 * {@code patience_seconds} (empty when unlimited or unknown), {@code patience_censored}
 * ({@code true} when the patience is only a lower bound: the customer was served after waiting that
 * long), {@code priority} (integer ≥ 0), {@code customer_id}.
 *
 * @param arrivalMillis epoch milliseconds
 * @param handleMillis the handle time, or {@link #UNKNOWN}
 * @param patienceMillis the patience, or {@link #UNKNOWN} when unlimited or unknown
 * @param patienceCensored true when {@code patienceMillis} is a lower bound (a served customer's wait)
 */
public record LoadRecord(
        long arrivalMillis,
        String queueId,
        Channel channel,
        long handleMillis,
        long patienceMillis,
        boolean patienceCensored,
        int priority,
        String customerId) {

    /** A duration that is not known. */
    public static final long UNKNOWN = -1L;

    public LoadRecord {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customerId, "customerId");
        if (handleMillis < UNKNOWN || patienceMillis < UNKNOWN || priority < 0) {
            throw new IllegalArgumentException("negative duration or priority in " + queueId + "@" + arrivalMillis);
        }
    }

    public boolean hasHandleTime() {
        return handleMillis != UNKNOWN;
    }

    public boolean hasPatience() {
        return patienceMillis != UNKNOWN;
    }
}
