package io.loopguard.agent.watchdog;

import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Notices on every tick when the watchdog woke up late, and why: with no event loop running meanwhile the
 * whole JVM stood still (a safepoint, a debugger, a stopped process); with loops running, the machine had
 * too few CPUs free. It records either in {@link JvmPauses}, and leaves each loop thread's CPU time on its
 * {@link WatchedLoop} for the stall verdict.
 */
final class LateWakeUps {
    /** Waking up this much later than asked means the JVM (or at least this thread) stood still. */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Waking up this much late while loops ran means this thread waited for a CPU: the machine is overloaded. */
    private static final long OVERLOADED_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final JvmPauses pauses;
    private final ThreadMXBean threads;
    private long lastTick;

    LateWakeUps(JvmPauses pauses, ThreadMXBean threads, long now) {
        this.pauses = pauses;
        this.threads = threads;
        this.lastTick = now;
    }

    /** Called on every tick, {@code now} being when the watchdog woke up after asking to sleep {@code askedNanos}. */
    void tick(long now, long askedNanos, List<WatchedLoop> loops) {
        long interval = now - lastTick;
        String kind = verdict(interval - askedNanos, loopsRanMeanwhile(loops, interval));
        if (JvmPauses.JVM.equals(kind)) {
            pauses.stopped(lastTick + askedNanos, now);
        } else if (JvmPauses.CPU.equals(kind)) {
            pauses.overloaded(lastTick + askedNanos, now);
        }
        lastTick = now;
    }

    /** The watchdog woke up at {@code now} after a pause of its own choosing: the next tick is timed from here. */
    void restart(long now) {
        lastTick = now;
    }

    /**
     * Why the watchdog woke up {@code lateNanos} later than asked: {@link JvmPauses#JVM}, {@link JvmPauses#CPU},
     * or {@code null} when it was on time.
     */
    static String verdict(long lateNanos, boolean loopsRan) {
        if (lateNanos > LATE_NANOS && !loopsRan) {
            return JvmPauses.JVM;
        }
        return lateNanos > OVERLOADED_NANOS ? JvmPauses.CPU : null;
    }

    /**
     * Whether a loop thread used CPU for a good part of the last {@code interval}: then a late wake-up
     * only means this thread was starved of CPU, not that the JVM stood still.
     */
    private boolean loopsRanMeanwhile(List<WatchedLoop> loops, long interval) {
        if (!threads.isThreadCpuTimeSupported()) {
            return false;
        }
        boolean ran = false;
        for (WatchedLoop loop : loops) {
            long cpu = threads.getThreadCpuTime(Watchdog.threadId(loop.clock.thread()));
            if (loop.cpuNanos >= 0 && cpu - loop.cpuNanos > interval / 5) {
                ran = true;
            }
            loop.cpuNanos = cpu;
        }
        return ran;
    }
}
