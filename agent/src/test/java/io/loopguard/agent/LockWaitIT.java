package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.LockContentionOnEventLoop;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Taking a lock is a blocking call when the thread really waited for it: longer than {@code lock-wait-threshold},
 * measured, reported when the wait ends; a lock held for a moment is not.
 */
class LockWaitIT {
    private static final String AQS_ACQUIRE = "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire";
    private static final String SCENARIO = LockContentionOnEventLoop.class.getName();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aLockHeldLongerThanTheThresholdIsReportedWithTheWait(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(LockContentionOnEventLoop.class, "long").assertSucceeded();
        assertTrue(run.stdout().contains("RESULT lock ok"), run.toString());
        JsonNode wait = theOneLockWait(run);
        assertEquals("java.util.concurrent.locks.ReentrantLock.lock", wait.path("via").asText(), wait.toString());
        assertTrue(wait.path("callSite").asText().startsWith(SCENARIO + ".lambda$heldLong$"), wait.toString());
        // The other thread holds the lock 50 ms after the loop started waiting: the wait is at least that.
        assertTrue(wait.path("durationMillis").asLong() >= 50, wait.toString());
        assertTrue(run.stderr().contains("which must never block, waited " + wait.path("durationMillis").asLong()
                + " ms for a lock another thread held, at " + wait.path("callSite").asText()), run.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aLockWaitThatStallsTheLoopIsOneReportNamingTheHolder(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(LockContentionOnEventLoop.class, "stalling").assertSucceeded();
        JsonNode wait = theOneLockWait(run);
        List<JsonNode> stalls = run.events().where(e -> e.path("type").asText().equals("stall")
                && e.path("phase").asText().equals("ended") && e.path("stack").toString().contains("$heldLong$"));
        assertEquals(1, stalls.size(), run.events().toString());
        String call = wait.path("via").asText() + " (" + wait.path("operation").asText() + ")";
        assertEquals(call, stalls.get(0).path("blockingCall").asText(), "the stall names the lock wait");
        String err = run.stderr();
        String id = "#" + stalls.get(0).path("stallId").asLong();
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: blocking call")).count(), err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: stall " + id)).count(),
                "no alarm, one line\n" + err);
        assertTrue(err.lines().anyMatch(line -> line.startsWith("loopguard: stall " + id + ": ")
                && line.contains(" in the blocking call " + call + " reported above")
                && line.contains(" held by thread \"lock-holder\"")), "the holder, where the JDK can say\n" + err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aLockHeldForAMomentIsNotABlockingCall(Jdk jdk) {
        ForkedJvm.Run silent = ForkedJvm.on(jdk).agentOptions("lock-wait-threshold=1s")
                .run(LockContentionOnEventLoop.class, "brief").assertSucceeded();
        int contended = contended(silent);
        assertTrue(contended > 0, "the loop waited for the lock\n" + silent);
        assertTrue(silent.events().blockingCalls().isEmpty(), "20 ms waits, under 1 s\n" + silent.events());
        assertTrue(!silent.stderr().contains("loopguard: blocking call"), silent.stderr());

        // The same waits, each reported when no wait is short enough: they did go through the probe.
        ForkedJvm.Run every = ForkedJvm.on(jdk).agentOptions("lock-wait-threshold=0")
                .run(LockContentionOnEventLoop.class, "brief").assertSucceeded();
        List<JsonNode> waits = every.events().where(e -> e.path("operation").asText().equals(AQS_ACQUIRE));
        assertTrue(!waits.isEmpty() && waits.size() <= contended(every), waits + "\n" + every);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void strictModeThrowsAfterTheWaitAndLeavesTheLockUsable(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("mode=strict")
                .run(LockContentionOnEventLoop.class, "long").assertSucceeded();
        assertTrue(run.stdout().contains("RESULT lock threw io.loopguard.BlockingCallError"), run.toString());
        assertTrue(run.stdout().contains("RESULT lock usable: true"), "the lock was given back\n" + run);
        theOneLockWait(run);
    }

    private static JsonNode theOneLockWait(ForkedJvm.Run run) {
        List<JsonNode> calls = run.events().blockingCalls();
        assertEquals(1, calls.size(), run.events().toString());
        assertEquals(AQS_ACQUIRE, calls.get(0).path("operation").asText());
        return calls.get(0);
    }

    private static int contended(ForkedJvm.Run run) {
        Matcher contended = Pattern.compile("CONTENDED (\\d+)").matcher(run.stdout());
        assertTrue(contended.find(), run.toString());
        return Integer.parseInt(contended.group(1));
    }
}
