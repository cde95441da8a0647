package dev.fila.engine.domain.eta;

/**
 * R8: the last-to-enter-service predictor (LES, Ibrahim &amp; Whitt): a new arrival will wait about as
 * long as the last request that entered service (was accepted, R12) waited.
 *
 * <p><b>Scaling for other positions.</b> That request waited {@code w} to advance {@code k} places (its
 * entry position plus any R11 penalty places) and then be served, so the line moved at about {@code k
 * ÷ w} places per unit of time; the request at position p is predicted {@code p × w ÷ k}. When the
 * line is as long as it was then ({@code p = k}) this is the classical LES prediction {@code w}.
 *
 * <p>Before anyone has been served it predicts 0, as the classical LES does with no history. Cost:
 * O(1), no allocation.
 */
public final class LastToEnterServiceEtaPredictor implements EtaPredictor {

    @Override
    public String name() {
        return "last-to-enter-service";
    }

    @Override
    public long predictWaitMillis(QueueObservation queue, int position, long nowMillis) {
        long waited = queue.lastServedWaitMillis();
        if (position <= 0 || waited < 0) {
            return 0;
        }
        int places = Math.max(1, queue.lastServedPlaces());
        return Math.round((double) waited * position / places);
    }
}
