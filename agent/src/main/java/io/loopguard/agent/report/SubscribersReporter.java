package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import io.loopguard.bootstrap.DetectionSubscribers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands detections to in-process subscribers ({@link DetectionSubscribers}) as maps with the JSON Lines
 * fields, so that they need no agent type.
 */
public final class SubscribersReporter implements Reporter {

    @Override
    public void report(Detection detection) {
        // Absent fields are left out, as in the events file (Map.copyOf refuses nulls).
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfPresent(fields, "type", detection.type());
        putIfPresent(fields, "operation", detection.operation());
        putIfPresent(fields, "via", detection.via());
        putIfPresent(fields, "thread", detection.thread());
        putIfPresent(fields, "callSite", detection.callSite());
        putIfPresent(fields, "stack", detection.stack());
        putIfPresent(fields, "time", detection.time() != null ? detection.time().toString() : null);
        putIfPresent(fields, "hint", detection.hint());
        putStallFacts(fields, detection.stall());
        DetectionSubscribers.publish(Map.copyOf(fields));
    }

    @Override
    public void dropped(long count) {
        DetectionSubscribers.publish(Map.of("type", "dropped", "count", count, "time", Instant.now().toString()));
    }

    /** The stall fields of the events file, so that a subscriber can tell a stall the machine caused. */
    private static void putStallFacts(Map<String, Object> fields, Stall stall) {
        if (stall == null) {
            return;
        }
        fields.put("durationMillis", stall.durationMillis());
        fields.put("phase", stall.phase());
        fields.put("started", stall.started().toString());
        putIfPresent(fields, "hottestFrame", stall.hottestFrame());
        fields.put("samples", stall.samples());
        fields.put("hottestSamples", stall.hottestSamples());
        putIfPresent(fields, "blockedOn", stall.blockedOn());
        putIfPresent(fields, "pause", stall.pause());
        if (stall.pause() != null) {
            fields.put("pauseMillis", stall.pauseMillis());
        }
        if (stall.warmup()) {
            fields.put("warmup", true);
        }
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
