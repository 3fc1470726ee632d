package io.loopguard.agent.metrics;

import java.util.List;

/**
 * One Loopguard meter as a Micrometer registry sees it: name (Micrometer's dot convention), kind, base
 * unit, description and the names of its tags.
 *
 * @param baseUnit    Micrometer's base unit ({@code null} for none; timers always use the registry's)
 * @param percentiles for timers: the percentiles to publish, with a histogram for Prometheus; empty for none
 */
public record MeterSpec(String name, Kind kind, String baseUnit, String description, List<String> tagKeys,
                        double[] percentiles) {

    /** How a registry represents the meter. */
    public enum Kind {
        /** A count that only grows, read from Loopguard's own exact counter. */
        COUNTER,
        /** A value sampled when the registry is read. */
        GAUGE,
        /** Durations; each one recorded is passed on to every registry. */
        TIMER
    }

    static MeterSpec counter(String name, String baseUnit, String description, String... tagKeys) {
        return new MeterSpec(name, Kind.COUNTER, baseUnit, description, List.of(tagKeys), new double[0]);
    }

    static MeterSpec gauge(String name, String baseUnit, String description, String... tagKeys) {
        return new MeterSpec(name, Kind.GAUGE, baseUnit, description, List.of(tagKeys), new double[0]);
    }

    static MeterSpec timer(String name, String description, double[] percentiles, String... tagKeys) {
        return new MeterSpec(name, Kind.TIMER, null, description, List.of(tagKeys), percentiles);
    }
}
