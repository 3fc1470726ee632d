package io.loopguard.agent.metrics;

/**
 * What the {@code loopguard-micrometer} binder calls (by reflection, so it works with any Micrometer
 * version) to add Loopguard's meters to a registry the application built itself.
 */
public final class MeterBinderEntry {

    private MeterBinderEntry() {
    }

    /**
     * Adds the meters to {@code meterRegistry}, a Micrometer {@code MeterRegistry}, now; or when the agent
     * starts its work, at the first event loop, and then returns {@code false} (never, with {@code mode=off}).
     *
     * @throws IllegalArgumentException if {@code meterRegistry} is not a Micrometer registry
     */
    public static boolean bind(Object meterRegistry) {
        return MeterExport.bindNowOrAtStart(meterRegistry);
    }
}
