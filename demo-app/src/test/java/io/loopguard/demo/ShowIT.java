package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's command, at small scale: {@code show} starts the server in a child JVM with the agent, prints
 * the three tables with Loopguard naming the blocking line, and writes a report with the charts' data.
 */
class ShowIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void showPrintsTheTablesAndTheFindingsAndWritesTheReport(Jdk jdk) throws Exception {
        Path report = Files.createTempDirectory("loopguard-show").resolve("report.html");
        ForkedJvm.Run run = ForkedJvm.on(jdk).withoutAgent().run(Main.class, "show",
                "--agent", ForkedJvm.agentJar().toString(), "--call-time", "300ms", "--concurrent", "3",
                "--work-time", "50ms", "--rate", "40", "--duration", "2s", "--report", report.toString()).assertSucceeded();
        String out = run.stdout();

        assertTrue(out.contains("loopguard: active on JDK " + jdk.feature()), "the server ran with the agent\n" + run);
        assertTrue(out.contains("Before the server starts, loopguard scan reads the demo's jar")
                && out.contains("\n  java.net.http.HttpClient.send\n"
                        + "      at io.loopguard.demo.backend.LegacyBackend.callBlocking(LegacyBackend.java:")
                && out.indexOf("HttpClient.send") < out.indexOf("server: demo listening"),
                "the build-time scan found the blocking handler's call before the server started\n" + out);
        assertTrue(Pattern.compile("/blocking .* one after another").matcher(out).find(), out);
        assertTrue(Pattern.compile("/offload .* all together").matcher(out).find(), out);
        assertTrue(Pattern.compile("/async .* all together").matcher(out).find(), out);
        assertTrue(out.contains("/health p99"), "the load table\n" + out);
        assertTrue(out.contains("in the handler at io.loopguard.demo.server.BlockingHandler.handle(BlockingHandler.java:"),
                "Loopguard names the /blocking handler's line\n" + out);
        assertTrue(Pattern.compile("/offload\\s+nothing").matcher(out).find(), out);
        assertTrue(Pattern.compile("/async\\s+nothing").matcher(out).find(), out);
        assertAttachingFoundTheBlockingCallInTheRunningServer(out, jdk);
        assertTrue(out.contains("Report: " + report.toAbsolutePath()), out);

        assertTheReportIsWellFormedWithTheChartsData(report);
    }

    private static void assertAttachingFoundTheBlockingCallInTheRunningServer(String out, Jdk jdk) {
        int step = out.indexOf("In production: the same server started without Loopguard");
        assertTrue(step > out.indexOf("Loopguard's events file"), "the attach step comes after the findings\n" + out);
        String attach = out.substring(step);
        assertTrue(Pattern.compile("\\$ java -jar loopguard-agent\\.jar attach \\d+\n    loopguard: active on JDK " + jdk.feature()
                + ".*classes retransformed in \\d+ ms, \\d+ running event loops? adopted").matcher(attach).find(), attach);
        assertTrue(Pattern.compile("\\$ java -jar loopguard-agent\\.jar status \\d+\n    loopguard: summary: 2 blocking calls from 1 call site"
                + ".*\n    loopguard: +2 .*java\\.net\\.http\\.HttpClient\\.send.* at io\\.loopguard\\.demo\\.backend\\.LegacyBackend\\.callBlocking")
                .matcher(attach).find(), "status names the blocking call made after the attach\n" + attach);
        assertTrue(Pattern.compile("\\$ java -jar loopguard-agent\\.jar detach \\d+\n    loopguard: detached; classes restored")
                .matcher(attach).find(), attach);
    }

    private static void assertTheReportIsWellFormedWithTheChartsData(Path report) throws Exception {
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(!html.contains("http://") || html.replace("http://www.w3.org/2000/svg", "").indexOf("http://") < 0,
                "the report fetches nothing from the network");
        // Well-formed: a real XML parser reads it, every element closed.
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        NodeList charts = document.getElementsByTagName("svg");
        assertEquals(2, charts.getLength(), "a latency chart and a /health chart");
        for (int i = 0; i < charts.getLength(); i++) {
            NodeList lines = ((Element) charts.item(i)).getElementsByTagName("polyline");
            assertEquals(3, lines.getLength(), "one line per mode");
            for (int line = 0; line < lines.getLength(); line++) {
                assertTrue(((Element) lines.item(line)).getAttribute("points").split(" ").length >= 2, "a line has points");
            }
        }
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"chart-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(data.find(), "the charts' data is in the report");
        JsonNode json = new ObjectMapper().readTree(data.group(1));
        assertEquals(3, json.path("concurrentCalls").size());
        assertEquals(3, json.path("load").size());
        for (JsonNode mode : json.path("load")) {
            assertTrue(mode.path("timeline").size() >= 2, mode.toString());
        }
    }
}
