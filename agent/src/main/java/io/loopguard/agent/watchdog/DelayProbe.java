package io.loopguard.agent.watchdog;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A tiny task the watchdog puts on an event loop, timing how late the loop runs it: the loop's delay,
 * as Node's {@code monitorEventLoopDelay} measures it. One is in flight at a time.
 */
final class DelayProbe implements Runnable {
    private final Executor loop;
    private final MethodHandle isShuttingDown;
    private long sentAt;
    private volatile long ranAt;
    private boolean inFlight;

    DelayProbe(Object loop) {
        this.loop = loop instanceof Executor executor ? executor : null;
        this.isShuttingDown = shuttingDownCheck(loop);
    }

    @Override
    public void run() {
        ranAt = System.nanoTime();
    }

    /**
     * Sends the next probe if the last one ran, and returns the last one's delay in nanoseconds, or
     * {@code -1} if there is none to report.
     */
    long sendNext() {
        long delay = -1;
        if (inFlight) {
            long ran = ranAt;
            if (ran == 0) {
                return -1;
            }
            delay = Math.max(0, ran - sentAt);
            inFlight = false;
        }
        if (loop != null && !shuttingDown()) {
            ranAt = 0;
            sentAt = System.nanoTime();
            try {
                loop.execute(this);
                inFlight = true;
            } catch (RejectedExecutionException stopping) {
                // the loop is shutting down: nothing to measure
            }
        }
        return delay;
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
        if (loop == null) {
            return null; // a loop adopted at attach: no object to ask
        }
        for (Class<?> type = loop.getClass(); type != null; type = type.getSuperclass()) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "isShuttingDown",
                        MethodType.methodType(boolean.class)).asType(MethodType.methodType(boolean.class, Executor.class));
            } catch (ReflectiveOperationException | RuntimeException notHere) {
                // not public here: try the superclass
            }
        }
        return null;
    }
}
