package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.demo.backend.LegacyBackend;
import io.loopguard.demo.load.ConcurrentCallsExperiment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed 003 at small scale: the blocking mode serves concurrent requests one after another, the fixes overlap them. */
class ConcurrentRequestsIT {
    private static final Duration CALL = Duration.ofMillis(400);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theBlockingModeServesFiveRequestsOneAfterAnotherAndTheFixesServeThemTogether() throws Exception {
        try (RunningDemo demo = new RunningDemo(new LegacyBackend(), 8, 32)) {
            for (String mode : Mode.NAMES) {
                long one = ConcurrentCallsExperiment.run(demo.client(), demo.address(), mode, 1, CALL, TIMEOUT).totalMillis();
                ConcurrentCallsExperiment.Result five =
                        ConcurrentCallsExperiment.run(demo.client(), demo.address(), mode, 5, CALL, TIMEOUT);
                assertEquals(0, five.failures(), mode + ": " + five);
                if (mode.equals(Mode.BLOCKING)) {
                    assertTrue(five.totalMillis() >= 4 * one, "blocking: 5 requests took " + five.totalMillis()
                            + " ms, one took " + one + " ms: they should have been served one after another");
                } else {
                    assertTrue(five.totalMillis() < 2 * one, mode + ": 5 requests took " + five.totalMillis()
                            + " ms, one took " + one + " ms: they should have been served together");
                }
            }
        }
    }
}
