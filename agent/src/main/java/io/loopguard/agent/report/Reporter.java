package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;

/** Delivers detections somewhere. Called only from the reporting thread, one call at a time. */
public interface Reporter {

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
