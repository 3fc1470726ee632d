package io.loopguard.junit;

import java.util.List;
import java.util.Map;

/**
 * One detection the agent delivered, as the extension reads it from the agent's field map (the events file's
 * fields): a blocking call, or another kind the agent reports (its {@code type}), which fails a test just the
 * same.
 *
 * @param durationMillis for a stall, how long the event loop's task ran; {@code null} otherwise
 */
record BlockingCall(String type, String operation, String via, String thread, String callSite, List<String> stack,
                    String hint, Long durationMillis) {

    static BlockingCall of(Map<String, Object> fields) {
        List<String> stack = fields.get("stack") instanceof List<?> frames
                ? frames.stream().map(String::valueOf).toList() : List.of();
        Long durationMillis = fields.get("durationMillis") instanceof Number number ? number.longValue() : null;
        return new BlockingCall(text(fields, "type"), text(fields, "operation"), text(fields, "via"),
                text(fields, "thread"), text(fields, "callSite"), stack, text(fields, "hint"), durationMillis);
    }

    /** The operation as the application saw it: {@code LinkedBlockingQueue.take (...await)}; else the type. */
    String describeOperation() {
        if (operation == null) {
            return type;
        }
        return via == null ? operation : via + " (" + operation + ")";
    }

    /** Whether {@code className#methodName} is on the stack: the call was made inside that method. */
    boolean madeInside(String className, String methodName) {
        for (String frame : stack) {
            int open = frame.indexOf('(');
            String qualified = open < 0 ? frame : frame.substring(0, open);
            qualified = qualified.substring(qualified.lastIndexOf('/') + 1); // module and loader prefixes
            int dot = qualified.lastIndexOf('.');
            if (dot > 0 && qualified.substring(dot + 1).equals(methodName)
                    && qualified.substring(0, dot).equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
