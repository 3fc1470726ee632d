package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.FloodWithStaticInitializer;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code loopguard.blocking.calls} counts exactly what is reported or dropped: through a flood larger than
 * the report queue, and past a static initialiser's file read (accepted, so neither).
 */
class BlockingCallCounterIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theCounterEqualsReportedPlusDropped(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        int calls = 50_000;
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .agentOptions("threads=" + FloodWithStaticInitializer.THREAD + ",stall-threshold=off,metrics-port=" + port)
                .run(FloodWithStaticInitializer.class, "" + port, "" + calls).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT initialized 1"), run.toString());
        long counter = run.stdout().lines().filter(line -> line.startsWith("COUNTER "))
                .mapToLong(line -> Long.parseLong(line.substring("COUNTER ".length()))).findFirst().orElseThrow();
        long reported = run.events().blockingCalls().size();
        assertEquals(calls, counter, "the static initialiser's call is not counted\n" + run.stderr());
        assertEquals(calls, reported + run.events().dropped(), run.stderr());
        assertTrue(run.events().stream().noneMatch(event -> event.path("stack").toString().contains("<clinit>")),
                "the static initialiser's call is not reported");
    }
}
