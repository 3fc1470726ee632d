package io.loopguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stall sampled inside a blocking call already reported is that call's: linked, and one line on stderr. */
class BlockingCallStallsTest {
    private static final Instant START = Instant.parse("2026-11-22T14:30:00.100Z");
    private static final String SLEEP = "java.base/java.lang.Thread.sleep(Thread.java:536)";
    private static final String HANDLER = "com.acme.H.read(H.java:42)";
    private static final Detection SLEEP_CALL = call("loop-1", List.of(SLEEP, HANDLER, "io.netty.X.run(X.java:1)"));

    @Test
    void aStallSampledInTheCallIsTheCalls() {
        BlockingCallStalls links = new BlockingCallStalls();
        assertSame(SLEEP_CALL, links.link(SLEEP_CALL));
        Detection linked = links.link(stall("loop-1", Stall.ENDED, List.of("java.base/java.lang.Thread.sleepNanos0(Native"
                + " Method)", "java.base/java.lang.Thread.sleep(Thread.java:558)", HANDLER, "io.netty.X.run(X.java:1)")));
        assertEquals("java.lang.Thread.sleep", linked.stall().blockingCall());
        assertEquals(HANDLER, linked.callSite());
        assertEquals("schedule it", linked.hint(), "the call's fix, not the stall's");
        assertEquals(7, linked.stall().id());
    }

    @Test
    void aNativeCallProbedAtItsCallSiteIsMatchedByTheLine() {
        BlockingCallStalls links = new BlockingCallStalls();
        links.link(call("loop-1", List.of(HANDLER, "io.netty.X.run(X.java:1)")));
        Detection linked = links.link(stall("loop-1", Stall.ENDED,
                List.of("java.base/java.lang.Thread.sleep(Native Method)", HANDLER, "io.netty.X.run(X.java:1)")));
        assertEquals("java.lang.Thread.sleep", linked.stall().blockingCall());
        assertNull(links.link(stall("loop-1", Stall.ENDED, List.of(HANDLER, "io.netty.X.run(X.java:1)")))
                .stall().blockingCall(), "at the line, but in no call: its own code");
    }

    @Test
    void aStallElsewhereOrOnAnotherThreadIsItsOwn() {
        BlockingCallStalls links = new BlockingCallStalls();
        links.link(SLEEP_CALL);
        assertNull(links.link(stall("loop-1", Stall.ENDED, List.of("com.acme.P.parse(P.java:88)", HANDLER)))
                .stall().blockingCall(), "the same handler, but not in the call");
        assertNull(links.link(stall("loop-2", Stall.ENDED, List.of(SLEEP, HANDLER))).stall().blockingCall());
    }

    @Test
    void aStallThatStartedAfterTheCallIsItsOwn() {
        BlockingCallStalls links = new BlockingCallStalls();
        links.link(SLEEP_CALL);
        Detection later = new Detection(Detection.STALL, null, null, "loop-1", HANDLER, List.of(SLEEP, HANDLER),
                START.plusSeconds(60), "move it", new Stall(Stall.ENDED, START.plusSeconds(60), 300, HANDLER, 30, 30,
                        null, null, 0, false, false, 8, null));
        assertNull(links.link(later).stall().blockingCall(), "an earlier call at the same place, not this one");
    }

    @Test
    void theConsoleShowsTheCallsStallAsOneLineAndNoAlarm() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReporter console = new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        BlockingCallStalls links = new BlockingCallStalls();
        List<String> stack = List.of(SLEEP, HANDLER, "io.netty.X.run(X.java:1)");
        for (Detection detection : List.of(SLEEP_CALL, stall("loop-1", Stall.ONGOING, stack),
                stall("loop-1", Stall.ENDED, stack))) {
            console.report(links.link(detection));
        }
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: blocking call")).count(), err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: stall")).count(), "no alarm\n" + err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: stall #7: thread \"loop-1\" ran one task"
                + " for 300 ms, in the blocking call java.lang.Thread.sleep reported above, at " + HANDLER
                + "; fix: schedule it")).count(), err);
        assertEquals(1, err.lines().filter(line -> line.equals("\tat " + HANDLER)).count(), "one stack\n" + err);
        assertEquals(0, err.lines().filter(line -> line.contains("move it")).count(), "no stall fix\n" + err);
    }

    private static Detection call(String thread, List<String> stack) {
        return new Detection(Detection.BLOCKING_CALL, "java.lang.Thread.sleep", null, thread, HANDLER, stack,
                START.plusMillis(1), "schedule it");
    }

    private static Detection stall(String thread, String phase, List<String> stack) {
        return new Detection(Detection.STALL, null, null, thread, HANDLER, stack, START.plusMillis(300), "move it",
                new Stall(phase, START, 300, HANDLER, 30, 30, null, null, 0, false, false, 7, null));
    }
}
