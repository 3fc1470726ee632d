package io.loopguard.agent.detect;

import java.time.Instant;
import java.util.Locale;

/** Builds the {@link Detection} of a virtual thread that blocked while pinned to its carrier. */
public final class PinnedDetection {
    static final String MONITOR_HINT = "move the blocking call out of the synchronized block, or use a"
            + " ReentrantLock (from JDK 24 on, synchronized no longer pins)";
    static final String CLASS_INIT_HINT = "don't block in a static initializer: initialise lazily on first use, or do"
            + " the blocking work before the class is first used";
    static final String NATIVE_HINT = "a native frame (JNI, a foreign-function upcall) is on the stack: return"
            + " from native code before blocking, or do this work on a platform thread";

    private PinnedDetection() {
    }

    /**
     * @param thread  the virtual thread's name, or {@code virtual thread #<id>} when it has none
     * @param trace   its stack while it was pinned, as the JDK recorded it
     * @param reason  the JDK's reason ({@code pinnedReason}, JDK 24+), or {@code null}
     * @param carrier the carrier thread's name, or {@code null}
     */
    public static Detection of(String thread, StackTraceElement[] trace, String reason, String carrier,
                               long durationMillis, Instant time) {
        CallStack stack = CallStack.sampled(trace);
        boolean classInit = stack.inStaticInitializer();
        // JDK 21-23 give no reason. A native frame shows only as a foreign-function upcall; JNI leaves no trace.
        boolean upcall = stack.lines().stream().anyMatch(line -> line.startsWith("jdk.internal.foreign.abi.UpcallStub"));
        String why = reason != null ? reason : classInit ? "a class initializer is on the stack"
                : upcall ? "a native frame is on the stack" : "holding a monitor (synchronized), or a native frame";
        String hint = classInit ? CLASS_INIT_HINT
                : upcall || reason != null && reason.toLowerCase(Locale.ROOT).contains("native") ? NATIVE_HINT
                : MONITOR_HINT;
        String operation = stack.calledMethod();
        return new Detection(Detection.PINNED, operation != null ? operation : "(unknown)", null, thread,
                stack.callSite(), stack.lines(), time, hint, null, new Pinning(why, carrier, durationMillis));
    }
}
