package io.loopguard.agent.detect;

import java.time.Instant;

/** Builds the {@link Detection} of an event loop stall from a stack the watchdog sampled. */
public final class StallDetection {
    private static final String BUSY_HINT = "one task held this event loop, and every connection it serves waited:"
            + " move CPU-heavy work (parsing, regexes, crypto, big loops) to a separate executor and"
            + " continue on the loop with the result";
    private static final String LOCK_HINT = "this event loop waited for a lock (a synchronized block, a ReentrantLock)"
            + " another thread held: don't share that lock with slow work, or do the locked work on a separate executor";
    private static final String CPU_HINT = "this event loop was runnable but waited for a CPU most of this time:"
            + " the machine is overloaded (more busy threads than cores); the task itself used little CPU";
    private static final String PAUSE_HINT = "the JVM stopped every thread for most of this time (garbage collection"
            + " or another safepoint): not this task's fault; look at heap size and GC logs";

    private StallDetection() {
    }

    /** The top frame that is neither JDK nor Loopguard in a sampled stack, or {@code null}. */
    public static String callSite(StackTraceElement[] sample) {
        return CallStack.sampled(sample).callSite();
    }

    /** @param sample the stack to show: one sampled while the thread was stuck */
    public static Detection of(String thread, StackTraceElement[] sample, Stall stall) {
        CallStack stack = CallStack.sampled(sample);
        String hint = "cpu".equals(stall.pause()) ? CPU_HINT : stall.pause() != null ? PAUSE_HINT
                : stall.blockedOn() != null ? LOCK_HINT : BUSY_HINT;
        return new Detection(Detection.STALL, null, null, thread, stack.callSite(), stack.lines(), Instant.now(),
                hint, stall);
    }
}
