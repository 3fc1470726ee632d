package io.loopguard.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When the task an event loop is running started, written by the loop, read by the agent's watchdog.
 *
 * <p>The loop's cost per task is two {@code System.nanoTime()} calls and a few release stores (plain
 * moves on x86): no lock, no allocation. Only the loop thread writes; the watchdog only reads.
 */
public final class LoopClock {
    private static final VarHandle TASK_START;
    private static final VarHandle BUSY_NANOS;
    private static final VarHandle LONG_TASK_NANOS;
    private static final Queue<LoopClock> STARTED = new ConcurrentLinkedQueue<>();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TASK_START = lookup.findVarHandle(LoopClock.class, "taskStart", long.class);
            BUSY_NANOS = lookup.findVarHandle(LoopClock.class, "busyNanos", long.class);
            LONG_TASK_NANOS = lookup.findVarHandle(LoopClock.class, "longTaskNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Tasks at least this long leave their exact start and duration for the watchdog (nanoseconds). */
    private static volatile long longTaskBound = Long.MAX_VALUE;

    private final Thread thread;
    private final Object loop;
    private final long createdAt = System.nanoTime();
    private int depth;
    private int runs;
    private volatile boolean stopped;
    @SuppressWarnings("unused") // through TASK_START
    private long taskStart;
    @SuppressWarnings("unused") // through BUSY_NANOS
    private long busyNanos;
    private long longTaskStart;
    @SuppressWarnings("unused") // through LONG_TASK_NANOS
    private long longTaskNanos;

    private LoopClock(Thread thread, Object loop) {
        this.thread = thread;
        this.loop = loop;
    }

    /** Sets the duration from which a finished task's exact start and duration are kept; before any loop starts. */
    public static void recordTasksFrom(long nanos) {
        longTaskBound = nanos;
    }

    /** The clocks of loops that started since the last call, oldest first; {@code null} when there are none. */
    public static LoopClock pollStarted() {
        return STARTED.poll();
    }

    static LoopClock start(Thread thread, Object loop) {
        LoopClock clock = new LoopClock(thread, loop);
        STARTED.offer(clock);
        return clock;
    }

    /** Another run method of the same loop was entered (a subclass calling its parent's). */
    void enterRun() {
        runs++;
    }

    /** Returns whether the loop's outermost run method returned. */
    boolean exitRun() {
        if (--runs < 0) {
            stopped = true;
            return true;
        }
        return false;
    }

    void taskStarted() {
        if (depth++ == 0) {
            TASK_START.setRelease(this, System.nanoTime());
        }
    }

    void taskEnded() {
        if (--depth == 0) {
            long start = (long) TASK_START.getOpaque(this);
            long took = System.nanoTime() - start;
            BUSY_NANOS.setRelease(this, (long) BUSY_NANOS.getOpaque(this) + took);
            TASK_START.setRelease(this, 0L);
            if (took >= longTaskBound) {
                longTaskStart = start;
                LONG_TASK_NANOS.setRelease(this, took);
            }
        }
    }

    /** Whether the loop is running one of its tasks; read by the loop's own thread. */
    boolean inTask() {
        return depth > 0;
    }

    /** The loop's thread. */
    public Thread thread() {
        return thread;
    }

    /** The event loop object, for Netty an {@link java.util.concurrent.Executor}; {@code null} for an adopted loop. */
    public Object loop() {
        return loop;
    }

    /** When the clock was made: the loop's run method started ({@link System#nanoTime()}). */
    public long createdAt() {
        return createdAt;
    }

    /** {@link System#nanoTime()} when the running task started, or {@code 0} between tasks. */
    public long taskStart() {
        return (long) TASK_START.getAcquire(this);
    }

    /** Time spent in finished tasks since the loop started. */
    public long busyNanos() {
        return (long) BUSY_NANOS.getAcquire(this);
    }

    /** How long the last long task to finish took (nanoseconds), or {@code 0} if there was none. */
    public long lastLongTaskNanos() {
        return (long) LONG_TASK_NANOS.getAcquire(this);
    }

    /** When the last long task to finish started; read after {@link #lastLongTaskNanos()}. */
    public long lastLongTaskStart() {
        return longTaskStart;
    }

    /** Whether the loop left its run method for good (for a loop adopted when the agent was attached: its thread ended). */
    public boolean stopped() {
        return stopped || !thread.isAlive();
    }

    /** Has a watchdog that starts later watch this clock: the agent was detached while its loop ran on. */
    public static void watchAgain(LoopClock clock) {
        STARTED.offer(clock);
    }

    /** The threads of the clocks no watchdog has taken yet. */
    public static List<Thread> waitingThreads() {
        return STARTED.stream().map(LoopClock::thread).toList();
    }
}
