package io.loopguard.agent.metrics;

/**
 * What the {@code loopguard-micrometer} binder calls (by reflection, so it works with any Micrometer
 * version) to add Loopguard's meters to a registry the application built itself.
 */
public final class MeterBinderEntry {

    private MeterBinderEntry() {
    }

    /**
     * Adds the meters to {@code meterRegistry}, a Micrometer {@code MeterRegistry}; returns {@code false}
     * if the agent exports no meters in this JVM (it is off, or failed to start).
     *
     * @throws IllegalArgumentException if {@code meterRegistry} is not a Micrometer registry
     */
    public static boolean bind(Object meterRegistry) {
        MeterExport export = MeterExport.running();
        if (export == null) {
            return false;
        }
        export.bind(meterRegistry);
        return true;
    }
}
