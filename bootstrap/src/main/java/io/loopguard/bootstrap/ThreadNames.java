package io.loopguard.bootstrap;

import java.util.regex.Pattern;

/**
 * How a thread-name pattern ({@code threads=}, the JUnit extension's) designates threads: a platform thread
 * by its whole name; a virtual thread only when the pattern says so with {@code virtual:} (it is then matched
 * as {@code virtual:<name>}, so {@code virtual:.*} names every virtual thread); a carrier thread never.
 */
public final class ThreadNames {
    /** What a pattern (or one alternative of it) starts with to designate virtual threads. */
    public static final String VIRTUAL = "virtual:";

    private ThreadNames() {
    }

    public static boolean matches(Pattern pattern, Thread thread) {
        if (isCarrier(thread)) {
            return false; // it only runs virtual threads; their blocking is theirs, or reported as pinning
        }
        if (isVirtual(thread)) {
            // Virtual threads are made to block: a pattern such as .* that matches any name does not mean them.
            return pattern.pattern().contains(VIRTUAL) && pattern.matcher(VIRTUAL + thread.getName()).matches();
        }
        return pattern.matcher(thread.getName()).matches();
    }

    /** Whether {@code thread} is virtual (JDK 21+): the agent is built for JDK 17, without {@code Thread.isVirtual()}. */
    public static boolean isVirtual(Thread thread) {
        Class<?> parent = thread.getClass().getSuperclass();
        return parent != null && parent.getName().equals("java.lang.BaseVirtualThread");
    }

    /** Whether {@code thread} is one of the JDK's carrier threads, which run virtual threads. */
    public static boolean isCarrier(Thread thread) {
        return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread");
    }
}
