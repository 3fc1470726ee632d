package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.demo.backend.LegacyBackend;
import io.loopguard.demo.load.LoadResult;
import io.loopguard.demo.load.OpenLoopRun;
import io.loopguard.demo.server.Mode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The death spiral at small scale: under the same open-loop load (twice what one blocked loop can serve),
 * the blocking mode's /health p99 is many times the fixed modes', and its latency grows during the run.
 */
class HealthUnderLoadIT {

    @Test
    void underTheSameLoadTheBlockingModesHealthIsManyTimesSlowerThanTheFixedModes() throws Exception {
        Map<String, LoadResult> results = new HashMap<>();
        try (RunningDemo demo = new RunningDemo(new LegacyBackend(), 8, 64)) {
            OpenLoopRun run = new OpenLoopRun(demo.client(), demo.address(), new PrintStream(OutputStream.nullOutputStream()));
            for (String mode : Mode.NAMES) {
                results.put(mode, run.run(mode, Duration.ofMillis(50), 40, 10, Duration.ofSeconds(3), Duration.ofSeconds(15)));
            }
        }
        long blockingHealth = results.get(Mode.BLOCKING).health().getValueAtPercentile(99);
        for (String fixed : new String[] {Mode.OFFLOAD, Mode.ASYNC}) {
            LoadResult result = results.get(fixed);
            assertEquals(0, result.errors() + result.unavailable(), fixed + " failed requests under a load it can serve");
            long health = Math.max(1000, result.health().getValueAtPercentile(99));
            assertTrue(blockingHealth >= 5 * health, "/health p99: blocking " + blockingHealth + " µs, " + fixed + " "
                    + health + " µs; the blocked loop should answer health checks many times slower");
        }
        var timeline = results.get(Mode.BLOCKING).timeline();
        assertTrue(timeline.get(timeline.size() - 1).p50Millis() >= 2 * timeline.get(0).p50Millis(),
                "the blocking mode's latency should grow during the run (the queue grows): " + timeline);
    }
}
