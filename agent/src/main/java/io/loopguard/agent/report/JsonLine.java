package io.loopguard.agent.report;

import java.util.List;
import java.util.Map;

/**
 * Writes a detection's {@link DetectionFields fields} as one JSON object on one line: the events of the
 * contract in DESIGN.md. Any string makes valid JSON that encodes to UTF-8: control characters are escaped,
 * and a lone surrogate (which has no UTF-8 form) becomes U+FFFD.
 */
final class JsonLine {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder json = new StringBuilder(512);

    private JsonLine() {
    }

    static String of(Map<String, Object> fields) {
        JsonLine line = new JsonLine();
        line.object(fields);
        return line.json.toString();
    }

    private void object(Map<String, Object> fields) {
        json.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(field.getKey());
            json.append(':');
            value(field.getValue());
        }
        json.append('}');
    }

    private void value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof List<?> values) {
            json.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                value(values.get(i));
            }
            json.append(']');
        } else {
            string(String.valueOf(value));
        }
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
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        json.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        json.append('\ufffd');
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
