package io.loopguard.agent.watchdog;

/**
 * What the watchdog measured on one event loop since it started.
 *
 * @param thread            the loop's thread name
 * @param delaySamples      how many delay probes ran on it
 * @param delayP50Nanos     median lateness of a tiny task put on the loop
 * @param delayP99Nanos     99th percentile of that lateness
 * @param delayMaxNanos     the worst lateness: the longest a task waited for the loop
 * @param utilization       share of time in tasks over the last second, 0 to 1
 * @param totalUtilization  share of time in tasks since the loop started, 0 to 1
 * @param stalls            tasks that ran longer than {@code stall-threshold}
 * @param stallNanos        their total duration
 * @param running           whether the loop is still running
 */
public record LoopStats(String thread, long delaySamples, long delayP50Nanos, long delayP99Nanos, long delayMaxNanos,
                        double utilization, double totalUtilization, long stalls, long stallNanos, boolean running) {
}
