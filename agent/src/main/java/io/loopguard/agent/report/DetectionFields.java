package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Pinning;
import io.loopguard.agent.detect.Stall;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a detection as the events file and in-process subscribers both get them, in the order the
 * events file writes them. Values are {@link String}, {@link Long}, {@link Boolean} or {@code List<String>};
 * an absent field is left out. Field names are a contract (DESIGN.md): never renamed or removed.
 */
public final class DetectionFields {
    /** {@code reason} of a {@code dropped} record: the queue to the reporting thread was full. */
    static final String QUEUE_FULL = "queue-full";
    /** {@code reason} of a {@code dropped} record: the events file could not be written. */
    static final String WRITE_FAILED = "write-failed";
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private DetectionFields() {
    }

    public static Map<String, Object> of(Detection detection) {
        Stall stall = detection.stall();
        Pinning pinning = detection.pinning();
        DetectionFields fields = new DetectionFields()
                .put("type", detection.type())
                .put("operation", detection.operation())
                .put("via", detection.via())
                .put("thread", detection.thread());
        if (stall != null) {
            fields.put("durationMillis", stall.durationMillis());
        }
        if (pinning != null) {
            fields.put("durationMillis", pinning.durationMillis());
        }
        fields.put("durationMillis", detection.waitedMillis());
        fields.put("callSite", detection.callSite())
                .put("stack", detection.stack())
                .put("time", text(detection.time()))
                .put("hint", detection.hint())
                .put("acceptWith", detection.acceptWith());
        if (detection.baseline()) {
            fields.put("baseline", true);
        }
        if (stall != null) {
            fields.put("phase", stall.phase())
                    .put("stallId", stall.id())
                    .put("started", text(stall.started()))
                    .put("hottestFrame", stall.hottestFrame())
                    .put("samples", (long) stall.samples())
                    .put("hottestSamples", (long) stall.hottestSamples())
                    .put("blockedOn", stall.blockedOn())
                    .put("pause", stall.pause());
            if (stall.pause() != null) {
                fields.put("pauseMillis", stall.pauseMillis());
            }
            if (stall.warmup()) {
                fields.put("warmup", true);
            }
            fields.put("blockingCall", stall.blockingCall());
        }
        if (pinning != null) {
            fields.put("reason", pinning.reason()).put("carrier", pinning.carrier());
        }
        return fields.done();
    }

    /** {@code count} detections were lost, for {@code reason} ({@link #QUEUE_FULL} or {@link #WRITE_FAILED}). */
    static Map<String, Object> dropped(long count, String reason, Instant time) {
        return new DetectionFields().put("type", "dropped").put("count", count).put("reason", reason)
                .put("time", text(time)).done();
    }

    /** Starts a new events file after rotation: names the older file, and counts this run's detections deleted with older ones. */
    static Map<String, Object> rotated(String previous, long discarded, Instant time) {
        return new DetectionFields().put("type", "rotated").put("previous", previous).put("discarded", discarded)
                .put("time", text(time)).done();
    }

    private DetectionFields put(String name, Object value) {
        if (value != null) {
            fields.put(name, value instanceof List<?> list ? List.copyOf(list) : value);
        }
        return this;
    }

    private Map<String, Object> done() {
        return Collections.unmodifiableMap(fields);
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
