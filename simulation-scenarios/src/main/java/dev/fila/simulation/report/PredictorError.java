package dev.fila.simulation.report;

/**
 * One ETA predictor's error against the waits that actually happened (R8), as the report shows it.
 * Ranked by mean absolute error in the report.
 *
 * @param shareWithin60Seconds predictions within ±60 s of the actual wait, 0..1
 */
public record PredictorError(
        String predictor,
        long predictions,
        double meanAbsoluteErrorSeconds,
        double rootMeanSquareErrorSeconds,
        double shareWithin60Seconds) {}
