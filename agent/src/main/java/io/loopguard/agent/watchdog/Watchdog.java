package io.loopguard.agent.watchdog;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.instrument.Instrumenter;
import io.loopguard.bootstrap.LoopClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The agent thread that watches every event loop, every 10 ms: it times a tiny probe task on each
 * (delay), reads how busy each is (utilisation), notices when the whole JVM stood still, and has
 * {@link StallWatch} look for stuck tasks. It never blocks a loop: it only reads the loops' clocks,
 * samples their stacks and puts probe tasks on them.
 */
public final class Watchdog implements LoopMonitor {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long UTILIZATION_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Waking up this much later than asked means the JVM (or at least this thread) stood still. */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Waking up this much late while loops ran means this thread waited for a CPU: the machine is overloaded. */
    private static final long OVERLOADED_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long UNTIMED_LONG_TASK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int KEPT_STOPPED_LOOPS = 64;

    private final long thresholdNanos;
    private final Consumer<String> notices;
    private final List<WatchedLoop> loops = new CopyOnWriteArrayList<>();
    private final List<StallListener> listeners = new CopyOnWriteArrayList<>();
    private final List<DelayListener> delayListeners = new CopyOnWriteArrayList<>();
    private final JvmPauses pauses = new JvmPauses();
    private final Thread thread;
    private Consumer<Detection> delivery;
    private ThreadMXBean threads;
    /** Set on the watchdog thread once it has started; {@code null} before. */
    private volatile StallWatch stalls;

    /**
     * @param threshold the {@code stall-threshold}, or {@code null} to measure delay and utilisation only
     * @param notices   receives the rare sentence about stalls that are not reported
     */
    public Watchdog(Duration threshold, Consumer<String> notices) {
        this.thresholdNanos = threshold == null ? -1 : threshold.toNanos();
        this.notices = notices;
        this.thread = new AgentThread("loopguard-watchdog", this::run);
        LoopClock.recordTasksFrom(threshold == null ? UNTIMED_LONG_TASK_NANOS : thresholdNanos);
    }

    /**
     * Plans the advice that gives event loops their clocks; before {@link Instrumenter#install}.
     *
     * @param loopRuns methods that run for an event loop's whole life, on the object that is its executor
     * @param tasks    methods one call of which is one unit of a loop's work
     */
    public void instrument(Instrumenter instrumenter, List<MethodRef> loopRuns, List<MethodRef> tasks) {
        instrumenter.advise(LoopRunAdvice.class, loopRuns).advise(TaskAdvice.class, tasks);
    }

    /** @param detections receives stall detections; must not block */
    public void start(Consumer<Detection> detections) {
        delivery = detections;
        thread.start();
    }

    @Override
    public List<LoopStats> loops() {
        long now = System.nanoTime();
        return loops.stream().map(loop -> loop.stats(now)).toList();
    }

    @Override
    public void addStallListener(StallListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addDelayListener(DelayListener listener) {
        delayListeners.add(listener);
    }

    private void run() {
        try {
            // Loaded here, not in premain, so the application's start is not slowed by java.management.
            threads = ManagementFactory.getThreadMXBean();
            pauses.listenToGarbageCollection();
            stalls = new StallWatch(thresholdNanos, pauses, threads, delivery, notices, listeners);
            watch();
        } catch (RuntimeException | LinkageError problem) {
            notices.accept("the stall watchdog failed (" + problem + ") and stopped; blocking calls are"
                    + " still reported");
        }
    }

    private void watch() {
        long lastTick = System.nanoTime();
        long lastWindow = lastTick;
        while (true) {
            LockSupport.parkNanos(this, TICK_NANOS);
            long now = System.nanoTime();
            boolean loopsRan = loopsRanMeanwhile(now - lastTick);
            if (now - lastTick > TICK_NANOS + LATE_NANOS && !loopsRan) {
                pauses.stopped(lastTick + TICK_NANOS, now);
            } else if (now - lastTick > TICK_NANOS + OVERLOADED_NANOS) {
                pauses.overloaded(lastTick + TICK_NANOS, now);
            }
            lastTick = now;
            boolean newWindow = now - lastWindow >= UTILIZATION_WINDOW_NANOS;
            if (newWindow) {
                lastWindow = now;
            }
            tick(now, newWindow);
        }
    }

    /** At JVM exit, before the last detections are written: reports the stalls that ended, without waiting. */
    public synchronized void flush() {
        if (stalls != null) {
            stalls.flush(loops, System.nanoTime());
        }
    }

    private synchronized void tick(long now, boolean newWindow) {
        for (LoopClock clock = LoopClock.pollStarted(); clock != null; clock = LoopClock.pollStarted()) {
            if (!(clock.thread() instanceof AgentThread)) {
                String name = clock.thread().getName();
                loops.add(new WatchedLoop(clock, now, delay -> delayListeners.forEach(l -> l.delayed(name, delay))));
            }
        }
        for (WatchedLoop loop : loops) {
            if (loop.clock.stopped()) {
                if (loop.stuck != null) {
                    stalls.watch(loop, now);
                }
                continue;
            }
            long delay = loop.probe.sendNext();
            if (delay >= 0) {
                loop.recordDelay(delay);
            }
            if (newWindow) {
                loop.updateUtilization(now);
            }
            if (thresholdNanos > 0) {
                stalls.watch(loop, now);
                loop.noteRunningTask();
            }
            if (loop.recordFinishedLongTask() && thresholdNanos > 0) {
                stalls.finishedUnseen(loop, now);
            }
        }
        stalls.settle(now);
        if (newWindow) {
            forgetOldStoppedLoops();
        }
    }

    /**
     * Whether a loop thread used CPU for a good part of the last {@code interval}: then a late wake-up
     * only means this thread was starved of CPU, not that the JVM stood still. Called on every tick.
     */
    private boolean loopsRanMeanwhile(long interval) {
        if (!threads.isThreadCpuTimeSupported()) {
            return false;
        }
        boolean ran = false;
        for (WatchedLoop loop : loops) {
            long cpu = threads.getThreadCpuTime(threadId(loop.clock.thread()));
            if (loop.cpuNanos >= 0 && cpu - loop.cpuNanos > interval / 5) {
                ran = true;
            }
            loop.cpuNanos = cpu;
        }
        return ran;
    }

    private void forgetOldStoppedLoops() {
        List<WatchedLoop> stopped = loops.stream().filter(loop -> loop.clock.stopped()).toList();
        for (int i = 0; i < stopped.size() - KEPT_STOPPED_LOOPS; i++) {
            loops.remove(stopped.get(i));
        }
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
    static long threadId(Thread thread) {
        return thread.getId();
    }

}
