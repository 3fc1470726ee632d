package io.loopguard.demo.scenarios;

import io.loopguard.demo.RunningDemo;
import io.loopguard.demo.backend.LegacyBackend;
import io.loopguard.demo.load.ConcurrentCallsExperiment;
import io.loopguard.demo.server.Mode;
import java.time.Duration;

/**
 * The demo server and its load generator in one JVM (run with the agent attached): ten concurrent requests
 * to each mode, enough for the workers and the event loop to meet at the hand-off. Prints
 * {@code RESULT <mode> <failures>} per mode.
 */
public final class EveryModeUnderTheAgent {

    public static void main(String[] args) throws Exception {
        try (RunningDemo demo = new RunningDemo(new LegacyBackend(), 4, 16)) {
            for (String mode : Mode.NAMES) {
                ConcurrentCallsExperiment.Result result = ConcurrentCallsExperiment.run(demo.client(), demo.address(), mode,
                        10, Duration.ofMillis(100), Duration.ofSeconds(30));
                System.out.println("RESULT " + mode + " " + result.failures());
            }
        }
    }
}
