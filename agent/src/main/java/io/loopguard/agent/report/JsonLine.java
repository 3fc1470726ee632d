package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import java.time.Instant;
import java.util.List;

/**
 * Writes the JSON Lines events of the contract in DESIGN.md, one object per line. Text that is not valid
 * Unicode (a thread name with a lone surrogate) is written with U+FFFD in its place, so every line is UTF-8.
 */
final class JsonLine {
    /** {@code reason} of a {@code dropped} record: the queue to the reporting thread was full. */
    static final String QUEUE_FULL = "queue-full";
    /** {@code reason} of a {@code dropped} record: the events file could not be written. */
    static final String WRITE_FAILED = "write-failed";

    private final StringBuilder json = new StringBuilder(512).append('{');

    static String of(Detection detection) {
        return new JsonLine()
                .field("type", detection.type())
                .field("operation", detection.operation())
                .field("via", detection.via())
                .field("thread", detection.thread())
                .stallDuration(detection.stall())
                .field("callSite", detection.callSite())
                .field("stack", detection.stack())
                .field("time", detection.time().toString())
                .field("hint", detection.hint())
                .stallFacts(detection.stall())
                .end();
    }

    static String dropped(long count, String reason, Instant time) {
        return new JsonLine().field("type", "dropped").number("count", count).field("reason", reason)
                .field("time", time.toString()).end();
    }

    /** Starts a new file after rotation: names the older file and counts this run's detections deleted with older ones. */
    static String rotated(String previous, long discarded, Instant time) {
        return new JsonLine().field("type", "rotated").field("previous", previous).number("discarded", discarded)
                .field("time", time.toString()).end();
    }

    private JsonLine stallDuration(Stall stall) {
        return stall == null ? this : number("durationMillis", stall.durationMillis());
    }

    private JsonLine stallFacts(Stall stall) {
        if (stall == null) {
            return this;
        }
        field("phase", stall.phase()).field("started", stall.started().toString())
                .field("hottestFrame", stall.hottestFrame()).number("samples", stall.samples())
                .number("hottestSamples", stall.hottestSamples()).field("blockedOn", stall.blockedOn())
                .field("pause", stall.pause());
        if (stall.pause() != null) {
            number("pauseMillis", stall.pauseMillis());
        }
        if (stall.warmup()) {
            name("warmup");
            json.append(true);
        }
        return this;
    }

    private JsonLine field(String name, String value) {
        if (value != null) {
            name(name);
            string(value);
        }
        return this;
    }

    private JsonLine field(String name, List<String> values) {
        name(name);
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(values.get(i));
        }
        json.append(']');
        return this;
    }

    private JsonLine number(String name, long value) {
        name(name);
        json.append(value);
        return this;
    }

    private String end() {
        return json.append('}').toString();
    }

    private void name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(name);
        json.append(':');
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else if (!Character.isSurrogate(c)) {
                        json.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        json.append(c).append(value.charAt(++i));
                    } else {
                        json.append('\uFFFD'); // a lone surrogate cannot be encoded
                    }
                }
            }
        }
        json.append('"');
    }
}
