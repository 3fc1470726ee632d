package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
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
        DetectionSubscribers.publish(Map.copyOf(fields));
    }

    @Override
    public void dropped(long count) {
        DetectionSubscribers.publish(Map.of("type", "dropped", "count", count, "time", Instant.now().toString()));
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
