package io.loopguard.bootstrap;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Thread-name patterns designated for a while at run time, on top of the agent's own rules: the JUnit
 * extension's per-test {@code threads}. Unlike the {@code threads} option, which judges a thread once for
 * its whole life, a pattern designates the threads whose whole name matches only while it is active.
 *
 * <p>The probe's fast path reads nothing here: adding or removing a pattern re-judges every thread that
 * has reached a probe, and a thread that reaches one later is judged against the active patterns then.
 * A thread sees the change at its next hand-off with the changing thread (a task submitted, a thread
 * started), as with any plain field; a name is matched when it is judged, so a later rename is not seen.
 */
public final class ExtraDesignatedThreads {
    private static final List<Pattern> ACTIVE = new ArrayList<>();
    /** Every thread that has reached a probe, kept until it is gone; guarded by {@link #ACTIVE}. */
    private static final List<Judged> JUDGED = new ArrayList<>();
    /** How many entries {@link #JUDGED} may hold before the gone threads are dropped from it. */
    private static int purgeAt = 64;

    private ExtraDesignatedThreads() {
    }

    public static void add(Pattern threadNames) {
        synchronized (ACTIVE) {
            ACTIVE.add(threadNames);
            rejudgeAll();
        }
    }

    /** Removes one earlier {@link #add} of this pattern. */
    public static void remove(Pattern threadNames) {
        synchronized (ACTIVE) {
            ACTIVE.remove(threadNames);
            rejudgeAll();
        }
    }

    /** Judges {@code state}, the current thread's, against the active patterns, and again whenever they change. */
    static void judge(Thread thread, ThreadState state) {
        synchronized (ACTIVE) {
            if (JUDGED.size() >= purgeAt) {
                JUDGED.removeIf(judged -> judged.thread.get() == null);
                purgeAt = Math.max(64, 2 * JUDGED.size());
            }
            JUDGED.add(new Judged(new WeakReference<>(thread), state));
            state.designatedByName = matches(thread) ? 1 : 0;
        }
    }

    private static void rejudgeAll() {
        JUDGED.removeIf(judged -> judged.thread.get() == null);
        for (Judged judged : JUDGED) {
            Thread thread = judged.thread.get();
            if (thread != null) {
                judged.state.designatedByName = matches(thread) ? 1 : 0;
            }
        }
    }

    private static boolean matches(Thread thread) {
        if (ACTIVE.isEmpty()) {
            return false;
        }
        for (Pattern pattern : ACTIVE) {
            if (ThreadNames.matches(pattern, thread)) {
                return true;
            }
        }
        return false;
    }

    /** The state is held here strongly: its thread's own map holds it too, and both go when the thread does. */
    private record Judged(WeakReference<Thread> thread, ThreadState state) {
    }
}
