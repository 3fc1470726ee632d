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
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", detection.type());
        fields.put("operation", detection.operation());
        putIfPresent(fields, "via", detection.via());
        fields.put("thread", detection.thread());
        putIfPresent(fields, "callSite", detection.callSite());
        fields.put("stack", detection.stack());
        fields.put("time", detection.time().toString());
        putIfPresent(fields, "hint", detection.hint());
        DetectionSubscribers.publish(Map.copyOf(fields));
    }

    @Override
    public void dropped(long count) {
        DetectionSubscribers.publish(Map.of("type", "dropped", "count", count, "time", Instant.now().toString()));
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
