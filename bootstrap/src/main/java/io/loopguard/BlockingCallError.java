package io.loopguard;

/**
 * Thrown in {@code strict} mode by a blocking call made on a thread that must never block.
 *
 * <p>It is an {@link Error} so that ordinary {@code catch (Exception e)} blocks do not hide it. It is
 * thrown before the blocking JDK method changes any state (before a lock is released or a waiter is
 * queued), so the JDK class it came from stays usable.
 */
public class BlockingCallError extends Error {
    private static final long serialVersionUID = 1L;

    public BlockingCallError(String message) {
        super(message);
    }
}
