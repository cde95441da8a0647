package dev.fila.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fila.simulation.Replications;
import dev.fila.simulation.figures.ErlangMetric;
import dev.fila.simulation.figures.Metric;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** summary.json: every figure with its 95% interval, Erlang beside it, the ETA ranking, each agent. */
class SummaryJsonTest {

    private final RunSummary run = Replications.run(
            ScenarioReader.read(Path.of("scenarios", "quickstart.yaml")).withReplications(3), 2, done -> {});
    private final JsonNode json = read(ReportWriter.json(run));

    private static JsonNode read(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void hasInterval(JsonNode e, String what) {
        assertThat(fields(e)).as(what).containsExactly("mean", "low", "high", "replications");
        if (!e.get("mean").isNull() && !e.get("low").isNull()) {
            assertThat(e.get("low").asDouble())
                    .as(what)
                    .isLessThanOrEqualTo(e.get("mean").asDouble());
            assertThat(e.get("high").asDouble())
                    .as(what)
                    .isGreaterThanOrEqualTo(e.get("mean").asDouble());
        }
    }

    @Test
    void everyOverallFigureIsThereInMetricOrderWithItsInterval() {
        JsonNode overall = json.get("overall");
        List<String> keys = new ArrayList<>();
        for (Metric m : Metric.values()) {
            keys.add(m.key());
        }
        assertThat(fields(overall)).containsExactlyElementsOf(keys);
        for (String k : keys) {
            hasInterval(overall.get(k), k);
        }
        assertThat(overall.get("serviceLevel").get("replications").asInt()).isEqualTo(3);
        assertThat(json.get("queues").get(0).get("id").asText()).isEqualTo("support");
    }

    @Test
    void erlangsOverallFiguresAreThereInTheirFixedOrder() {
        JsonNode erlang = json.get("erlang");
        assertThat(fields(erlang))
                .containsExactly("servers", "withAbandonment", "erlangCUnstableIntervals", "overall", "queues");
        List<String> keys = new ArrayList<>();
        for (ErlangMetric m : ErlangMetric.values()) {
            keys.add(m.key());
        }
        assertThat(fields(erlang.get("overall"))).containsExactlyElementsOf(keys);
        assertThat(keys).contains("erlangCAgentsNeeded", "erlangCServiceLevel", "erlangAAbandonmentRate");
    }

    @Test
    void R8_theEtaPredictorsAreRankedWithTheirIntervals() {
        JsonNode eta = json.get("etaPredictors");
        assertThat(eta).hasSize(5);
        double previous = -1;
        for (int k = 0; k < eta.size(); k++) {
            JsonNode p = eta.get(k);
            assertThat(p.get("rank").asInt()).isEqualTo(k + 1);
            assertThat(p.get("predictor").asText()).isEqualTo(run.eta().get(k).predictor());
            assertThat(p.get("predictions").asLong()).isPositive();
            for (String f : new String[] {
                "meanAbsoluteErrorSeconds",
                "rootMeanSquareErrorSeconds",
                "shareWithin60Seconds",
                "marginOverNextSeconds"
            }) {
                hasInterval(p.get(f), p.get("predictor").asText() + " " + f);
            }
            double mae = p.get("meanAbsoluteErrorSeconds").get("mean").asDouble();
            assertThat(mae).isGreaterThanOrEqualTo(previous);
            previous = mae;
        }
    }

    @Test
    void everyAgentHasItsOccupancyWithAnInterval() {
        JsonNode agents = json.get("agents");
        assertThat(agents).hasSize(run.agentIds().size());
        for (int a = 0; a < agents.size(); a++) {
            JsonNode n = agents.get(a);
            assertThat(n.get("id").asText()).isEqualTo(run.agentIds().get(a));
            assertThat(n.get("maxChats").asInt())
                    .isEqualTo(run.scenario().agents().get(a).maxChats());
            hasInterval(n.get("occupancy"), n.get("id").asText());
        }
    }
}
