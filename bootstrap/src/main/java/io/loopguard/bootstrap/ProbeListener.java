package io.loopguard.bootstrap;

import io.loopguard.BlockingCallError;

/** The agent's side of the probe: it judges threads and receives detections. */
public interface ProbeListener {

    /** Whether {@code thread} must never block: decided the first time it reaches a probe, and when it is renamed. */
    boolean isDesignated(Thread thread);

    /** Whether {@code thread} may always block, even inside an event loop's run; decided once, the first time it reaches a probe. */
    default boolean permitsBlocking(Thread thread) {
        return false;
    }

    /** Whether the task the current {@code thread} is about to run must not block (a per-task decision). */
    default boolean isTaskDesignated(Thread thread) {
        return false;
    }

    /**
     * A blocking call of the catalogue's {@code operation} on the current, designated thread.
     *
     * @return the error to throw in its place ({@code strict} mode), or {@code null} to let it block
     */
    BlockingCallError blockingCall(int operation);
}
