package io.loopguard.agent.watchdog;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A timer on an event loop's own scheduler, every 10 ms, timing how late the loop runs it: the loop's
 * delay, as Node's {@code monitorEventLoopDelay} measures it. It re-arms itself from the loop, so neither
 * the watchdog nor a wake-up from another thread is needed per sample; the watchdog collects the samples
 * whenever it looks. Loops that cannot schedule (adopted at attach with no executor) are not probed.
 *
 * <p>On an idle loop the timer backs off, doubling its period up to 100 ms: each firing wakes the loop
 * from its selector, which Netty would otherwise leave asleep, and a service has many loops, most of them
 * idle most of the time. The first firing that finds the loop has worked returns it to 10 ms.
 */
final class DelayProbe implements Runnable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** The longest period, on an idle loop: the watchdog's longest sleep, so that it still finds samples. */
    private static final long IDLE_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** A loop that spent less than this share of the time since the last firing in tasks counts as idle. */
    private static final int IDLE_BELOW_PERCENT = 1;
    /** Samples kept between two looks of the watchdog: 640 ms of them at most, the watchdog looks at least every 100 ms. */
    private static final int KEPT = 64;
    private static final VarHandle WRITTEN;

    static {
        try {
            WRITTEN = MethodHandles.lookup().findVarHandle(DelayProbe.class, "written", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ScheduledExecutorService loop;
    private final MethodHandle isShuttingDown;
    /** Written by the loop only: a ring of delays, and how many were ever written (published with release). */
    private final long[] delays = new long[KEPT];
    @SuppressWarnings("unused") // through WRITTEN
    private long written;
    /** The watchdog's only: how many it has collected, and where it copies them. */
    private long collected;
    private final long[] copy = new long[KEPT];
    private long dueAt;
    /** The loop's only: the period it armed the timer with, and its time in tasks when the timer fired last. */
    private long period = PERIOD_NANOS;
    private final LongSupplier busyNanos;
    private long busyAtLastRun;
    private volatile boolean stopped;

    /** @param busyNanos the loop's time in tasks so far, read on the loop's thread */
    DelayProbe(Object loop, LongSupplier busyNanos) {
        this.loop = loop instanceof ScheduledExecutorService scheduler ? scheduler : null;
        this.isShuttingDown = shuttingDownCheck(loop);
        this.busyNanos = busyNanos;
    }

    /** Arms the first timer; from then on the loop re-arms it. */
    void start() {
        if (loop != null) {
            arm();
        }
    }

    /** No timer is re-armed from now on: the watchdog stopped (the agent was detached). */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long written = (long) WRITTEN.getOpaque(this);
        delays[(int) (written % KEPT)] = Math.max(0, System.nanoTime() - dueAt);
        WRITTEN.setRelease(this, written + 1);
        long busy = busyNanos.getAsLong();
        boolean idle = (busy - busyAtLastRun) * 100 < period * IDLE_BELOW_PERCENT;
        busyAtLastRun = busy;
        period = idle ? Math.min(period * 2, IDLE_PERIOD_NANOS) : PERIOD_NANOS;
        arm();
    }

    private void arm() {
        if (stopped || shuttingDown()) {
            return;
        }
        dueAt = System.nanoTime() + period;
        try {
            loop.schedule(this, period, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the loop is shutting down: nothing to measure
        }
    }

    /** Gives {@code delays} the samples taken since the last call, oldest first; only the watchdog calls it. */
    void collect(LongConsumer delays) {
        long written = (long) WRITTEN.getAcquire(this);
        long from = Math.max(collected, written - KEPT);
        for (long i = from; i < written; i++) {
            copy[(int) (i - from)] = this.delays[(int) (i % KEPT)];
        }
        // The loop may have overwritten the oldest while they were copied, if the watchdog fell that far behind.
        long overwritten = Math.max(0, (long) WRITTEN.getAcquire(this) - KEPT - from);
        for (int i = (int) overwritten; i < written - from; i++) {
            delays.accept(copy[i]);
        }
        collected = written;
    }

    /**
     * Netty restarts a graceful shutdown's quiet period for every task it runs, so a loop that is
     * shutting down must get no more probes.
     */
    private boolean shuttingDown() {
        if (isShuttingDown == null) {
            return false;
        }
        try {
            return (boolean) isShuttingDown.invoke(loop);
        } catch (Throwable e) {
            return true;
        }
    }

    /** Netty's {@code isShuttingDown()}, found on the nearest public class of the loop, or {@code null}. */
    private static MethodHandle shuttingDownCheck(Object loop) {
        if (!(loop instanceof ScheduledExecutorService)) {
            return null; // nothing to probe
        }
        for (Class<?> type = loop.getClass(); type != null; type = type.getSuperclass()) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "isShuttingDown",
                        MethodType.methodType(boolean.class))
                        .asType(MethodType.methodType(boolean.class, ScheduledExecutorService.class));
            } catch (ReflectiveOperationException | RuntimeException notHere) {
                // not public here: try the superclass
            }
        }
        return null;
    }
}
