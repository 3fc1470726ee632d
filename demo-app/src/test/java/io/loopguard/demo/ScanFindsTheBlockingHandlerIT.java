package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before the server ever starts, {@code loopguard scan} on the demo's jar finds the /blocking handler's paths to
 * {@code HttpClient.send} and to the JDBC calls, with file and line, and nothing from /offload or /async.
 */
class ScanFindsTheBlockingHandlerIT {
    private static final Path DEMO_JAR = Path.of("target", "loopguard-demo.jar");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void findsTheBlockingHandlersPathsAndNothingFromTheFixedOnes(Jdk jdk) throws Exception {
        Path output = Files.createTempFile("loopguard-scan-demo", ".txt");
        Process scan = new ProcessBuilder(jdk.home().resolve("bin/java").toString(), "-jar",
                ForkedJvm.agentJar().toString(), "scan", "--quiet", "--packages", "io.loopguard.demo", DEMO_JAR.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(scan.waitFor(5, TimeUnit.MINUTES), "the scan did not finish in 5 minutes");
        String report = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertEquals(1, scan.exitValue(), "new findings fail the scan\n" + report);

        List<String> findings = List.of(report.split("\n\n"));
        String http = finding(findings, "blocking call on an event loop: java.net.http.HttpClient.send");
        assertTrue(http.contains("at io.loopguard.demo.backend.LegacyBackend.callBlocking(LegacyBackend.java:"), http);
        assertTrue(http.contains("at io.loopguard.demo.server.BlockingHandler.handle(BlockingHandler.java:"), http);
        assertTrue(http.contains("at io.loopguard.demo.server.Routes.channelRead0(Routes.java:"), http);
        String jdbc = finding(findings, "blocking call on an event loop: java.sql.Statement.executeQuery");
        assertTrue(jdbc.contains("at io.loopguard.demo.backend.PostgresBackend.callBlocking(PostgresBackend.java:"), jdbc);
        assertTrue(jdbc.contains("at io.loopguard.demo.server.BlockingHandler.handle(BlockingHandler.java:"), jdbc);

        assertFalse(report.contains("OffloadHandler") || report.contains("AsyncHandler")
                || report.contains("NettyRedisStream") || report.contains("WorkerPool"), report);
    }

    private static String finding(List<String> findings, String title) {
        return findings.stream().filter(finding -> finding.startsWith(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding '" + title + "' in\n" + String.join("\n\n", findings)));
    }
}
