package io.loopguard.agent.catalog;

/** When a call to a catalogued method counts as blocking. */
public enum BlocksWhen {
    /** Every call. */
    ALWAYS,
    /** Only on a channel in blocking mode: a non-blocking channel, like each of Netty's, never waits. */
    CHANNEL_IN_BLOCKING_MODE,
    /**
     * Only on a stream that is not the standard output or error: console writes (what most loggers'
     * console appenders do) are not reported, as they go to a terminal or a pipe that is drained.
     */
    NOT_TO_CONSOLE,
    /**
     * Only where it is not an event loop's own wait for I/O: a loop selects between two of its tasks by design,
     * while a select inside a task (a handler's) holds the loop.
     */
    NOT_BETWEEN_LOOP_TASKS,
    /**
     * When the caller takes a lock or semaphore ({@link Catalog#LOCKS}), only a wait longer than
     * {@code lock-wait-threshold}, reported when it ends: a lock held for a moment by another thread is a
     * moment's wait, not a blocking call. A latch, reached through the same method, waits for an event: always.
     */
    LOCK_WAITED_LONGER_THAN_THRESHOLD
}
