package io.loopguard.junit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event-loop stall the agent's watchdog delivered: a task that held an event loop longer than
 * {@code stall-threshold}. The agent reports a stall twice, as it crosses the threshold ({@code ongoing})
 * and when it ends ({@code ended}, with the verdict on its cause); both carry the same {@code started}.
 */
record LoopStall(String thread, Instant started, String phase, long durationMillis, String callSite,
                 List<String> stack, String blockedOn, String pause, boolean warmup, String hint,
                 String blockingCall) {

    static LoopStall of(Map<String, Object> fields) {
        Object started = fields.get("started");
        Object duration = fields.get("durationMillis");
        List<String> stack = fields.get("stack") instanceof List<?> frames
                ? frames.stream().map(String::valueOf).toList() : List.of();
        Object callSite = fields.containsKey("hottestFrame") ? fields.get("hottestFrame") : fields.get("callSite");
        return new LoopStall(text(fields.get("thread")), started == null ? Instant.EPOCH : Instant.parse(
                started.toString()), text(fields.get("phase")), duration instanceof Number n ? n.longValue() : 0,
                text(callSite), stack, text(fields.get("blockedOn")), text(fields.get("pause")),
                Boolean.TRUE.equals(fields.get("warmup")), text(fields.get("hint")), text(fields.get("blockingCall")));
    }

    /** The same stall in both of its reports. */
    String key() {
        return thread + "@" + started;
    }

    boolean ended() {
        return "ended".equals(phase);
    }

    /**
     * Whether the machine, not the test's code, explains the stall: a JVM pause (GC, a safepoint), the loop
     * waiting for a CPU on an overloaded machine, or classes loading as the application warms up (known only
     * from the verdict: an alarm's {@code warmup} says only that a sample was loading classes).
     */
    boolean causedByTheMachine() {
        return pause != null || warmup && ended();
    }

    /** Whether the stall is the time of a blocking call, which fails the test on its own: one problem, once. */
    boolean inBlockingCall() {
        return blockingCall != null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
