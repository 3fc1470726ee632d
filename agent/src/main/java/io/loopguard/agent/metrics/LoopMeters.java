package io.loopguard.agent.metrics;

import io.loopguard.agent.watchdog.LoopMonitor;
import io.loopguard.agent.watchdog.LoopStats;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Feeds the watchdog's meters: each stall as it ends, every loop delay measured, each loop's utilisation. */
public final class LoopMeters {

    private LoopMeters() {
    }

    public static void bind(MeterStore meters, LoopMonitor monitor) {
        monitor.addStallListener((thread, durationNanos, pause) -> {
            String group = ThreadGroupName.of(thread);
            String cause = pause == null ? "task" : pause; // a GC or JVM pause is not the task's fault
            meters.series(LoopguardMeters.STALLS, group, cause).increment();
            meters.series(LoopguardMeters.STALL_DURATION, group, cause).record(durationNanos);
        });
        Set<String> gauged = ConcurrentHashMap.newKeySet();
        monitor.addDelayListener((thread, delayNanos) -> {
            meters.series(LoopguardMeters.LOOP_DELAY, thread).record(delayNanos);
            if (gauged.add(thread)) {
                meters.gauge(LoopguardMeters.LOOP_UTILIZATION, () -> utilization(monitor, thread), thread);
            }
        });
    }

    private static double utilization(LoopMonitor monitor, String thread) {
        return monitor.loops().stream().filter(loop -> loop.running() && loop.thread().equals(thread))
                .mapToDouble(LoopStats::utilization).findFirst().orElse(0);
    }
}
