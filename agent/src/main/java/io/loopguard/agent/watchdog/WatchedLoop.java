package io.loopguard.agent.watchdog;

import io.loopguard.bootstrap.LoopClock;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;

/** What the watchdog keeps about one event loop: its delay histogram, its busy time, its stalls. */
final class WatchedLoop {
    private static final long MAX_DELAY_MICROS = TimeUnit.HOURS.toMicros(1);

    final LoopClock clock;
    final DelayProbe probe;
    private final LongConsumer onDelay;
    /** {@link #recordDelay}, made once. */
    private final LongConsumer delayRecorder;
    /** The task currently stuck longer than the threshold, or {@code null}; only the watchdog thread touches it. */
    StuckTask stuck;
    /** The loop thread's CPU time at the last watchdog tick, or {@code -1}; only the watchdog thread touches it. */
    long cpuNanos = -1;
    /** The start of the task the last tick saw running, and the thread's CPU time when it started (estimated). */
    private long seenTaskStart;
    private long cpuAtSeenTaskStart = -1;
    /** The thread's CPU time at the last tick (or {@code -1}), and its time in tasks until then. */
    private long cpuAtLastLook = -1;
    private long busyAtLastLook;
    /** The last long task seen finished; only the watchdog thread touches these. */
    long finishedLongTaskStart;
    long finishedLongTaskNanos;
    /** The start of the last task found stuck. */
    long lastStuckStart;
    private final Histogram delays = new Histogram(MAX_DELAY_MICROS, 2);
    private long windowStart;
    private long windowBusy;
    private double utilization;
    private long stalls;
    private long stallNanos;

    /** @param onDelay told of every delay recorded, e.g. to feed a metrics timer */
    WatchedLoop(LoopClock clock, long now, LongConsumer onDelay) {
        this.clock = clock;
        this.onDelay = onDelay;
        this.probe = new DelayProbe(clock.loop(), clock::busyNanos);
        this.delayRecorder = this::recordDelay;
        this.windowStart = now;
        this.windowBusy = busyUntil(now);
        this.finishedLongTaskStart = clock.lastLongTaskStart();
        probe.start();
    }

    /** Records the delays the loop's probe measured since the last call. */
    void collectDelays() {
        probe.collect(delayRecorder);
    }

    /** Time spent in tasks since the loop started, the running task's part included. */
    long busyUntil(long now) {
        while (true) {
            long start = clock.taskStart();
            long busy = clock.busyNanos();
            if (start == clock.taskStart()) {
                return busy + (start != 0 ? Math.max(0, now - start) : 0);
            }
        }
    }

    /**
     * Counts the last long task to finish as a delay, once: a task queued as it began waited that long,
     * which a probe sent a little later does not see in full. Returns whether there was a new one; then
     * {@link #finishedLongTaskStart} and {@link #finishedLongTaskNanos} describe it.
     */
    boolean recordFinishedLongTask() {
        long took = clock.lastLongTaskNanos();
        long started = clock.lastLongTaskStart();
        if (took <= 0 || started == finishedLongTaskStart) {
            return false;
        }
        finishedLongTaskStart = started;
        finishedLongTaskNanos = took;
        recordDelay(took);
        return true;
    }

    /** How long the task that started at {@code start} took, if it is the last long task to finish; else {@code -1}. */
    long durationOfLongTask(long start) {
        long took = clock.lastLongTaskNanos();
        return clock.lastLongTaskStart() == start && took > 0 ? took : -1;
    }

    /**
     * Notes the running task on every tick, so that a stuck task's CPU time can be told later. A task first
     * seen now started after the last tick, which may be 100 ms ago: the thread's CPU time at its start is
     * taken as the last tick's plus the time the tasks that finished in between took. That is their wall
     * time, at least their CPU time, so the CPU time the task used is rather under- than overestimated and
     * a task that waited for a CPU is not blamed for it (the loop's CPU time outside tasks, its selector's,
     * is left out: microseconds).
     */
    void noteRunningTask(long now) {
        long start;
        long finished;
        do {
            start = clock.taskStart();
            finished = clock.busyNanos();
        } while (start != clock.taskStart());
        if (start != seenTaskStart) {
            seenTaskStart = start;
            cpuAtSeenTaskStart = cpuAtLastLook < 0 || cpuNanos < 0 ? cpuNanos
                    : Math.min(cpuNanos, cpuAtLastLook + Math.max(0, finished - busyAtLastLook));
        }
        cpuAtLastLook = cpuNanos;
        busyAtLastLook = finished + (start != 0 ? Math.max(0, now - start) : 0);
    }

    /** The thread's CPU time when the task that started at {@code start} was first seen, or {@code -1}. */
    long cpuAtTaskStart(long start) {
        return start == seenTaskStart ? cpuAtSeenTaskStart : -1;
    }

    synchronized void recordDelay(long nanos) {
        delays.recordValue(Math.min(MAX_DELAY_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        onDelay.accept(nanos);
    }

    synchronized void updateUtilization(long now) {
        long busy = busyUntil(now);
        utilization = ratio(busy - windowBusy, now - windowStart);
        windowBusy = busy;
        windowStart = now;
    }

    synchronized void stallEnded(long nanos) {
        stalls++;
        stallNanos += nanos;
    }

    synchronized LoopStats stats(long now) {
        return new LoopStats(clock.thread().getName(), delays.getTotalCount(), nanos(delays.getValueAtPercentile(50)),
                nanos(delays.getValueAtPercentile(99)), nanos(delays.getMaxValue()), utilization,
                ratio(busyUntil(now), now - clock.createdAt()), stalls, stallNanos, !clock.stopped());
    }

    private static long nanos(long micros) {
        return TimeUnit.MICROSECONDS.toNanos(micros);
    }

    private static double ratio(long part, long whole) {
        return whole <= 0 ? 0 : Math.max(0, Math.min(1, (double) part / whole));
    }
}
