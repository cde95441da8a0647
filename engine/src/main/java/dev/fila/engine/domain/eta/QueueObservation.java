package dev.fila.engine.domain.eta;

/**
 * What an ETA predictor may read of a queue (R8). Every figure is computed from the queue's own events
 * (its line, the agents' capacity reports, the handle times those reports carry), so a predictor stays
 * a pure function of the queue and the instant it is asked at.
 *
 * <p>Cost: every method is O(1) except {@link #headEnteredAtMillis}, {@link #headPlaces} and {@link
 * #exclusiveAt} (expected O(log n)) and {@link #eligibleAhead} (expected O(log² n)); none allocates.
 */
public interface QueueObservation {

    /** Requests in the line. */
    int waitingCount();

    /** Agents online in this queue's view. */
    int agentsOnline();

    /** Requests served so far (left the line by acceptance). */
    long servedCount();

    /** Exponentially weighted mean time between two requests leaving the line served; 0 before two. */
    double meanServiceIntervalMillis();

    /** The handle time assumed when nothing has been observed yet (a queue setting). */
    long defaultHandleMillis();

    // ---- handle times (from the agents' capacity reports after a close)

    /** Interactions of this queue whose handle time was reported. */
    long handleObservations();

    /**
     * Mean handle time (acceptance to close) of this queue's interactions: the plain mean of the first
     * reports, then an exponentially weighted one that follows drifts; {@link #defaultHandleMillis}
     * before any report.
     */
    double meanHandleMillis();

    // ---- capacity (R2)

    /**
     * Chat slots of the agents online: the sum of each one's chat limit (R2, maxChats), learnt from the
     * free slots it reports while holding nothing (1 until then).
     */
    int chatSlotsOnline();

    /** Free chat slots of the agents online, as the queue's view has them (offers count as taken). */
    int freeChatSlots();

    /** Agents online holding nothing (who could take voice or video, R2). */
    int idleAgentsOnline();

    // ---- the line's makeup (R9, R11)

    /** Requests in the line that may be offered now (available, not already offered). */
    int eligibleCount();

    /** Requests in the line currently offered to an agent (their invitation holds a slot, R11). */
    int offeredCount();

    /** Eligible requests standing ahead of {@code position} (1-based): R9's stepped-away are not. */
    int eligibleAhead(int position);

    /** Whether the request at {@code position} is voice or video (R2); false when out of range. */
    boolean exclusiveAt(int position);

    // ---- delay history (Ibrahim & Whitt's HOL and LES)

    /**
     * When the head of the line entered it, or -1 when the line is empty. The head is the next request
     * to be offered: the first eligible one (R9: stepped-away customers keep their place but are passed
     * over; offered ones are already being invited), or the one at position 1 when none is eligible.
     */
    long headEnteredAtMillis();

    /**
     * The places the head (as in {@link #headEnteredAtMillis}) had to advance to get there: its entry
     * position, plus any R11 penalties; 0 when the line is empty.
     */
    int headPlaces();

    /** The wait of the last request that left the line served (entry to acceptance), or -1 before any. */
    long lastServedWaitMillis();

    /** The places the last served request had to advance (entry position plus penalties); 0 before any. */
    int lastServedPlaces();

    // ---- invitations (R10, R11)

    /** Offers made so far. */
    long offersMade();

    /** R11 penalties applied so far (invitations that ran out). */
    long penaltiesApplied();

    /** R11: the time an invitation holds a slot before it runs out (a queue setting). */
    long acceptTimeoutMillis();

    /** Mean time from an offer to the customer's acceptance, over the served; 0 before any. */
    double meanAcceptDelayMillis();

    // ---- abandonment (R13, R14)

    /** Requests that left the line unserved (left, expired, rejected, refused). */
    long abandonments();

    /**
     * Time spent waiting in the line by all requests together (the integral of the line's length), up to
     * the queue's last change: {@code abandonments() / waitingExposureMillis()} is the maximum-likelihood
     * abandonment hazard under exponential patience, with the served as censored observations.
     */
    double waitingExposureMillis();
}
