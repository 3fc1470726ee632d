package io.loopguard.bootstrap;

/**
 * What the probe knows about one thread. Only its own thread reads or writes it, so plain fields do.
 */
public final class ThreadState {
    /** Greater than zero while the thread must not block (a name match, or inside an event loop's run). */
    int designated;
    /** Greater than zero while the thread runs inside a method where blocking is accepted. */
    int allowed;
    /** Greater than zero while a probed call is in progress: the blocking calls it makes are its own. */
    int depth;
    /** The clock of the event loop this thread runs, while it is inside the loop's run method. */
    LoopClock loopClock;
    /** What to run when the outermost probed call in progress returns (it times the call), or {@code null}. */
    Runnable callEnd;

    ThreadState() {
    }
}
