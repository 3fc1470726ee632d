package io.loopguard.agent.config;

import java.util.Locale;

/** Where an option's value can come from, highest precedence first (the OpenTelemetry agent's order). */
enum OptionSource {
    SYSTEM_PROPERTY,
    ENVIRONMENT,
    AGENT_ARGUMENT,
    CONFIG_FILE;

    static final String PROPERTY_PREFIX = "loopguard.";
    static final String ENVIRONMENT_PREFIX = "LOOPGUARD_";

    /** {@code metrics-port} → {@code LOOPGUARD_METRICS_PORT}. */
    static String environmentVariable(String key) {
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code LOOPGUARD_METRICS_PORT} → {@code metrics-port}. */
    static String keyOfEnvironmentVariable(String name) {
        return name.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
