package io.loopguard.agent.watchdog;

import java.util.List;

/** The event loops Loopguard watches, for a metrics binder or a health check: how late, how busy, how often stuck. */
public interface LoopMonitor {

    /** One snapshot per event loop that is running or has run, in the order they started. */
    List<LoopStats> loops();

    /** Adds a listener told about every stall when it ends; it runs on the watchdog thread and must return quickly. */
    void addStallListener(StallListener listener);

    /** Adds a listener told each time a loop's delay is measured; it runs on the watchdog thread and must return quickly. */
    void addDelayListener(DelayListener listener);
}
