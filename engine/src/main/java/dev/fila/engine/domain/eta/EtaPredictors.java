package dev.fila.engine.domain.eta;

import java.util.List;

/** R8: the predictors Fila ships, in a fixed order (reports rank them by their measured error). */
public final class EtaPredictors {

    private EtaPredictors() {}

    /** Throughput (the foundation's), queue-length, head-of-line, last-to-enter-service and Fila's own. */
    public static List<EtaPredictor> standard() {
        return List.of(
                new ThroughputEtaPredictor(),
                new QueueLengthEtaPredictor(),
                new HeadOfLineEtaPredictor(),
                new LastToEnterServiceEtaPredictor(),
                new FilaEtaPredictor());
    }
}
