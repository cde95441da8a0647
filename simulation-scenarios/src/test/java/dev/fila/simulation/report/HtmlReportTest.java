package dev.fila.simulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fila.simulation.Replications;
import dev.fila.simulation.figures.RunSummary;
import dev.fila.simulation.scenario.ScenarioReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    // built in the test, not in a static initializer: the replications' worker threads would wait on it
    private final RunSummary run = Replications.run(
            ScenarioReader.read(Path.of("scenarios", "quickstart.yaml")).withReplications(3), 2, done -> {});

    /** Parses the report as XML: fails on any unbalanced tag or unknown entity. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> titles(Document d) {
        NodeList svgs = d.getElementsByTagName("svg");
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < svgs.getLength(); i++) {
            titles.add(((org.w3c.dom.Element) svgs.item(i))
                    .getElementsByTagName("title")
                    .item(0)
                    .getTextContent());
        }
        return titles;
    }

    @Test
    void theReportIsWellFormedSelfContainedAndHasItsCharts(@TempDir Path dir) throws Exception {
        ReportWriter.write(run, ReportExtras.none(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        Document d = parse(html);
        assertThat(titles(d))
                .containsExactly("Service level per interval", "Agents online per interval", "Queue length over time");
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(d.getElementsByTagName("link").getLength()).isZero();
        assertThat(d.getElementsByTagName("img").getLength()).isZero();
        // the only URLs are the XHTML and SVG namespace names, which are never fetched
        assertThat(html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", ""))
                .doesNotContain("http:")
                .doesNotContain("https:")
                .doesNotContain("src=")
                .doesNotContain("href=");
        assertThat(d.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(2);
        assertThat(html).doesNotContain("ETA error").doesNotContain("Erlang C");
    }

    @Test
    void theErlangHookAndTheEtaSectionAppearWhenGiven() throws Exception {
        int n = run.intervalCount();
        double[] agents = new double[n];
        double[] level = new double[n];
        java.util.Arrays.fill(agents, 5);
        java.util.Arrays.fill(level, 0.7);
        ReportExtras extras = new ReportExtras(
                agents,
                level,
                List.of(
                        new PredictorError("queue-length", 300, 95.5, 130.2, 0.41),
                        new PredictorError("fila <best>", 300, 40.1, 61.0, 0.78)));
        String html = HtmlReport.html(run, extras);
        Document d = parse(html);
        assertThat(titles(d)).hasSize(4).contains("ETA error by predictor");
        assertThat(html).contains("Erlang C staffing").contains("- - Erlang C<");
        // ranked by mean absolute error: the best first, its name escaped
        assertThat(html.indexOf("fila &lt;best&gt;")).isLessThan(html.indexOf("queue-length"));
    }
}
