package io.loopguard.agent.detect;

/** Counts blocking calls as they are reported or dropped; must not block: it may run on the thread that called. */
@FunctionalInterface
public interface BlockingCallCounter {
    /** @param baseline whether the call site is a known finding of the baseline */
    void count(String operation, String thread, boolean baseline);
}
