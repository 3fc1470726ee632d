package io.loopguard.bootstrap;

import io.loopguard.BlockingCallError;

/**
 * What the probe knows about one thread. Only its own thread writes it, but for
 * {@link #designatedByName}, so plain fields do.
 */
public final class ThreadState {
    /** Greater than zero while the thread must not block (a name match, or inside an event loop's run). */
    int designated;
    /**
     * 1 while an {@link ExtraDesignatedThreads} pattern matches the thread's name, else 0. Written by the thread
     * that changes the patterns; a plain field, so that the fast path pays nothing for it.
     */
    int designatedByName;
    /** Greater than zero while the thread runs inside a method where blocking is accepted. */
    int allowed;
    /** Greater than zero while a probed call is in progress: the blocking calls it makes are its own. */
    int depth;
    /** The clock of the event loop this thread runs, while it is inside the loop's run method. */
    LoopClock loopClock;
    /** What to run when the outermost probed call in progress returns (it times the call), or {@code null}. */
    Runnable callEnd;
    /** The error a lock acquisition throws as it returns (strict mode, a wait judged too long), or {@code null}. */
    BlockingCallError errorAtEnd;

    ThreadState() {
    }
}
