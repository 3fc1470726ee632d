package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.demo.backend.LegacyBackend;
import io.loopguard.demo.backend.PostgresBackend;
import io.loopguard.demo.backend.SlowBackend;
import io.loopguard.demo.load.ConcurrentCallsExperiment;
import io.loopguard.demo.server.Mode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 003 at small scale, with each backend (the in-process legacy service, and the real PostgreSQL on
 * 127.0.0.1:5432): the blocking mode serves concurrent requests one after another, the fixes overlap them.
 */
class ConcurrentRequestsIT {
    private static final Duration CALL = Duration.ofMillis(400);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legacy", "postgres"})
    void theBlockingModeServesFiveRequestsOneAfterAnotherAndTheFixesServeThemTogether(String backend) throws Exception {
        try (RunningDemo demo = new RunningDemo(backend(backend), 8, 32)) {
            for (String mode : Mode.NAMES) {
                ConcurrentCallsExperiment.Result five =
                        ConcurrentCallsExperiment.run(demo.client(), demo.address(), mode, 5, CALL, TIMEOUT);
                assertEquals(0, five.failures(), mode + ": " + five);
                long first = five.completedMillis().get(0);
                if (mode.equals(Mode.BLOCKING)) {
                    // Overlapped, five calls take about one; one after another, at least five.
                    assertTrue(five.totalMillis() >= 4 * CALL.toMillis(), "blocking: 5 requests of " + CALL.toMillis()
                            + " ms took " + five.totalMillis() + " ms: they should have been served one after another " + five);
                } else {
                    assertTrue(five.totalMillis() < 2 * first, mode + ": 5 requests took " + five.totalMillis()
                            + " ms, the first alone " + first + " ms: they should have been served together " + five);
                }
            }
        }
    }

    private static SlowBackend backend(String name) throws InterruptedException {
        return name.equals("postgres")
                ? new PostgresBackend("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", 10)
                : new LegacyBackend();
    }
}
