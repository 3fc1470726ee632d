package io.loopguard.agent.watchdog;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import io.loopguard.agent.detect.StallDetection;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds event-loop tasks that run longer than the threshold, samples the stuck thread's stack on every
 * watchdog tick, and reports each stall twice: as the threshold is crossed, and when the task ends,
 * labelled if a JVM pause, start-up or a debugger explains it. Only the watchdog thread calls it.
 */
final class StallWatch {
    /** GC notifications arrive after the pause, late on a busy machine: wait this long before judging a finished stall. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** A few samples first, so that the alarm names where the time goes, not a passing frame. */
    private static final int SAMPLES_BEFORE_ALARM = 3;

    private final long thresholdNanos;
    private final JvmPauses pauses;
    private final ThreadMXBean threads;
    private final Consumer<Detection> delivery;
    private final Consumer<String> notices;
    private final List<StallListener> listeners;
    private final List<EndedStall> settling = new ArrayList<>();
    /** The number the next stall gets: short, so that a reader pairs a stall's two lines by it. */
    private long nextId = 1;
    private boolean debuggerNoticeGiven;
    private boolean listenerFailureNoticed;

    /** @param listeners a thread-safe list, told about every stall that ended */
    StallWatch(long thresholdNanos, JvmPauses pauses, ThreadMXBean threads, Consumer<Detection> delivery,
               Consumer<String> notices, List<StallListener> listeners) {
        this.listeners = listeners;
        this.thresholdNanos = thresholdNanos;
        this.pauses = pauses;
        this.threads = threads;
        this.delivery = delivery;
        this.notices = notices;
    }

    void watch(WatchedLoop loop, long now) {
        long start = loop.clock.taskStart();
        StuckTask stuck = loop.stuck;
        if (stuck != null && stuck.start != start) {
            long exact = loop.durationOfLongTask(stuck.start);
            settling.add(new EndedStall(loop, stuck, exact >= 0 ? exact : now - stuck.start, now, loop.cpuNanos));
            loop.stuck = stuck = null;
        }
        if (start != 0 && stuck == null && now - start >= thresholdNanos) {
            loop.stuck = stuck = new StuckTask(nextId++, start, now, loop.cpuAtTaskStart(start));
            loop.lastStuckStart = start;
        }
        if (stuck == null) {
            return;
        }
        if (stuck.sampleNow()) {
            ThreadInfo info = threads.getThreadInfo(Watchdog.threadId(loop.clock.thread()), Integer.MAX_VALUE);
            // The task may have ended while the stack was taken: such a sample shows the next thing.
            if (info != null && loop.clock.taskStart() == start) {
                stuck.sampled(info);
            }
        }
        if (stuck.suspended) {
            noticeDebugger(loop);
        } else if (!stuck.reported && stuck.samples() >= SAMPLES_BEFORE_ALARM
                && (ranAWholeThreshold(stuck, loop.cpuNanos)
                        || now - start - pauses.overlap(start, now, stuck.runnable()).nanos() >= thresholdNanos)
                && !waitingForCpu(stuck.cpuUsedInJava(loop.cpuNanos))) {
            stuck.reported = true;
            String hottest = stuck.hottestFrame();
            delivery.accept(StallDetection.of(loop.clock.thread().getName(), stuck.exampleOfHottest(),
                    new Stall(Stall.ONGOING, stuck.started, millis(now - start), hottest, stuck.samples(),
                            stuck.samplesAt(hottest), stuck.blockedOn(), null, 0, stuck.maybeWarmup(),
                            stuck.lockWait(), stuck.id, null)));
        }
    }

    /**
     * A long task finished that was never seen stuck (the watchdog could not run meanwhile, as in a GC
     * pause): reported when it ends, with no stack, if a pause explains it; nothing is known to blame it.
     */
    void finishedUnseen(WatchedLoop loop, long now) {
        if (loop.finishedLongTaskNanos >= thresholdNanos && loop.finishedLongTaskStart != loop.lastStuckStart) {
            StuckTask unseen = new StuckTask(nextId++, loop.finishedLongTaskStart, now, -1);
            settling.add(new EndedStall(loop, unseen, loop.finishedLongTaskNanos, now, -1));
        }
    }

    /** Reports stalls that ended a little while ago, with the collections of their time (notified, or read if late). */
    void settle(long now) {
        if (settling.isEmpty()) {
            return;
        }
        boolean caughtUp = false;
        for (Iterator<EndedStall> it = settling.iterator(); it.hasNext(); ) {
            EndedStall ended = it.next();
            if (now - ended.noticedAt < SETTLE_NANOS) {
                continue;
            }
            it.remove();
            if (!caughtUp) {
                pauses.catchUp();
                caughtUp = true;
            }
            StuckTask stuck = ended.stuck;
            if (stuck.suspended) {
                continue; // stopped in a debugger: said once, not reported
            }
            JvmPauses.Overlap paused = pauses.overlap(stuck.start, stuck.start + ended.nanos, stuck.runnable());
            String pause = ended.nanos - paused.nanos() < thresholdNanos
                    && !ranAWholeThreshold(stuck, ended.cpuAtEnd) ? paused.kind() : null;
            long pausedNanos = paused.nanos();
            long cpuUsed = stuck.cpuUsedInJava(ended.cpuAtEnd);
            if (pause == null && waitingForCpu(cpuUsed)) {
                pause = JvmPauses.CPU;
                pausedNanos = ended.nanos - cpuUsed;
            }
            if (pause == null && stuck.samples() == 0) {
                continue; // never seen stuck and no pause explains it: nothing is known about it
            }
            String thread = ended.loop.clock.thread().getName();
            String hottest = stuck.hottestFrame();
            StackTraceElement[] stack = stuck.exampleOfHottest();
            delivery.accept(StallDetection.of(thread, stack != null ? stack : new StackTraceElement[0],
                    new Stall(Stall.ENDED, stuck.started, millis(ended.nanos), hottest, stuck.samples(),
                            stuck.samplesAt(hottest), stuck.blockedOn(), pause, millis(pausedNanos),
                            stuck.warmup(), stuck.lockWait(), stuck.id, null)));
            ended.loop.stallEnded(ended.nanos);
            for (StallListener listener : listeners) {
                try {
                    listener.stallEnded(thread, ended.nanos, pause);
                } catch (RuntimeException problem) {
                    failedListener(listener, problem);
                }
            }
        }
    }

    /** At JVM exit: ends the stalls whose task ended, and reports every ended stall without waiting. */
    void flush(List<WatchedLoop> loops, long now) {
        for (WatchedLoop loop : loops) {
            if (loop.stuck != null) {
                watch(loop, now);
            }
        }
        settle(now + SETTLE_NANOS);
    }

    private void noticeDebugger(WatchedLoop loop) {
        if (!debuggerNoticeGiven) {
            debuggerNoticeGiven = true;
            notices.accept("event loop \"" + loop.clock.thread().getName() + "\" is suspended (stopped in a"
                    + " debugger?): stalls of suspended threads are not reported");
        }
    }

    /**
     * Whether a task running Java code has used less CPU than the threshold: then it was stuck waiting
     * for a CPU (an overloaded machine), and would not have been a stall on its own.
     */
    private boolean waitingForCpu(long cpuUsed) {
        return cpuUsed >= 0 && cpuUsed < thresholdNanos;
    }

    /**
     * Whether the task used a whole threshold of CPU itself: then it held its loop, and would have been a
     * stall whatever paused or ran beside it (a pause stops the thread's CPU clock too).
     */
    private boolean ranAWholeThreshold(StuckTask stuck, long cpuNow) {
        return stuck.cpuUsedInJava(cpuNow) >= thresholdNanos;
    }

    private void failedListener(StallListener listener, RuntimeException problem) {
        if (!listenerFailureNoticed) {
            listenerFailureNoticed = true;
            notices.accept("stall listener " + listener.getClass().getName() + " failed (" + problem
                    + "); stalls are still reported");
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** @param cpuAtEnd the loop thread's CPU time when the end was noticed, or {@code -1} */
    private record EndedStall(WatchedLoop loop, StuckTask stuck, long nanos, long noticedAt, long cpuAtEnd) {
    }
}
