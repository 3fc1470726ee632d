package io.loopguard.agent.watchdog;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.detect.Detection;
import io.loopguard.bootstrap.LoopClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The agent thread that looks at every event loop and has each part do its share: {@link LateWakeUps}
 * (when the JVM stood still), {@link DelayProbe} and {@link WatchedLoop} (delay, utilisation),
 * {@link StallWatch} (stuck tasks). It never blocks a loop: it only reads the loops' clocks, samples their
 * stacks and arms a delay timer on each.
 *
 * <p>It sleeps as long as it can, since each wake-up takes a CPU from the loops on a small machine: every
 * 10 ms while a task is stuck (a stack sample each time), else until the running task that started first
 * would cross the threshold, at most 100 ms (nor longer than the threshold), so that any task that may
 * cross it is seen running before it does.
 */
public final class Watchdog {
    /** The sleep while a task is stuck: one stack sample per tick. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** The longest sleep: the loops' delay samples are collected, and the JVM's pauses told, at least this often. */
    private static final long QUIET_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long UTILIZATION_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long UNTIMED_LONG_TASK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long thresholdNanos;
    private final long longestSleepNanos;
    private final Consumer<String> notices;
    private final WatchedLoops loops = new WatchedLoops();
    private final JvmPauses pauses = new JvmPauses();
    private final Thread thread;
    private Consumer<Detection> delivery;
    private LateWakeUps lateWakeUps;
    /** Set on the watchdog thread once it has started; {@code null} before. */
    private volatile StallWatch stalls;
    private volatile boolean stopping;

    /**
     * @param threshold the {@code stall-threshold}, or {@code null} to measure delay and utilisation only
     * @param notices   receives the rare sentence about stalls that are not reported
     */
    public Watchdog(Duration threshold, Consumer<String> notices) {
        this.thresholdNanos = threshold == null ? -1 : threshold.toNanos();
        this.longestSleepNanos = threshold == null ? QUIET_TICK_NANOS : Math.min(QUIET_TICK_NANOS, thresholdNanos);
        this.notices = notices;
        this.thread = new AgentThread("loopguard-watchdog", this::run);
        LoopClock.recordTasksFrom(threshold == null ? UNTIMED_LONG_TASK_NANOS : thresholdNanos);
    }

    /** What the watchdog measures, for meters and the summary at exit. */
    public LoopMonitor monitor() {
        return loops;
    }

    /** @param detections receives stall detections; must not block */
    public void start(Consumer<Detection> detections) {
        delivery = detections;
        thread.start();
    }

    /** At JVM exit, before the last detections are written: reports the stalls that ended, without waiting. */
    public synchronized void flush() {
        if (stalls != null) {
            stalls.flush(loops.all(), System.nanoTime());
        }
    }

    private void run() {
        try {
            // Loaded here, not in premain, so the application's start is not slowed by java.management.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            pauses.listenToGarbageCollection();
            lateWakeUps = new LateWakeUps(pauses, threads, System.nanoTime());
            stalls = new StallWatch(thresholdNanos, pauses, threads, delivery, notices, loops.stallListeners());
            watch();
        } catch (RuntimeException | LinkageError problem) {
            notices.accept("the stall watchdog failed (" + problem + ") and stopped; blocking calls are"
                    + " still reported");
        }
    }

    /**
     * Stops the watchdog thread, at a detach; the loops it watched are left for the watchdog of a later
     * attach, since their run methods, entered while instrumented, keep their clocks.
     */
    public void stop() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pauses.stopListening();
        synchronized (this) {
            loops.addStarted(System.nanoTime());
            loops.all().forEach(loop -> loop.probe.stop());
            loops.all().stream().filter(loop -> !loop.clock.stopped()).forEach(loop -> LoopClock.watchAgain(loop.clock));
        }
    }

    private void watch() {
        long lastWindow = System.nanoTime();
        long sleep = longestSleepNanos;
        while (!stopping) {
            boolean idle = loops.all().isEmpty();
            LockSupport.parkNanos(this, sleep);
            long now = System.nanoTime();
            if (idle) {
                lateWakeUps.restart(now); // a pause with no loop to stall explains nothing
            } else {
                lateWakeUps.tick(now, sleep, loops.all());
            }
            boolean newWindow = now - lastWindow >= UTILIZATION_WINDOW_NANOS;
            if (newWindow) {
                lastWindow = now;
            }
            sleep = tick(now, newWindow);
        }
    }

    /** Looks at every loop; returns how long to sleep before the next look. */
    private synchronized long tick(long now, boolean newWindow) {
        loops.addStarted(now);
        long sleep = longestSleepNanos;
        for (WatchedLoop loop : loops.all()) {
            if (loop.clock.stopped()) {
                if (loop.stuck != null) {
                    stalls.watch(loop, now);
                }
                continue;
            }
            loop.collectDelays();
            if (newWindow) {
                loop.updateUtilization(now);
            }
            if (thresholdNanos > 0) {
                // Noted first: a task the watchdog, woken late, first sees already stuck needs its start's CPU time.
                loop.noteRunningTask(now);
                stalls.watch(loop, now);
                sleep = Math.min(sleep, untilNextLook(loop, now));
            }
            if (loop.recordFinishedLongTask() && thresholdNanos > 0) {
                stalls.finishedUnseen(loop, now);
            }
        }
        stalls.settle(now);
        if (newWindow) {
            loops.forgetOldStopped();
        }
        return Math.max(TICK_NANOS, sleep);
    }

    /** How long this loop can go unwatched: a tick while its task is stuck, else until its task would cross the threshold. */
    private long untilNextLook(WatchedLoop loop, long now) {
        if (loop.stuck != null) {
            return TICK_NANOS;
        }
        long start = loop.clock.taskStart();
        return start == 0 ? longestSleepNanos : start + thresholdNanos - now;
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
    static long threadId(Thread thread) {
        return thread.getId();
    }
}
