package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Prometheus endpoint {@code metrics-port} turns on: exact counts, and a port in use that never stops
 * the application (values that are not ports: {@code MetricsOptionsTest}).
 */
class PrometheusEndpointIT {
    private static final int LOOPS = 4;
    private static final int CALLS = 2_500;
    private static final String PARK_ON_EVENT_LOOPS =
            "operation=\"java.util.concurrent.locks.LockSupport.parkNanos\",thread_group=\"multiThreadIoEventLoopGroup-*\"";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void countsEveryBlockingCallOfConcurrentEventLoopsExactly(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        RunningApplication app = RunningApplication.start(ForkedJvm.on(jdk).agentOptions("metrics-port=" + port), LOOPS, CALLS);
        PrometheusText metrics;
        ForkedJvm.Run run;
        try {
            metrics = scrapeOnceCounted(port);
        } finally {
            run = app.stop();
        }
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"), metrics.contentType());
        assertEquals(LOOPS * CALLS, metrics.sum("loopguard_blocking_calls_total", PARK_ON_EVENT_LOOPS), metrics.body());
        assertEquals(LOOPS * CALLS, metrics.sum("loopguard_blocking_calls_total", ""), "no other series\n" + metrics.body());
        assertTrue(metrics.sum("loopguard_events_dropped_total", "") >= 0, metrics.body());
        assertFalse(metrics.body().contains("Blockers"), "call sites are never tags\n" + metrics.body());
        // The events file has every call too, or counts it as dropped when the report queue overflowed.
        assertEquals(LOOPS * CALLS, run.events().blockingCalls().size() + run.events().dropped());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void servesTheWatchdogsStallAndLoopMeters(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        RunningApplication app = RunningApplication.start(ForkedJvm.on(jdk).agentOptions("metrics-port=" + port), 1, 1, 400);
        PrometheusText metrics;
        try {
            // A stall is judged a moment after its task ended (a GC notification may still explain it).
            metrics = scrapeUntilPresent(port, "loopguard_stalls_total", "loopguard_stall_duration_seconds_sum",
                    "loopguard_loop_delay_seconds_count", "loopguard_loop_utilization");
        } finally {
            app.stop();
        }
        String loopGroup = "thread_group=\"multiThreadIoEventLoopGroup-*\"";
        // At least the stall the scenario's task caused: the loops run on while the test scrapes, and on a loaded
        // machine the watchdog may see more, or blame a late wake-up of its own on the JVM (cause "jvm").
        assertTrue(metrics.sum("loopguard_stalls_total", loopGroup) >= 1, metrics.body());
        assertTrue(metrics.sum("loopguard_stall_duration_seconds_sum", loopGroup) >= 0.4, metrics.body());
        assertTrue(metrics.sum("loopguard_loop_delay_seconds_count", loopGroup) > 0, metrics.body());
        assertTrue(metrics.sum("loopguard_loop_delay_seconds_max", loopGroup) >= 0.4,
                "the stalled task kept the loop's next task waiting\n" + metrics.body());
        assertTrue(metrics.body().contains("loopguard_loop_utilization{" + loopGroup), metrics.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aPortInUseIsOneLineAndTheApplicationRunsOn(Jdk jdk) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("metrics-port=" + port)
                    .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep").assertSucceeded();
            assertOneLine(run, "loopguard: option metrics-port: cannot serve Prometheus metrics on 127.0.0.1:" + port
                    + " (BindException: ");
            assertStillDetects(run);
        }
    }

    /**
     * Scrapes until the count reached {@code LOOPS * CALLS}, for at most thirty seconds: calls are counted as
     * the reporting thread takes them, and the series registered within the exporter's half-second tick.
     */
    private static PrometheusText scrapeOnceCounted(int port) throws Exception {
        PrometheusText metrics = PrometheusText.scrape(port);
        for (int attempt = 0; attempt < 300 && !(metrics.sum("loopguard_blocking_calls_total", "") >= LOOPS * CALLS);
             attempt++) {
            Thread.sleep(100);
            metrics = PrometheusText.scrape(port);
        }
        return metrics;
    }

    /**
     * Scrapes until every one of {@code metrics} has a value, for at most 30 seconds: the agent registers new
     * series every half second, so one event's counter may be served a scrape before its timer.
     */
    private static PrometheusText scrapeUntilPresent(int port, String... metrics) throws Exception {
        PrometheusText scraped = PrometheusText.scrape(port);
        for (int attempt = 0; attempt < 300 && !allPresent(scraped, metrics); attempt++) {
            Thread.sleep(100);
            scraped = PrometheusText.scrape(port);
        }
        return scraped;
    }

    private static boolean allPresent(PrometheusText scraped, String... metrics) {
        for (String metric : metrics) {
            if (Double.isNaN(scraped.sum(metric, ""))) {
                return false;
            }
        }
        return true;
    }

    private static void assertStillDetects(ForkedJvm.Run run) {
        assertTrue(run.stdout().contains("RESULT threadSleep ok"), run.toString());
        assertEquals(1, run.events().blockingCalls().size(), run.toString());
    }

    private static void assertOneLine(ForkedJvm.Run run, String start) {
        assertEquals(1, run.stderr().lines().filter(line -> line.startsWith(start)).count(),
                "expected exactly one line starting with: " + start + "\n" + run.stderr());
    }
}
