package io.loopguard.agent.metrics;

/**
 * Every meter Loopguard publishes, one entry each. Tags are bounded: operations come from the catalogue
 * and thread names are folded into groups; call sites are never tags (they are in the events file).
 */
public final class LoopguardMeters {

    public static final MeterSpec BLOCKING_CALLS = MeterSpec.counter("loopguard.blocking.calls", "calls",
            "Blocking calls made on threads that must never block", "operation", "thread.group");

    public static final MeterSpec EVENTS_DROPPED = MeterSpec.counter("loopguard.events.dropped", null,
            "Detections not written to stderr or the events file because the report queue was full");

    private LoopguardMeters() {
    }
}
