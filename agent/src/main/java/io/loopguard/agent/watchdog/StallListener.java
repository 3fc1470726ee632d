package io.loopguard.agent.watchdog;

/** Told about each event-loop stall when its task ends. */
@FunctionalInterface
public interface StallListener {

    /**
     * @param thread        the loop's thread name
     * @param durationNanos how long the task ran
     * @param pause         {@code gc} or {@code jvm} when a JVM-wide pause took most of that time, else {@code null}
     */
    void stallEnded(String thread, long durationNanos, String pause);
}
