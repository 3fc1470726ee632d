package io.loopguard.agent.watchdog;

import io.loopguard.agent.detect.StallDetection;
import java.lang.management.ThreadInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One event-loop task that has run longer than the threshold, and the stacks sampled while it was stuck:
 * the frame most samples were at is where the time went.
 */
final class StuckTask {
    private static final int FULL_RATE_SAMPLES = 100;
    private static final int LATER_SAMPLE_EVERY = 10;

    final long start;
    final Instant started;
    /** The stall's number, the same in both of its reports. */
    final long id;
    /** The thread's CPU time around the task's start, or {@code -1} if unknown. */
    final long cpuAtStart;
    /** Whether the ongoing report was made. */
    boolean reported;
    /** Whether a sample found the thread suspended (a debugger): then nothing about it is reported. */
    boolean suspended;
    private final Map<String, Integer> samplesAt = new HashMap<>();
    private final Map<String, StackTraceElement[]> exampleAt = new HashMap<>();
    private StackTraceElement[] latest;
    private String blockedOn;
    private int ticks;
    private int samples;
    private int blocked;
    private int parkedOnLocks;
    private int loadingClasses;
    private int inJavaCode;
    private int runnable;

    /**
     * @param start      {@link System#nanoTime()} when the task started, {@code now} the current one
     * @param cpuAtStart the thread's CPU time around then, or {@code -1}
     */
    StuckTask(long id, long start, long now, long cpuAtStart) {
        this.id = id;
        this.start = start;
        this.cpuAtStart = cpuAtStart;
        this.started = Instant.now().minusNanos(now - start);
    }

    /** Whether to sample on this watchdog tick: every tick at first, then less often for a task stuck for long. */
    boolean sampleNow() {
        return ticks++ < FULL_RATE_SAMPLES || ticks % LATER_SAMPLE_EVERY == 0;
    }

    void sampled(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (info.isSuspended()) {
            suspended = true; // stopped in a debugger: its stack says nothing about the task
            return;
        }
        samples++;
        latest = stack;
        String top = StallDetection.callSite(stack);
        if (top != null) {
            samplesAt.merge(top, 1, Integer::sum);
            exampleAt.put(top, stack);
        }
        // Sampled just as the thread takes the lock, its owner may already read as the thread itself. A thread
        // parked on a lock with an owner (a ReentrantLock) waits for that lock; a semaphore or condition has none.
        boolean parkedOnLock = info.getThreadState() != Thread.State.BLOCKED && info.getLockOwnerName() != null;
        if ((info.getThreadState() == Thread.State.BLOCKED || parkedOnLock) && info.getLockName() != null
                && !info.getThreadName().equals(info.getLockOwnerName())) {
            blocked++;
            if (parkedOnLock) {
                parkedOnLocks++;
            }
            if (blockedOn == null) {
                blockedOn = info.getLockName() + (info.getLockOwnerName() != null
                        ? " held by thread \"" + info.getLockOwnerName() + "\"" : "");
            }
        }
        if (info.getThreadState() == Thread.State.RUNNABLE) {
            runnable++;
            if (stack.length > 0 && !stack[0].isNativeMethod()) {
                inJavaCode++;
            }
        }
        if (isLoadingClasses(stack)) {
            loadingClasses++;
        }
    }

    int samples() {
        return samples;
    }

    /** The most recent stack, or {@code null} before the first sample. */
    StackTraceElement[] latest() {
        return latest;
    }

    /** The top application frame of most samples, or {@code null}. */
    String hottestFrame() {
        return samplesAt.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    int samplesAt(String frame) {
        return frame == null ? 0 : samplesAt.getOrDefault(frame, 0);
    }

    /** A stack sampled at the hottest frame, or the latest one. */
    StackTraceElement[] exampleOfHottest() {
        String hottest = hottestFrame();
        return hottest != null ? exampleAt.get(hottest) : latest;
    }

    /**
     * How much CPU the task used, up to a CPU-time reading of {@code cpuNow}; {@code -1} if it cannot be
     * told or does not matter: only a thread running Java code is expected to use CPU all the time (one
     * waiting for a lock or in native code is not).
     */
    long cpuUsedInJava(long cpuNow) {
        return cpuAtStart < 0 || cpuNow < 0 || inJavaCode * 2 <= samples ? -1 : cpuNow - cpuAtStart;
    }

    /**
     * Whether the thread was runnable in most samples (or never sampled): then it waited for a CPU
     * whenever the machine was overloaded, rather than for a lock or an event.
     */
    boolean runnable() {
        return runnable * 2 > samples || samples == 0;
    }

    /** Whether the thread waited for a {@code java.util.concurrent} lock in most samples. */
    boolean lockWait() {
        return parkedOnLocks * 2 > samples;
    }

    /** The monitor or lock the thread waited for in most samples, or {@code null}. */
    String blockedOn() {
        return blocked * 2 > samples ? blockedOn : null;
    }

    /**
     * Whether most samples were loading, linking or initialising classes: the first requests of an
     * application that is starting are slow for that reason, and would otherwise flood the report.
     */
    boolean warmup() {
        return loadingClasses * 2 > samples;
    }

    /**
     * Whether any sample so far was loading or initialising classes: while the task runs, the alarm cannot
     * tell start-up from a real stall yet, and says so.
     */
    boolean maybeWarmup() {
        return loadingClasses > 0;
    }

    private static boolean isLoadingClasses(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String method = frame.getMethodName();
            String type = frame.getClassName();
            if (method.equals("<clinit>") || type.equals("java.lang.ClassLoader")
                    && (method.equals("loadClass") || method.startsWith("defineClass"))
                    || type.equals("java.lang.invoke.MethodHandleNatives") && method.startsWith("link")) {
                return true;
            }
        }
        return false;
    }
}
