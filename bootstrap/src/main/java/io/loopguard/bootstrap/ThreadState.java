package io.loopguard.bootstrap;

import io.loopguard.BlockingCallError;

/**
 * What the probe knows about one thread. Only its own thread writes it, but for
 * {@link #designatedByName}, so plain fields do.
 */
public final class ThreadState {
    static final int BY_PATTERN = 1;
    static final int BY_AGENT = 2;
    /** The thread's id, by which {@link ThreadStates} finds this state; {@code -1} if it is found another way. */
    final long threadId;
    /** Greater than zero while what the thread runs must not block (an event loop's run, a designated task). */
    int designated;
    /**
     * Not zero while a rule about the thread itself designates it: {@link #BY_PATTERN} while an
     * {@link ExtraDesignatedThreads} pattern matches its name, {@link #BY_AGENT} while the agent's rules (the
     * {@code threads} option, the frameworks' thread types) do. Judged again when the patterns change or the
     * thread is renamed, by the thread that does it, under {@link ExtraDesignatedThreads}' lock; a plain field,
     * so that the fast path pays nothing for it.
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

    ThreadState(long threadId) {
        this.threadId = threadId;
    }
}
