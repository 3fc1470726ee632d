package io.loopguard.agent.scan;

import java.util.List;
import java.util.Map;

/** Renders maps, lists, strings, numbers and booleans as indented JSON, for the SARIF file. */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(4096);

    private JsonWriter() {
    }

    static String write(Object value) {
        JsonWriter writer = new JsonWriter();
        writer.value(value, 0);
        return writer.out.append('\n').toString();
    }

    private void value(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                newLine(depth + 1);
                quoted(entry.getKey().toString());
                out.append(": ");
                value(entry.getValue(), depth + 1);
                separator = ",";
            }
            newLine(depth);
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newLine(depth + 1);
                value(list.get(i), depth + 1);
            }
            newLine(depth);
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            quoted(String.valueOf(value));
        }
    }

    private void newLine(int depth) {
        out.append('\n').append("  ".repeat(depth));
    }

    private void quoted(String text) {
        out.append('"');
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        out.append('"');
    }
}
