package io.loopguard.agent.metrics;

import io.loopguard.agent.common.ThreadGroupName;
import io.loopguard.agent.watchdog.LoopMonitor;
import io.loopguard.agent.watchdog.LoopStats;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Feeds the watchdog's meters: each stall as it ends, every loop delay measured, each loop group's
 * utilisation. Loop meters are tagged by thread group, and retired once no loop of the group runs, so
 * that an application that creates and closes event-loop groups does not grow them without bound.
 */
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
            MeterSeries delay = meters.series(LoopguardMeters.LOOP_DELAY, ThreadGroupName.of(thread));
            delay.record(delayNanos);
            String group = delay.tag(MeterStore.THREAD_GROUP); // "other" beyond the cap
            if (gauged.add(group)) {
                meters.gauge(LoopguardMeters.LOOP_UTILIZATION, () -> utilization(meters, monitor, group), group);
            }
        });
        meters.addHousekeeping(() -> {
            Set<String> running = monitor.loops().stream().filter(LoopStats::running)
                    .map(loop -> ThreadGroupName.of(loop.thread())).collect(Collectors.toSet());
            if (!running.isEmpty()) {
                running.add(MeterStore.OTHER);
            }
            gauged.retainAll(running);
            meters.retire(series -> isLoopMeter(series) && !running.contains(series.tag(MeterStore.THREAD_GROUP)));
        });
    }

    private static boolean isLoopMeter(MeterSeries series) {
        return series.spec() == LoopguardMeters.LOOP_DELAY || series.spec() == LoopguardMeters.LOOP_UTILIZATION;
    }

    /** The mean utilisation of the group's running loops ({@code other}: of the loops whose group has no series). */
    private static double utilization(MeterStore meters, LoopMonitor monitor, String group) {
        return monitor.loops().stream().filter(LoopStats::running).filter(loop -> {
            String own = ThreadGroupName.of(loop.thread());
            return group.equals(MeterStore.OTHER) ? !meters.has(LoopguardMeters.LOOP_UTILIZATION, own) : own.equals(group);
        }).mapToDouble(LoopStats::utilization).average().orElse(0);
    }
}
