package io.loopguard.junit;

import java.util.List;
import java.util.Map;

/**
 * One detection the agent delivered, as the extension reads it from the agent's field map (the events file's
 * fields): a blocking call, or another kind the agent reports (its {@code type}) other than a stall
 * ({@link LoopStall}), which fails a test just the same.
 */
record BlockingCall(String type, String operation, String via, String thread, String callSite, List<String> stack,
                    String hint, String acceptWith) {

    static BlockingCall of(Map<String, Object> fields) {
        List<String> stack = fields.get("stack") instanceof List<?> frames
                ? frames.stream().map(String::valueOf).toList() : List.of();
        return new BlockingCall(text(fields, "type"), text(fields, "operation"), text(fields, "via"),
                text(fields, "thread"), text(fields, "callSite"), stack, text(fields, "hint"),
                text(fields, "acceptWith"));
    }

    /** The operation as the application saw it: {@code LinkedBlockingQueue.take (...await)}; else the type. */
    String describeOperation() {
        if (operation == null) {
            return type;
        }
        return via == null ? operation : via + " (" + operation + ")";
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
