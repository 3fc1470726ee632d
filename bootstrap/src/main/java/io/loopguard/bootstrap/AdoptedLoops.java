package io.loopguard.bootstrap;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Event loops that were already running when the agent was attached. Their run method was entered before it
 * was instrumented and never returns, so nothing designates them or gives them a clock; each is adopted
 * instead at the start of its next task: from then on it must not block, and the watchdog times its tasks.
 */
public final class AdoptedLoops {
    private static final Set<Thread> WAITING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** Whether any loop waits to be adopted: the only cost, on tasks of threads that have no clock. */
    private static volatile boolean waiting;
    /** Finds, on a loop's own thread, the loop's executor (for the watchdog's delay probe), or {@code null}. */
    private static volatile Supplier<Object> loopFinder;

    private AdoptedLoops() {
    }

    /** How an adopted loop's executor is found, on the loop's own thread: the frameworks know. */
    public static void findLoopsWith(Supplier<Object> finder) {
        loopFinder = finder;
    }

    /** Adopts {@code loopThread}, an event loop running its uninstrumented run method, at its next task. */
    public static void add(Thread loopThread) {
        WAITING.add(loopThread);
        waiting = true;
    }

    /** The executor of the loop the current thread runs, or {@code null} if it cannot be found. */
    static Object currentLoop() {
        Supplier<Object> finder = loopFinder;
        try {
            return finder == null ? null : finder.get();
        } catch (Throwable e) {
            return null; // the loop's delay is not measured; nothing else is lost
        }
    }

    /** Whether the current thread is a loop waiting to be adopted; it waits no longer. */
    static boolean takeCurrentThread() {
        if (!waiting || !WAITING.remove(Thread.currentThread())) {
            return false;
        }
        waiting = !WAITING.isEmpty();
        return true;
    }
}
