package io.loopguard.benchmarks.service;

import io.loopguard.benchmarks.harness.Agent;
import java.util.List;

/**
 * What a measured service runs with: no agent, Loopguard with some options, or BlockHound.
 *
 * @param scrapeMetrics whether the benchmark fetches Loopguard's Prometheus endpoint every second meanwhile
 */
record ServiceVariant(String label, Agent agent, String loopguardOptions, boolean scrapeMetrics) {

    /**
     * The baseline first; a second JVM just like it, whose ratios to the first are the noise floor (two identical
     * servers differ by their JIT's choices and by how the machine schedules them); then Loopguard's defaults, the
     * watchdog's stall reports off, metrics scraped, BlockHound.
     */
    static List<ServiceVariant> all(String allowOption) {
        return List.of(new ServiceVariant("no agent", Agent.NONE, "", false),
                new ServiceVariant("no agent, a second JVM", Agent.NONE, "", false),
                new ServiceVariant("Loopguard", Agent.LOOPGUARD, allowOption, false),
                new ServiceVariant("Loopguard, stall-threshold=off", Agent.LOOPGUARD, allowOption + ",stall-threshold=off", false),
                new ServiceVariant("Loopguard, metrics scraped 1/s", Agent.LOOPGUARD, allowOption + ",metrics-port=", true),
                new ServiceVariant("BlockHound", Agent.BLOCKHOUND, "", false));
    }
}
