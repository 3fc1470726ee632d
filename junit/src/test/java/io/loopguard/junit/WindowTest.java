package io.loopguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which stall reports a test is charged, as the agent delivers them: alarm, then verdict. */
class WindowTest {
    private final Window test = new Window("Sample#test", null, TestRules.NONE);
    private final Instant started = test.since.plusMillis(5);

    @Test
    void aStallTheTestCausedIsChargedOnceWithItsVerdict() {
        test.charge(LoopStall.of(stall("ongoing", started, null, false)));
        assertTrue(test.awaitsVerdict(), "the alarm alone waits for the verdict");
        test.charge(LoopStall.of(stall("ended", started, null, false)));
        assertFalse(test.awaitsVerdict());
        assertEquals(1, test.chargedStalls().size(), "alarm and verdict are one stall");
        assertEquals(612, test.chargedStalls().get(0).durationMillis(), "the verdict's duration");
    }

    @Test
    void aStallTheMachineCausedIsNeverCharged() {
        for (String pause : List.of("gc", "jvm", "cpu")) {
            Instant at = started.plusMillis(pause.length() + pause.charAt(0));
            test.charge(LoopStall.of(stall("ongoing", at, null, false)));
            test.charge(LoopStall.of(stall("ended", at, pause, false)));
        }
        test.charge(LoopStall.of(stall("ended", started.plusSeconds(1), null, true)));
        assertEquals(List.of(), test.chargedStalls(), "GC, JVM pauses, CPU starvation and warm-up are the machine's");
        assertFalse(test.awaitsVerdict());
    }

    @Test
    void anAlarmWhileClassesLoadWaitsForTheVerdict() {
        test.charge(LoopStall.of(stall("ongoing", started, null, true)));
        assertTrue(test.awaitsVerdict(), "a sample loading classes does not make it start-up yet");
        test.charge(LoopStall.of(stall("ended", started, null, false)));
        assertEquals(1, test.chargedStalls().size(), "the verdict: the test's own code");
    }

    @Test
    void aStallInsideABlockingCallIsThatCallsNotASecondProblem() {
        for (String phase : List.of("ongoing", "ended")) {
            Map<String, Object> fields = stall(phase, started, null, false);
            fields.put("blockingCall", "java.lang.Thread.sleep");
            test.charge(LoopStall.of(fields));
        }
        assertEquals(List.of(), test.chargedStalls(), "the blocking call fails the test");
        assertFalse(test.awaitsVerdict());
    }

    @Test
    void aStallWhoseTaskStartedBeforeTheTestIsNotCharged() {
        test.charge(LoopStall.of(stall("ended", test.since.minusMillis(200), null, false)));
        assertEquals(List.of(), test.chargedStalls(), "it belongs to the test that was running when it started");
    }

    /** The field map of a stall report, as the agent delivers it. */
    static Map<String, Object> stall(String phase, Instant started, String pause, boolean warmup) {
        Map<String, Object> fields = new HashMap<>(Map.of("type", "stall", "thread", "loop-1", "phase", phase,
                "started", started.toString(), "durationMillis", phase.equals("ended") ? 612L : 130L,
                "callSite", "com.acme.Pricing.parse(Pricing.java:88)",
                "hottestFrame", "com.acme.Pricing.parse(Pricing.java:88)",
                "stack", List.of("com.acme.Pricing.parse(Pricing.java:88)")));
        if (pause != null) {
            fields.put("pause", pause);
        }
        if (warmup) {
            fields.put("warmup", true);
        }
        return fields;
    }
}
