package dev.fila.simulation.eta;

/**
 * R8: how well one ETA predictor did against the waits that actually happened.
 *
 * @param predictor the predictor's {@link dev.fila.engine.domain.eta.EtaPredictor#name() name}
 * @param predictions predictions compared: one per request that entered a line and was later served
 *     (requests that left unserved are not compared, see {@link EtaErrorObserver})
 * @param meanAbsoluteErrorSeconds mean of |predicted − actual| remaining wait
 * @param rootMeanSquareErrorSeconds square root of the mean of (predicted − actual)²
 * @param shareWithin60Seconds share of predictions within ±60 s of the actual wait (0..1)
 */
public record EtaAccuracy(
        String predictor,
        long predictions,
        double meanAbsoluteErrorSeconds,
        double rootMeanSquareErrorSeconds,
        double shareWithin60Seconds) {}
