package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end: a real Prometheus server scrapes an application running with the agent and gets its exact count. */
class PrometheusServerIT {
    private static final int LOOPS = 2;
    private static final int CALLS = 300;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void prometheusStoresTheBlockingCallsTheApplicationMade(Jdk jdk) throws Exception {
        int metricsPort = RunningApplication.freePort();
        try (PrometheusServer prometheus = PrometheusServer.scraping(metricsPort)) {
            RunningApplication app = RunningApplication.start(
                    ForkedJvm.on(jdk).agentOptions("metrics-port=" + metricsPort), LOOPS, CALLS);
            String query = "sum(loopguard_blocking_calls_total{job=\"loopguard\","
                    + "operation=\"java.util.concurrent.locks.LockSupport.parkNanos\"})";
            String stored = null;
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!String.valueOf(LOOPS * CALLS).equals(stored) && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    stored = prometheus.queryOne(query);
                }
                assertEquals(String.valueOf(LOOPS * CALLS), stored, "Prometheus's answer to " + query
                        + "\ntargets: " + prometheus.targets());
                assertDashboardQueriesWork(prometheus);
            } finally {
                app.stop();
            }
        }
    }

    /**
     * Every panel query of {@code dashboards/loopguard.json} is valid PromQL for this Prometheus, and the
     * blocking-calls panel shows the application's operation.
     */
    private static void assertDashboardQueriesWork(PrometheusServer prometheus) throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("../dashboards/loopguard.json").toFile());
        int queries = 0;
        for (JsonNode target : dashboard.findValues("targets")) {
            for (JsonNode expr : target.findValues("expr")) {
                String promQl = expr.asText().replace("$__rate_interval", "10s")
                        .replace("$job", "loopguard").replace("$instance", ".*");
                JsonNode result = prometheus.query(promQl);
                queries++;
                if (promQl.startsWith("sum by (operation) (rate(loopguard_blocking_calls_total")) {
                    // A rate needs two scrapes of the series: wait for the second.
                    for (int attempt = 0; attempt < 40 && result.isEmpty(); attempt++) {
                        Thread.sleep(250);
                        result = prometheus.query(promQl);
                    }
                    assertTrue(result.toString().contains("java.util.concurrent.locks.LockSupport.parkNanos"),
                            promQl + " gave " + result);
                }
            }
        }
        assertTrue(queries >= 6, "the dashboard has a query per panel");
    }
}
