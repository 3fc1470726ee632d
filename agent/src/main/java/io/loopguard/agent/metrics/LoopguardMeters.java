package io.loopguard.agent.metrics;

/**
 * Every meter Loopguard publishes, one entry each. Tags are bounded: operations come from the catalogue,
 * thread names are folded into groups, and beyond {@link MeterStore#MAX_SERIES} series new groups are
 * {@code other}; call sites are never tags (they are in the events file).
 */
public final class LoopguardMeters {

    public static final MeterSpec BLOCKING_CALLS = MeterSpec.counter("loopguard.blocking.calls", "calls",
            "Blocking calls made on threads that must never block", "operation", "thread.group", "baseline");

    public static final MeterSpec PINNED = MeterSpec.counter("loopguard.pinned", null,
            "Virtual threads that blocked while pinned to their carrier thread, by the blocking method", "operation");

    public static final MeterSpec EVENTS_DROPPED = MeterSpec.counter("loopguard.events.dropped", null,
            "Detections not written to stderr or the events file because the report queue was full");

    public static final MeterSpec EXPORT_DROPPED = MeterSpec.counter("loopguard.export.dropped", null,
            "Findings (signal=logs) and meter pushes (signal=metrics) given up on: refused by the OTLP collector,"
                    + " beyond the queue while it was unreachable, or still unsent at exit", "signal");

    public static final MeterSpec STALLS = MeterSpec.counter("loopguard.stalls", null,
            "Event-loop tasks that ran longer than the stall threshold", "thread.group", "cause");

    public static final MeterSpec STALL_DURATION = MeterSpec.timer("loopguard.stall.duration",
            "How long the stalled event-loop tasks ran", new double[0], "thread.group", "cause");

    public static final MeterSpec LOOP_DELAY = MeterSpec.timer("loopguard.loop.delay",
            "How late a task put on the event loop started", new double[] {0.5, 0.99}, "thread.group");

    public static final MeterSpec LOOP_UTILIZATION = MeterSpec.gauge("loopguard.loop.utilization", null,
            "Share of the last second the group's event loops spent in tasks (their mean), 0 to 1", "thread.group");

    private LoopguardMeters() {
    }
}
