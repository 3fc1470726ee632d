package io.loopguard.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Adds the Loopguard agent's meters ({@code loopguard.*}) to a Micrometer registry the application
 * builds itself: {@code new LoopguardMeterBinder().bindTo(registry)}. Registries in
 * {@code Metrics.globalRegistry} get them without it. Does nothing when the agent is not running.
 */
public final class LoopguardMeterBinder implements MeterBinder {
    /** The agent's entry point, found by name: the agent's classes are on the system class path. */
    private static final String AGENT_ENTRY = "io.loopguard.agent.metrics.MeterBinderEntry";

    @Override
    public void bindTo(MeterRegistry registry) {
        Method bind;
        try {
            bind = Class.forName(AGENT_ENTRY, true, ClassLoader.getSystemClassLoader()).getMethod("bind", Object.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return; // no Loopguard agent in this JVM: there are no meters to add
        }
        try {
            bind.invoke(null, registry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach the Loopguard agent's meters", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the Loopguard agent could not add its meters to " + registry, e.getCause());
        }
    }
}
