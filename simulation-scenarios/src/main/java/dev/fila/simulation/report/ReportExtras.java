package dev.fila.simulation.report;

import java.util.List;

/**
 * What the report shows beside the simulation, computed elsewhere.
 *
 * <p><b>Erlang hook</b>: {@code erlangAgents} and {@code erlangServiceLevel}, one value per reporting
 * interval (the Erlang C staffing that meets the target, and Erlang C's service level at the simulated
 * staffing); null when not computed. The report draws them as dashed lines beside the simulated
 * figures. {@code etaErrors}: the ETA predictors' errors; the report's ETA section appears only when
 * the list is not empty.
 */
public record ReportExtras(double[] erlangAgents, double[] erlangServiceLevel, List<PredictorError> etaErrors) {

    public ReportExtras {
        etaErrors = List.copyOf(etaErrors);
    }

    /** Nothing beside the simulation. */
    public static ReportExtras none() {
        return new ReportExtras(null, null, List.of());
    }
}
