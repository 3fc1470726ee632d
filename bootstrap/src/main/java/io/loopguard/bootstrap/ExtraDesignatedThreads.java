package io.loopguard.bootstrap;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Thread-name patterns designated for a while at run time, on top of the agent's own rules: the JUnit
 * extension's per-test {@code threads}. Unlike the {@code threads} option, which judges a thread once for
 * its whole life, a pattern designates the threads whose whole name matches only while it is active.
 *
 * <p>The probe's fast path reads nothing here: adding or removing a pattern re-judges every thread that
 * has reached a probe, and a thread that reaches one later is judged against the active patterns then.
 * A thread sees the change at its next hand-off with the changing thread (a task submitted, a thread
 * started), as with any plain field. Renaming a thread judges it again, against these patterns and the
 * agent's own rules (the {@code threads} option), which this class keeps in the same field.
 */
public final class ExtraDesignatedThreads {
    private static final List<Pattern> ACTIVE = new ArrayList<>();
    /** Every thread that has reached a probe, kept until it is gone; guarded by {@link #ACTIVE}. */
    private static final List<Judged> JUDGED = new ArrayList<>();
    /** How many entries {@link #JUDGED} may hold before the gone threads are dropped from it. */
    private static int purgeAt = 64;
    /** Set by the agent while its probes are not in yet: puts them in, and returns once they are. */
    private static volatile Runnable probesNeeded;

    private ExtraDesignatedThreads() {
    }

    public static void add(Pattern threadNames) {
        Runnable needed = probesNeeded;
        if (needed != null) {
            needed.run();
        }
        synchronized (ACTIVE) {
            ACTIVE.add(threadNames);
            rejudgeAll();
        }
    }

    /** Called by the agent: {@code needed} runs before a pattern is added, {@code null} once the probes are in. */
    public static void whenProbesNeeded(Runnable needed) {
        probesNeeded = needed;
    }

    /** Removes one earlier {@link #add} of this pattern. */
    public static void remove(Pattern threadNames) {
        synchronized (ACTIVE) {
            ACTIVE.remove(threadNames);
            rejudgeAll();
        }
    }

    /**
     * Judges {@code state}, the current thread's, against the active patterns, and again whenever they change.
     *
     * @param byAgent whether the agent's own rules designate the thread
     */
    static void judge(Thread thread, ThreadState state, boolean byAgent) {
        synchronized (ACTIVE) {
            if (JUDGED.size() >= purgeAt) {
                JUDGED.removeIf(judged -> judged.thread.get() == null);
                purgeAt = Math.max(64, 2 * JUDGED.size());
            }
            JUDGED.add(new Judged(new WeakReference<>(thread), state));
            state.designatedByName = byPatterns(thread) | (byAgent ? ThreadState.BY_AGENT : 0);
        }
    }

    /**
     * Judges {@code thread} again after it was renamed, if it has reached a probe.
     *
     * @param state   its state when it is the current thread, else {@code null}: it is looked up
     * @param byAgent whether the agent's own rules designate it under its new name
     */
    static void renamed(Thread thread, ThreadState state, Predicate<Thread> byAgent) {
        ThreadState judged = state != null ? state : judgedState(thread);
        if (judged == null) {
            return; // it will be judged under its new name when it first reaches a probe
        }
        int agent = byAgent.test(thread) ? ThreadState.BY_AGENT : 0;
        synchronized (ACTIVE) {
            judged.designatedByName = byPatterns(thread) | agent;
        }
    }

    private static ThreadState judgedState(Thread thread) {
        synchronized (ACTIVE) {
            for (Judged judged : JUDGED) {
                if (judged.thread.get() == thread) {
                    return judged.state;
                }
            }
            return null;
        }
    }

    private static void rejudgeAll() {
        JUDGED.removeIf(judged -> judged.thread.get() == null);
        for (Judged judged : JUDGED) {
            Thread thread = judged.thread.get();
            if (thread != null) {
                judged.state.designatedByName = judged.state.designatedByName & ThreadState.BY_AGENT | byPatterns(thread);
            }
        }
    }

    private static int byPatterns(Thread thread) {
        return matches(thread) ? ThreadState.BY_PATTERN : 0;
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
