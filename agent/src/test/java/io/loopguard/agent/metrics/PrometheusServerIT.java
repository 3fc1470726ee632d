package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            } finally {
                app.stop();
            }
            assertEquals(String.valueOf(LOOPS * CALLS), stored, "Prometheus's answer to " + query
                    + "\ntargets: " + prometheus.targets());
        }
    }
}
