package dev.fila.engine.domain.queue;

import java.util.Map;
import java.util.TreeMap;

/**
 * R19: how a customer's priority places them in the waiting line. Two mechanisms, usable together:
 *
 * <ul>
 *   <li><b>credits</b>: a priority is credited a fixed wait at entry, so it stands where it would stand
 *       had it entered that much earlier (default: priority 1 and above are credited 90 seconds);
 *   <li><b>strict classes</b>: when on, a higher priority always stands ahead of every lower one.
 * </ul>
 *
 * @param strictClasses whether priorities are strict classes
 * @param creditMillisByPriority the wait credited at entry per priority; a priority not listed takes
 *     the credit of the highest listed priority below it, priority 0 none unless listed
 */
public record PriorityPolicy(boolean strictClasses, Map<Integer, Long> creditMillisByPriority) {

    public static final long DEFAULT_PRIORITY_CREDIT_MILLIS = 90_000L;

    public PriorityPolicy {
        creditMillisByPriority = Map.copyOf(new TreeMap<>(creditMillisByPriority));
        for (Map.Entry<Integer, Long> credit : creditMillisByPriority.entrySet()) {
            if (credit.getKey() < 0 || credit.getValue() < 0) {
                throw new IllegalArgumentException("priority credits need priority >= 0 and credit >= 0: " + credit);
            }
        }
    }

    /** R19's default: priority customers (priority >= 1) are credited 90 seconds; no strict classes. */
    public static PriorityPolicy defaults() {
        return new PriorityPolicy(false, Map.of(1, DEFAULT_PRIORITY_CREDIT_MILLIS));
    }

    /** No priorities at all: first come, first served. */
    public static PriorityPolicy none() {
        return new PriorityPolicy(false, Map.of());
    }

    /** The class in the line: lower classes stand first. */
    public int classOf(int priority) {
        return strictClasses ? -priority : 0;
    }

    /** The wait credited to a priority at entry. */
    public long creditMillis(int priority) {
        long credit = 0;
        int best = -1;
        for (Map.Entry<Integer, Long> entry : creditMillisByPriority.entrySet()) {
            if (entry.getKey() <= priority && entry.getKey() > best) {
                best = entry.getKey();
                credit = entry.getValue();
            }
        }
        return credit;
    }
}
