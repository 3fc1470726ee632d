package io.loopguard.agent.watchdog;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import io.loopguard.agent.detect.StallDetection;
import io.loopguard.agent.instrument.Instrumenter;
import io.loopguard.agent.threads.AgentThread;
import io.loopguard.bootstrap.LoopClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The agent thread that watches every event loop: it times a tiny probe task on each (delay), reads how
 * busy each is (utilisation), and reports a stall when one task runs longer than the threshold, with
 * stacks sampled while the loop is stuck. It never blocks a loop: it only reads the loops' clocks,
 * samples their stacks and puts probe tasks on them.
 */
public final class Watchdog implements LoopMonitor {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int PROBE_EVERY_TICKS = 2;
    private static final long UTILIZATION_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Waking up this much later than asked means the JVM (or at least this thread) stood still. */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** GC notifications arrive after the pause, late on a busy machine: wait this long before judging a finished stall. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long UNTIMED_LONG_TASK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int KEPT_STOPPED_LOOPS = 64;

    private final long thresholdNanos;
    private Consumer<Detection> delivery;
    private final Consumer<String> notices;
    private final List<WatchedLoop> loops = new CopyOnWriteArrayList<>();
    private final List<StallListener> listeners = new CopyOnWriteArrayList<>();
    private final List<EndedStall> settling = new ArrayList<>();
    private final JvmPauses pauses = new JvmPauses();
    private final Thread thread;
    private volatile ThreadMXBean threads;
    private boolean debuggerNoticeGiven;

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

    /** Plans the advice that gives event loops their clocks; before {@link Instrumenter#install}. */
    public void instrument(Instrumenter instrumenter) {
        instrumenter.advise(LoopRunAdvice.class, TaskBoundaries.LOOP_RUNS).advise(TaskAdvice.class, TaskBoundaries.TASKS);
    }

    /** @param stalls receives stall detections; must not block */
    public void start(Consumer<Detection> stalls) {
        delivery = stalls;
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

    private void run() {
        // Loaded here, not in premain, so the application's start is not slowed by java.management.
        threads = ManagementFactory.getThreadMXBean();
        pauses.listenToGarbageCollection();
        long lastTick = System.nanoTime();
        long lastWindow = lastTick;
        for (long ticks = 0; ; ticks++) {
            LockSupport.parkNanos(this, TICK_NANOS);
            long now = System.nanoTime();
            boolean loopsRan = loopsRanMeanwhile(now - lastTick);
            if (now - lastTick > TICK_NANOS + LATE_NANOS && !loopsRan) {
                pauses.stopped(lastTick + TICK_NANOS, now);
            }
            lastTick = now;
            boolean newWindow = now - lastWindow >= UTILIZATION_WINDOW_NANOS;
            if (newWindow) {
                lastWindow = now;
            }
            try {
                tick(now, ticks % PROBE_EVERY_TICKS == 0, newWindow);
            } catch (RuntimeException | LinkageError problem) {
                notices.accept("the stall watchdog failed (" + problem + ") and stopped; blocking calls are"
                        + " still reported");
                return;
            }
        }
    }

    /** At JVM exit, before the last detections are written: reports the stalls that ended, without waiting. */
    public synchronized void flush() {
        if (threads == null) {
            return;
        }
        long now = System.nanoTime();
        for (WatchedLoop loop : loops) {
            if (loop.stuck != null) {
                watchForStall(loop, now);
            }
        }
        settle(now + SETTLE_NANOS);
    }

    private synchronized void tick(long now, boolean probe, boolean newWindow) {
        for (LoopClock clock = LoopClock.pollStarted(); clock != null; clock = LoopClock.pollStarted()) {
            if (!(clock.thread() instanceof AgentThread)) {
                loops.add(new WatchedLoop(clock, now));
            }
        }
        for (WatchedLoop loop : loops) {
            if (loop.clock.stopped()) {
                if (loop.stuck != null) {
                    watchForStall(loop, now);
                }
                continue;
            }
            if (probe) {
                long delay = loop.probe.sendNext(now);
                if (delay >= 0) {
                    loop.recordDelay(delay);
                }
            }
            if (newWindow) {
                loop.updateUtilization(now);
            }
            if (thresholdNanos > 0) {
                watchForStall(loop, now);
            }
            loop.recordFinishedLongTask();
        }
        settle(now);
        if (newWindow) {
            forgetOldStoppedLoops();
        }
    }

    private void watchForStall(WatchedLoop loop, long now) {
        long start = loop.clock.taskStart();
        StuckTask stuck = loop.stuck;
        if (stuck != null && stuck.start != start) {
            long exact = loop.durationOfLongTask(stuck.start);
            settling.add(new EndedStall(loop, stuck, exact >= 0 ? exact : now - stuck.start, now));
            loop.stuck = stuck = null;
        }
        if (start != 0 && stuck == null && now - start >= thresholdNanos) {
            loop.stuck = stuck = new StuckTask(start, now);
        }
        if (stuck == null) {
            return;
        }
        if (stuck.sampleNow()) {
            ThreadInfo info = threads.getThreadInfo(threadId(loop.clock.thread()), Integer.MAX_VALUE);
            // The task may have ended while the stack was taken: such a sample shows the next thing.
            if (info != null && loop.clock.taskStart() == start) {
                stuck.sampled(info);
            }
        }
        if (stuck.suspended) {
            noticeDebugger(loop);
        } else if (!stuck.reported && stuck.samples() > 0
                && now - start - pauses.overlap(start, now).nanos() >= thresholdNanos) {
            stuck.reported = true;
            delivery.accept(StallDetection.of(loop.clock.thread().getName(), stuck.latest(), new Stall(Stall.ONGOING,
                    stuck.started, millis(now - start), null, stuck.samples(), 0, stuck.blockedOn(), null, 0,
                    stuck.warmup())));
        }
    }

    /** Reports stalls that ended a little while ago, once GC notifications for their time have arrived. */
    private void settle(long now) {
        if (settling.isEmpty()) {
            return;
        }
        for (Iterator<EndedStall> it = settling.iterator(); it.hasNext(); ) {
            EndedStall ended = it.next();
            if (now - ended.noticedAt < SETTLE_NANOS) {
                continue;
            }
            it.remove();
            StuckTask stuck = ended.stuck;
            if (stuck.suspended) {
                continue; // stopped in a debugger: said once, not reported
            }
            JvmPauses.Overlap paused = pauses.overlap(stuck.start, stuck.start + ended.nanos);
            String pause = ended.nanos - paused.nanos() < thresholdNanos ? paused.kind() : null;
            if (!stuck.reported && pause == null) {
                continue; // too short once pauses are taken out, and not a pause either
            }
            String thread = ended.loop.clock.thread().getName();
            String hottest = stuck.hottestFrame();
            StackTraceElement[] stack = stuck.exampleOfHottest();
            delivery.accept(StallDetection.of(thread, stack != null ? stack : new StackTraceElement[0],
                    new Stall(Stall.ENDED, stuck.started, millis(ended.nanos), hottest, stuck.samples(),
                            stuck.samplesAt(hottest), stuck.blockedOn(), pause, millis(paused.nanos()),
                            stuck.warmup())));
            ended.loop.stallEnded(ended.nanos);
            for (StallListener listener : listeners) {
                listener.stallEnded(thread, ended.nanos, pause);
            }
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

    private void noticeDebugger(WatchedLoop loop) {
        if (!debuggerNoticeGiven) {
            debuggerNoticeGiven = true;
            notices.accept("event loop \"" + loop.clock.thread().getName() + "\" is suspended (stopped in a"
                    + " debugger?): stalls of suspended threads are not reported");
        }
    }

    private void forgetOldStoppedLoops() {
        List<WatchedLoop> stopped = loops.stream().filter(loop -> loop.clock.stopped()).toList();
        for (int i = 0; i < stopped.size() - KEPT_STOPPED_LOOPS; i++) {
            loops.remove(stopped.get(i));
        }
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
    private static long threadId(Thread thread) {
        return thread.getId();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private record EndedStall(WatchedLoop loop, StuckTask stuck, long nanos, long noticedAt) {
    }
}
