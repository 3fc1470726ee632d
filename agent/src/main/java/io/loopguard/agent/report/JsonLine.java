package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Pinning;
import io.loopguard.agent.detect.Stall;
import java.time.Instant;
import java.util.List;

/** Writes the JSON Lines events of the contract in DESIGN.md, one object per line. */
final class JsonLine {
    private final StringBuilder json = new StringBuilder(512).append('{');

    static String of(Detection detection) {
        return new JsonLine()
                .field("type", detection.type())
                .field("operation", detection.operation())
                .field("via", detection.via())
                .field("thread", detection.thread())
                .stallDuration(detection.stall())
                .pinningDuration(detection.pinning())
                .field("callSite", detection.callSite())
                .field("stack", detection.stack())
                .field("time", detection.time().toString())
                .field("hint", detection.hint())
                .stallFacts(detection.stall())
                .pinningFacts(detection.pinning())
                .end();
    }

    static String dropped(long count, Instant time) {
        return new JsonLine().field("type", "dropped").number("count", count).field("time", time.toString()).end();
    }

    private JsonLine stallDuration(Stall stall) {
        return stall == null ? this : number("durationMillis", stall.durationMillis());
    }

    private JsonLine pinningDuration(Pinning pinning) {
        return pinning == null ? this : number("durationMillis", pinning.durationMillis());
    }

    private JsonLine pinningFacts(Pinning pinning) {
        return pinning == null ? this : field("reason", pinning.reason()).field("carrier", pinning.carrier());
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
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
