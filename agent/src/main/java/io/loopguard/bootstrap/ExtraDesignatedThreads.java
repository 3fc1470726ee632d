package io.loopguard.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Thread-name patterns designated for a while at run time, on top of the agent's own rules: the JUnit
 * extension's per-test {@code threads}. Unlike the {@code threads} option, which judges a thread once for
 * its whole life, a name is matched at each probe while a pattern is active, and no longer after it is removed.
 */
public final class ExtraDesignatedThreads {
    private static final List<Pattern> ACTIVE = new ArrayList<>();
    /** A copy of {@link #ACTIVE} for the probe, or {@code null} when it is empty: the probe's only cost. */
    private static volatile Pattern[] patterns;

    private ExtraDesignatedThreads() {
    }

    public static void add(Pattern threadNames) {
        synchronized (ACTIVE) {
            ACTIVE.add(threadNames);
            patterns = ACTIVE.toArray(new Pattern[0]);
        }
    }

    /** Removes one earlier {@link #add} of this pattern. */
    public static void remove(Pattern threadNames) {
        synchronized (ACTIVE) {
            ACTIVE.remove(threadNames);
            patterns = ACTIVE.isEmpty() ? null : ACTIVE.toArray(new Pattern[0]);
        }
    }

    /** Whether an active pattern designates the current thread ({@link ThreadNames#matches}). */
    static boolean includeCurrentThread() {
        Pattern[] current = patterns;
        if (current == null) {
            return false;
        }
        Thread thread = Thread.currentThread();
        for (Pattern pattern : current) {
            if (ThreadNames.matches(pattern, thread)) {
                return true;
            }
        }
        return false;
    }
}
