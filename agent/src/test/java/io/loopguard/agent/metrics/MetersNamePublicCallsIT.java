package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.MetersNamePublicCalls;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocking-calls meter's {@code operation} tag names the public method the application called
 * ({@code CompletableFuture.join}), not the JDK's internal wait under it; the events file keeps that as its
 * {@code operation}.
 */
class MetersNamePublicCallsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theOperationTagIsWhatTheApplicationCalled(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("stall-threshold=off,metrics-port=" + port)
                .run(MetersNamePublicCalls.class, "" + port).assertSucceeded();
        String metrics = run.stdout();
        assertTrue(metrics.contains("operation=\"java.util.concurrent.CompletableFuture.join\""), run.toString());
        assertTrue(metrics.contains("operation=\"java.util.concurrent.BlockingQueue.take\""), run.toString());
        assertFalse(metrics.contains("waitingGet"), run.toString());
        assertFalse(metrics.contains("ConditionObject"), run.toString());
        Set<String> primitives = run.events().blockingCalls().stream().map(e -> e.path("operation").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("java.util.concurrent.CompletableFuture.waitingGet",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await"), primitives, run.toString());
    }
}
