package io.loopguard.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a failing test says, from the agent's field maps: blocking calls, and stalls counted apart. */
class BlockingReportTest {
    private static final Map<String, Object> SLEEP = Map.of("type", "blocking-call", "operation",
            "java.lang.Thread.sleep", "thread", "loop-1", "callSite", "com.acme.H.read(H.java:42)",
            "stack", List.of("java.lang.Thread.sleep(Thread.java:1)", "com.acme.H.read(H.java:42)"),
            "time", "2026-11-22T14:30:00.123Z", "hint", "schedule it");

    @Test
    void aBlockingCallIsNamedWithItsStackAndHint() {
        String report = BlockingReport.describe("this test", List.of(BlockingCall.of(SLEEP)), List.of(), 0, List.of());
        assertTrue(report.contains("1) java.lang.Thread.sleep on thread \"loop-1\", at com.acme.H.read(H.java:42)\n"
                + "\tat java.lang.Thread.sleep(Thread.java:1)"), report);
        assertTrue(report.contains("    fix: schedule it"), report);
    }

    @Test
    void aStallIsCountedAndNamedApartFromBlockingCalls() {
        LoopStall stall = LoopStall.of(WindowTest.stall("ended", Instant.parse("2026-11-22T14:30:00.121Z"), null, false));

        String both = BlockingReport.describe("this test", List.of(BlockingCall.of(SLEEP)), List.of(stall), 0,
                List.of());
        assertTrue(both.startsWith("Loopguard: during this test, threads that must never block made 1 blocking call,"
                + " from 1 call site; and 1 event-loop stall (one task held an event loop longer than"
                + " stall-threshold):"), both);
        assertTrue(both.contains("2) stall: thread \"loop-1\" ran one task for 612 ms, at"
                + " com.acme.Pricing.parse(Pricing.java:88)"), both);

        String stallOnly = BlockingReport.describe("this test", List.of(), List.of(stall), 0, List.of());
        assertTrue(stallOnly.startsWith("Loopguard: during this test, 1 event-loop stall"), stallOnly);
        assertFalse(stallOnly.contains("blocking call"), stallOnly);
    }
}
