package dev.fila.engine.domain.eta;

/**
 * R8: Fila's own predictor. It counts the slot releases the request must wait for and how fast they
 * come, with the seed's rules in the count:
 *
 * <ol>
 *   <li><b>Who is ahead (R9, R11).</b> Only the <em>eligible</em> requests ahead will take a slot before
 *       this one: stepped-away customers keep their place but are not invited (R9), and requests already
 *       offered hold a slot of their own (R11). With {@code need = eligibleAhead + 1} slots needed and
 *       {@code free} slots free now (free chat slots for chat; idle agents for voice and video, R2), the
 *       request is invited at once when {@code need ≤ free}; otherwise it waits for {@code m = need −
 *       free} slot releases, the last one its own.
 *   <li><b>How fast slots free (R2, time-varying staffing).</b> The agents online <em>now</em> offer
 *       {@code S} slots: the sum of their chat limits for chat, one per agent for voice and video. A slot
 *       is held for a cycle of {@code c = handle + acceptDelay + (penalties ÷ served) × acceptTimeout}:
 *       the observed mean handle time, the observed time from offer to acceptance (the invitation holds
 *       the slot, R11) and the slot time lost to invitations that ran out, spread over the served. Slots
 *       free at rate {@code μ = S ÷ c}.
 *   <li><b>Abandonment (R13, R14).</b> Requests ahead leave before their turn at the observed hazard
 *       {@code θ = abandonments ÷ waiting exposure} (the exponential-patience estimate that counts the
 *       served as censored, not the abandoned alone). In the fluid picture the {@code m − 1} requests
 *       ahead then drain as {@code x' = −μ − θx}, which takes {@code ln(1 + θ(m − 1)/μ) ÷ θ} (and
 *       {@code (m − 1)/μ} when θ = 0); then the request's own slot frees after about {@code 1/μ}.
 *   <li><b>Its own acceptance (R11, R12).</b> The wait ends when the customer accepts: the observed mean
 *       offer-to-acceptance delay is added.
 * </ol>
 *
 * Until {@code minimumObservations} requests have been served (or have left, for θ), the observed
 * figures are not trusted: the handle time is the queue's default, the acceptance delay and the penalty
 * share 0, and there is no abandonment. With no agent online it assumes one agent with one slot.
 *
 * <p>Cost: expected O(log² n) (counting the eligible ahead), no allocation.
 */
public final class FilaEtaPredictor implements EtaPredictor {

    private final long minimumObservations;

    public FilaEtaPredictor(long minimumObservations) {
        if (minimumObservations < 1) {
            throw new IllegalArgumentException("minimumObservations must be at least 1");
        }
        this.minimumObservations = minimumObservations;
    }

    public FilaEtaPredictor() {
        this(5);
    }

    @Override
    public String name() {
        return "fila";
    }

    @Override
    public long predictWaitMillis(QueueObservation queue, int position, long nowMillis) {
        if (position <= 0) {
            return 0;
        }
        boolean trusted = queue.servedCount() >= minimumObservations;
        double acceptDelay = trusted ? queue.meanAcceptDelayMillis() : 0;
        boolean exclusive = queue.exclusiveAt(position);
        int agents = queue.agentsOnline();
        int need = queue.eligibleAhead(position) + 1;
        int free = agents == 0 ? 0 : exclusive ? queue.idleAgentsOnline() : queue.freeChatSlots();
        if (need <= free) {
            return Math.round(acceptDelay);
        }
        int releases = need - free;
        double handle = queue.handleObservations() >= minimumObservations
                ? queue.meanHandleMillis()
                : queue.defaultHandleMillis();
        double penaltyShare = trusted ? (double) queue.penaltiesApplied() / queue.servedCount() : 0;
        double cycle = Math.max(1.0, handle + acceptDelay + penaltyShare * queue.acceptTimeoutMillis());
        int slots = agents == 0 ? 1 : exclusive ? agents : Math.max(agents, queue.chatSlotsOnline());
        double rate = slots / cycle;
        double hazard = queue.abandonments() >= minimumObservations && queue.waitingExposureMillis() > 0
                ? queue.abandonments() / queue.waitingExposureMillis()
                : 0;
        int others = releases - 1;
        double drain = hazard > 0 ? Math.log1p(hazard * others / rate) / hazard : others / rate;
        return Math.round(drain + 1 / rate + acceptDelay);
    }
}
