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

    private static org.w3c.dom.Element svg(Document d, String title) {
        NodeList svgs = d.getElementsByTagName("svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) svgs.item(i);
            if (e.getElementsByTagName("title").item(0).getTextContent().equals(title)) {
                return e;
            }
        }
        throw new AssertionError("no chart " + title);
    }

    @Test
    void theReportIsWellFormedSelfContainedAndHasItsCharts(@TempDir Path dir) throws Exception {
        ReportWriter.write(run, dir);
        String html = Files.readString(dir.resolve("report.html"));
        Document d = parse(html);
        assertThat(titles(d))
                .containsExactly(
                        "Service level per interval",
                        "Agents online per interval",
                        "Queue length over time",
                        "ETA error by predictor",
                        "ETA mean absolute error per interval, seconds");
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(d.getElementsByTagName("link").getLength()).isZero();
        assertThat(d.getElementsByTagName("img").getLength()).isZero();
        // the only URLs are the XHTML and SVG namespace names, which are never fetched
        assertThat(html.replace("http://www.w3.org/1999/xhtml", "").replace("http://www.w3.org/2000/svg", ""))
                .doesNotContain("http:")
                .doesNotContain("https:")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("url(");
        assertThat(d.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void serviceLevelAndStaffingAreDrawnAgainstErlangCAndErlangA() throws Exception {
        Document d = parse(HtmlReport.html(run));
        String html = HtmlReport.html(run);
        // simulated line, Erlang C and Erlang A (the quickstart has a patience): three paths at least
        assertThat(svg(d, "Service level per interval")
                        .getElementsByTagName("path")
                        .getLength())
                .isGreaterThanOrEqualTo(3);
        // chat slots, Erlang C's and Erlang A's staffing lines
        assertThat(svg(d, "Agents online per interval")
                        .getElementsByTagName("path")
                        .getLength())
                .isGreaterThanOrEqualTo(3);
        assertThat(html)
                .contains("- - Erlang C<")
                .contains("- - Erlang A<")
                .contains("Erlang C staffing")
                .contains("Beside Erlang C and Erlang A")
                .contains("counts as one server")
                .contains("chat slots");
    }

    @Test
    void R8_theEtaSectionRanksThePredictorsAsTheSummaryDoesWithTheirIntervals() throws Exception {
        String html = HtmlReport.html(run);
        Document d = parse(html);
        assertThat(run.eta()).hasSize(5);
        int at = html.indexOf("<th>rank</th>");
        for (int k = 0; k < run.eta().size(); k++) {
            String row = "<tr><td>" + (k + 1) + "</td><td>"
                    + HtmlReport.esc(run.eta().get(k).predictor()) + "</td>";
            int next = html.indexOf(row, at);
            assertThat(next)
                    .as("rank %d: %s", k + 1, run.eta().get(k).predictor())
                    .isGreaterThan(at);
            at = next;
        }
        // a whisker per bar: one mean absolute error and one RMSE interval per predictor
        org.w3c.dom.Element chart = svg(d, "ETA error by predictor");
        int whiskers = 0;
        NodeList paths = chart.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            if (((org.w3c.dom.Element) paths.item(i)).getAttribute("d").contains(" H")) {
                whiskers++;
            }
        }
        assertThat(whiskers).isEqualTo(2 * run.eta().size());
        assertThat(html).contains("95% confidence interval over 3 replication(s)");
    }

    @Test
    void everyAgentHasARowWithItsOccupancy() throws Exception {
        String html = HtmlReport.html(run);
        assertThat(html).contains("Occupancy per agent");
        for (String agent : run.agentIds()) {
            assertThat(html).contains("<tr><td>" + agent + "</td><td>support</td>");
        }
    }

    @Test
    void extrasGivenElsewhereReplaceTheSummarysErlangLinesAndEtaErrors() throws Exception {
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
        assertThat(html).doesNotContain("last-to-enter-service");
    }
}
