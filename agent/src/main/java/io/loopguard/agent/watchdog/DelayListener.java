package io.loopguard.agent.watchdog;

/** Told each time the watchdog measures how late an event loop ran a task. */
@FunctionalInterface
public interface DelayListener {

    /**
     * @param thread     the loop's thread name
     * @param delayNanos how long a task waited for the loop
     */
    void delayed(String thread, long delayNanos);
}
