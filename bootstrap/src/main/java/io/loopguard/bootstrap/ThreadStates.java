package io.loopguard.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Where each thread's {@link ThreadState} is kept, found on every probe: in a table indexed by the thread's
 * id (three dependent loads: the id, the slot, the state's id), else in a {@link ThreadLocal} (its hash
 * lookup takes twice as many).
 *
 * <p>A thread id is never reused, so a slot holding the state of the thread whose id it compares is that
 * thread's own, whoever wrote the slot last. Ids that share a slot go to the newest thread, which is the one
 * likelier to be alive: a slot never changes hands back and forth, and an older thread that lost it reads its
 * {@code ThreadLocal}. The id is read from {@code Thread}'s own field, not through {@code getId()}, which a
 * subclass may override: the agent opens {@code java.lang} to this class's module for it (see
 * {@link #idField}); without that every thread reads its {@code ThreadLocal}.
 *
 * <p>A slot keeps the state of a thread that ended until a newer thread takes it: a few fields, since a
 * loop's state drops its clock when the loop's run method returns. Only a loop adopted at attach, whose
 * run method never returns through the probe, leaves its clock, and through it its {@code Thread}, there.
 */
final class ThreadStates {
    private static final int SLOTS = 4096;
    private static final ThreadState[] BY_ID = new ThreadState[SLOTS];
    private static final ThreadLocal<ThreadState> BY_THREAD = new ThreadLocal<>();
    private static final VarHandle THREAD_ID = idField();

    private ThreadStates() {
    }

    /** The current thread's state, or {@code null} if it was never judged. */
    static ThreadState current() {
        Thread thread = Thread.currentThread();
        if (THREAD_ID != null) {
            long id = (long) THREAD_ID.get(thread);
            ThreadState state = BY_ID[(int) id & (SLOTS - 1)];
            if (state != null && state.threadId == id) {
                return state;
            }
        }
        return BY_THREAD.get();
    }

    /** Keeps {@code state}, new, as the current thread's. */
    static void keep(ThreadState state) {
        BY_THREAD.set(state);
        if (THREAD_ID != null) {
            int slot = (int) state.threadId & (SLOTS - 1);
            ThreadState holder = BY_ID[slot];
            if (holder == null || holder.threadId < state.threadId) {
                BY_ID[slot] = state; // its id is final: a thread that reads the slot sees it whole
            }
        }
    }

    /** The current thread's id, as {@link #current} compares it; {@code -1} when the table is not used. */
    static long currentId() {
        return THREAD_ID != null ? (long) THREAD_ID.get(Thread.currentThread()) : -1;
    }

    /** {@code Thread.tid}, or {@code null} when {@code java.lang} is not open to this module. */
    private static VarHandle idField() {
        try {
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findVarHandle(Thread.class, "tid", long.class);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            return null;
        }
    }
}
