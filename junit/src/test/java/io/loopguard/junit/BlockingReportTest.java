package io.loopguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a failing test says, from the agent's field maps: blocking calls, and stalls with how long they took. */
class BlockingReportTest {
    private static final Map<String, Object> SLEEP = Map.of("type", "blocking-call", "operation",
            "java.lang.Thread.sleep", "thread", "loop-1", "callSite", "com.acme.H.read(H.java:42)",
            "stack", List.of("java.lang.Thread.sleep(Thread.java:1)", "com.acme.H.read(H.java:42)"),
            "time", "2026-11-22T14:30:00.123Z", "hint", "schedule it");

    @Test
    void aBlockingCallIsNamedWithItsStackAndHint() {
        BlockingCall call = BlockingCall.of(SLEEP);
        assertNull(call.durationMillis());
        String report = BlockingReport.describe("this test", List.of(call), 0, List.of());
        assertTrue(report.contains("1) java.lang.Thread.sleep on thread \"loop-1\", at com.acme.H.read(H.java:42)\n"
                + "\tat java.lang.Thread.sleep(Thread.java:1)"), report);
        assertTrue(report.contains("    fix: schedule it"), report);
    }

    @Test
    void aStallSaysHowLongTheTaskHeldTheLoop() {
        BlockingCall ongoing = BlockingCall.of(stall("ongoing", 121));
        BlockingCall ended = BlockingCall.of(stall("ended", 612));
        assertEquals(612L, ended.durationMillis());
        String report = BlockingReport.describe("this test", List.of(ongoing, ended), 0, List.of());
        assertTrue(report.contains("1) stall on thread \"loop-1\", at com.acme.P.parse(P.java:88) (2 times);"
                + " one task held the event loop for 612 ms"), report);
    }

    private static Map<String, Object> stall(String phase, long millis) {
        return Map.of("type", "stall", "thread", "loop-1", "durationMillis", millis, "callSite",
                "com.acme.P.parse(P.java:88)", "stack", List.of("com.acme.P.parse(P.java:88)"), "hint", "move it",
                "phase", phase, "samples", 3L);
    }
}
