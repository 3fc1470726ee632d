package io.loopguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import io.loopguard.bootstrap.DetectionSubscribers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One map of a detection's fields, in the events file's order, for the events file and subscribers alike. */
class DetectionFieldsTest {
    private static final Instant TIME = Instant.parse("2026-11-22T14:30:00.123Z");
    private static final Detection CALL = new Detection(Detection.BLOCKING_CALL, "java.lang.Thread.sleep", null,
            "loop-1", "com.acme.H.read(H.java:42)", List.of("java.lang.Thread.sleep(Thread.java:1)",
            "com.acme.H.read(H.java:42)"), TIME, "schedule it");
    private static final Detection STALL = new Detection(Detection.STALL, null, null, "loop-1",
            "com.acme.P.parse(P.java:88)", List.of("com.acme.P.parse(P.java:88)"), TIME, "move it",
            new Stall(Stall.ENDED, TIME.minusMillis(612), 612, "com.acme.P.parse(P.java:88)", 60, 57, null, "gc", 400,
                    true, false, 7, null));

    @Test
    void aBlockingCallHasTheContractFieldsInOrderAndNoAbsentOnes() {
        Map<String, Object> fields = DetectionFields.of(CALL);
        assertEquals(List.of("type", "operation", "thread", "callSite", "stack", "time", "hint"),
                List.copyOf(fields.keySet()), "via is absent, so left out");
        assertEquals("2026-11-22T14:30:00.123Z", fields.get("time"));
    }

    @Test
    void aJudgedBlockingCallEndsWithTheRuleThatWouldAcceptItAndSaysWhetherTheBaselineKnowsIt() {
        String accept = "fixing the call is better; to accept it instead: allow=java.lang.Thread.sleep@com.acme.H#read on loop-*";
        Detection known = new Detection(Detection.BLOCKING_CALL, "java.lang.Thread.sleep", null, "loop-1",
                "com.acme.H.read(H.java:42)", List.of("com.acme.H.read(H.java:42)"), TIME, "schedule it", null, null, null,
                true, accept);
        Map<String, Object> fields = DetectionFields.of(known);
        assertEquals(List.of("type", "operation", "thread", "callSite", "stack", "time", "hint", "acceptWith", "baseline"),
                List.copyOf(fields.keySet()));
        assertEquals(accept, fields.get("acceptWith"));
        assertEquals(true, fields.get("baseline"));
        assertEquals(false, DetectionFields.of(CALL).containsKey("baseline"), "absent unless the baseline knows it");
    }

    @Test
    void aStallHasItsMeasurements() {
        Map<String, Object> fields = DetectionFields.of(STALL);
        assertEquals(List.of("type", "thread", "durationMillis", "callSite", "stack", "time", "hint", "phase", "stallId",
                "started", "hottestFrame", "samples", "hottestSamples", "pause", "pauseMillis", "warmup"), List.copyOf(fields.keySet()));
        assertEquals(612L, fields.get("durationMillis"));
        assertEquals(57L, fields.get("hottestSamples"));
        assertEquals(true, fields.get("warmup"));
        assertEquals(7L, fields.get("stallId"));
    }

    @Test
    void theEventsFileLineIsTheMapWritten() {
        assertEquals("{\"type\":\"blocking-call\",\"operation\":\"java.lang.Thread.sleep\",\"thread\":\"loop-1\","
                + "\"callSite\":\"com.acme.H.read(H.java:42)\",\"stack\":[\"java.lang.Thread.sleep(Thread.java:1)\","
                + "\"com.acme.H.read(H.java:42)\"],\"time\":\"2026-11-22T14:30:00.123Z\",\"hint\":\"schedule it\"}",
                JsonLine.of(DetectionFields.of(CALL)));
        assertEquals("{\"type\":\"dropped\",\"count\":17,\"reason\":\"queue-full\",\"time\":\"2026-11-22T14:30:00.123Z\"}",
                JsonLine.of(DetectionFields.dropped(17, DetectionFields.QUEUE_FULL, TIME)));
        assertEquals("{\"type\":\"rotated\",\"previous\":\"/var/log/x.jsonl.1\",\"discarded\":3,"
                + "\"time\":\"2026-11-22T14:30:00.123Z\"}",
                JsonLine.of(DetectionFields.rotated("/var/log/x.jsonl.1", 3, TIME)));
    }

    @Test
    void subscribersGetTheSameFieldsAsTheEventsFile() {
        List<Map<String, Object>> received = new ArrayList<>();
        Consumer<Map<String, Object>> subscriber = received::add;
        DetectionSubscribers.subscribe(subscriber);
        try {
            SubscribersReporter reporter = new SubscribersReporter();
            reporter.report(CALL);
            reporter.report(STALL);
        } finally {
            DetectionSubscribers.unsubscribe(subscriber);
        }
        assertEquals(List.of(DetectionFields.of(CALL), DetectionFields.of(STALL)), received);
    }
}
