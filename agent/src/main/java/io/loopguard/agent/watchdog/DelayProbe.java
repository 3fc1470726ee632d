package io.loopguard.agent.watchdog;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * A timer on an event loop's own scheduler, every 10 ms, timing how late the loop runs it: the loop's
 * delay, as Node's {@code monitorEventLoopDelay} measures it. It re-arms itself from the loop, so neither
 * the watchdog nor a wake-up from another thread is needed per sample; the watchdog collects the samples
 * whenever it looks. Loops that cannot schedule (adopted at attach with no executor) are not probed.
 */
final class DelayProbe implements Runnable {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Samples kept between two looks of the watchdog: 640 ms of them, the watchdog looks at least every 100 ms. */
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
    private volatile boolean stopped;

    DelayProbe(Object loop) {
        this.loop = loop instanceof ScheduledExecutorService scheduler ? scheduler : null;
        this.isShuttingDown = shuttingDownCheck(loop);
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
        arm();
    }

    private void arm() {
        if (stopped || shuttingDown()) {
            return;
        }
        dueAt = System.nanoTime() + PERIOD_NANOS;
        try {
            loop.schedule(this, PERIOD_NANOS, TimeUnit.NANOSECONDS);
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
