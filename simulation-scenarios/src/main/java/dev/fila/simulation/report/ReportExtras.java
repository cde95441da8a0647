package dev.fila.simulation.report;

import java.util.List;

/**
 * What the HTML report shows in place of the summary's own figures, when computed elsewhere. The
 * summary already carries Erlang C and A ({@link dev.fila.simulation.figures.ErlangBaseline}) and the
 * ETA predictors' errors with their intervals; {@link #none()} draws those.
 *
 * <p><b>Erlang hook</b>: {@code erlangAgents} and {@code erlangServiceLevel}, one value per reporting
 * interval, replace the Erlang C staffing line and service-level line when not null. {@code
 * etaErrors}, when not empty, replaces the summary's ETA errors (shown without intervals).
 */
public record ReportExtras(double[] erlangAgents, double[] erlangServiceLevel, List<PredictorError> etaErrors) {

    public ReportExtras {
        etaErrors = List.copyOf(etaErrors);
    }

    /** Nothing in place of the summary's figures. */
    public static ReportExtras none() {
        return new ReportExtras(null, null, List.of());
    }
}
