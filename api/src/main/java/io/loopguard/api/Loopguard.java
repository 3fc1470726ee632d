package io.loopguard.api;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;

/**
 * Tells the Loopguard agent which of your threads must never block and where blocking is fine.
 *
 * <p>Every method is plain Java that runs the block it is given: without the agent it does nothing else,
 * so the application never needs the agent to run. With the agent, it instruments these methods by name.
 */
public final class Loopguard {

    private Loopguard() {
    }

    /** From now on, for the rest of its life, the current thread must never block. */
    public static void designateCurrentThread() {
        // The agent adds the designation here; without it there is nothing to do.
    }

    /** Runs {@code block} on the current thread, which must not block while it runs. */
    public static void runDesignated(Runnable block) {
        block.run();
    }

    /** Runs {@code block} on the current thread, and blocking inside it is accepted even on a designated thread. */
    public static void runAllowed(Runnable block) {
        block.run();
    }

    /** Like {@link #runAllowed(Runnable)}, for a block that returns a value or throws. */
    public static <T> T callAllowed(Callable<T> block) throws Exception {
        return block.call();
    }

    /** A thread factory whose threads must never block while they run their task (an event loop's threads). */
    public static ThreadFactory designating(ThreadFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return task -> factory.newThread(() -> runDesignated(task));
    }
}
