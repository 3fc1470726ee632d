package io.loopguard.agent.metrics;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.function.Consumer;

/**
 * Notices when the application loads its own Micrometer (the class holding {@code Metrics.globalRegistry}),
 * which may happen long after the agent started. It changes no class; it only passes the class loader on.
 */
final class MicrometerWatcher implements ClassFileTransformer {
    /** Ends the internal name of Micrometer's {@code Metrics}; a suffix, since the build relocates full names. */
    static final String METRICS_CLASS_SUFFIX = "/micrometer/core/instrument/Metrics";

    private final Consumer<Sighting> sightings;

    /** The application's {@code Metrics} class, by name, and the loader that is defining it. */
    record Sighting(ClassLoader loader, String className) {
    }

    MicrometerWatcher(Consumer<Sighting> sightings) {
        this.sightings = sightings;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        // Not the agent's own copy. Checked by hand, not with ClassOrigin: a class that transform() loads
        // would be handed to transform() while it loads.
        if (loader != null && classBeingRedefined == null && className != null
                && className.endsWith(METRICS_CLASS_SUFFIX) && !className.startsWith("io/loopguard/")) {
            sightings.accept(new Sighting(loader, className.replace('/', '.')));
        }
        return null;
    }
}
