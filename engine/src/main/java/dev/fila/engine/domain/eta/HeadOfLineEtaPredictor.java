package dev.fila.engine.domain.eta;

/**
 * R8: the head-of-line delay predictor (HOL, Ibrahim &amp; Whitt): a new arrival will wait about as long
 * as the request now at the head of the line has waited so far.
 *
 * <p><b>Scaling for other positions.</b> The head has waited {@code w} to advance the {@code k} places
 * from where it entered (its entry position, plus any R11 penalty places) to the front, so the line
 * has been moving at about {@code k ÷ w} places per unit of time; the request at position p needs p
 * places, so it is predicted {@code p × w ÷ k}. For the last arrival, which stands where the head
 * stood when the line is steady ({@code p = k}), this is the classical HOL prediction {@code w}; for
 * positions nearer the front it is proportionally less, instead of the same for everyone.
 *
 * <p>An empty line (or a head that has not waited yet) predicts 0. Cost: expected O(log n) (finding
 * the head), no allocation.
 */
public final class HeadOfLineEtaPredictor implements EtaPredictor {

    @Override
    public String name() {
        return "head-of-line";
    }

    @Override
    public long predictWaitMillis(QueueObservation queue, int position, long nowMillis) {
        long enteredAt = queue.headEnteredAtMillis();
        if (position <= 0 || enteredAt < 0) {
            return 0;
        }
        long waited = Math.max(0, nowMillis - enteredAt);
        int places = Math.max(1, queue.headPlaces());
        return Math.round((double) waited * position / places);
    }
}
