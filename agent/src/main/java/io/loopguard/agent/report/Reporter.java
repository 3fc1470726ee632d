package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;

/** Delivers detections somewhere. Called only from the reporting thread, one call at a time. */
public interface Reporter {

    /** Called once on the reporting thread before anything else: the place to open files, never the application's thread. */
    default void start() {
    }

    void report(Detection detection);

    /** {@code count} detections did not fit in the queue and were lost. */
    void dropped(long count);

    /** Makes what was reported so far visible (after a batch). */
    default void flush() {
    }

    /** The JVM is exiting: everything was reported. */
    default void close() {
    }
}
