package io.loopguard.agent.metrics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Registers Loopguard's meters in one Micrometer {@code MeterRegistry} of any 1.x version, in any class
 * loader: the application's own (unrelocated) Micrometer as well as the copy relocated inside the agent.
 * It talks to Micrometer only through its public builders and JDK types, by reflection, so the agent
 * never links against the application's Micrometer classes.
 */
final class RegistryBinding {
    private final Object registry;
    private final Class<?> registryType;
    private final String api;
    /** Each series registered, and the registry's meter for it. */
    private final Map<MeterSeries, Object> registered = new IdentityHashMap<>();

    private RegistryBinding(Object registry, Class<?> registryType) {
        this.registry = registry;
        this.registryType = registryType;
        this.api = registryType.getPackageName();
    }

    /** @throws IllegalArgumentException if {@code registry} is not a Micrometer {@code MeterRegistry} */
    static RegistryBinding of(Object registry) {
        for (Class<?> type = registry.getClass(); type != null; type = type.getSuperclass()) {
            // Matched by shape, not by a class-name literal: the agent's build relocates such literals.
            if (type.getSimpleName().equals("MeterRegistry") && type.getPackageName().endsWith("micrometer.core.instrument")) {
                return new RegistryBinding(registry, type);
            }
        }
        throw new IllegalArgumentException(registry.getClass().getName() + " is not a Micrometer MeterRegistry");
    }

    boolean isFor(Object other) {
        return registry == other;
    }

    /** Registers the series unless it already is, or was retired. */
    synchronized void register(MeterSeries series) throws ReflectiveOperationException {
        if (registered.containsKey(series) || series.isRetired()) {
            return;
        }
        MeterSpec spec = series.spec();
        Object meter = switch (spec.kind()) {
            case COUNTER -> register(builder("FunctionCounter", spec.name(), series,
                    (ToDoubleFunction<MeterSeries>) MeterSeries::count), series);
            case GAUGE -> register(builder("Gauge", spec.name(), series,
                    (ToDoubleFunction<MeterSeries>) MeterSeries::gaugeValue), series);
            case TIMER -> {
                Object builder = type("Timer").getMethod("builder", String.class).invoke(null, spec.name());
                if (spec.percentiles().length > 0) {
                    call(builder, "publishPercentiles", double[].class, spec.percentiles());
                    builder.getClass().getMethod("publishPercentileHistogram").invoke(builder);
                }
                Object timer = register(builder, series);
                Method record = type("Timer").getMethod("record", long.class, TimeUnit.class);
                series.addTimer(nanos -> invokeQuietly(record, timer, nanos));
                yield timer;
            }
        };
        registered.put(series, meter);
    }

    /** Removes from the registry every series the store retired since the last call. */
    synchronized void removeRetired() throws ReflectiveOperationException {
        for (Iterator<Map.Entry<MeterSeries, Object>> entries = registered.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<MeterSeries, Object> entry = entries.next();
            if (entry.getKey().isRetired()) {
                registryType.getMethod("remove", type("Meter")).invoke(registry, entry.getValue());
                entries.remove();
            }
        }
    }

    private Object builder(String meterType, String name, MeterSeries series, ToDoubleFunction<MeterSeries> value)
            throws ReflectiveOperationException {
        return type(meterType).getMethod("builder", String.class, Object.class, ToDoubleFunction.class)
                .invoke(null, name, series, value);
    }

    /** Describes, tags and registers a builder's meter; returns the meter. */
    private Object register(Object builder, MeterSeries series) throws ReflectiveOperationException {
        MeterSpec spec = series.spec();
        call(builder, "tags", String[].class, series.tags());
        call(builder, "description", String.class, spec.description());
        if (spec.baseUnit() != null && spec.kind() != MeterSpec.Kind.TIMER) {
            call(builder, "baseUnit", String.class, spec.baseUnit());
        }
        return builder.getClass().getMethod("register", registryType).invoke(builder, registry);
    }

    private static void call(Object builder, String method, Class<?> parameter, Object argument)
            throws ReflectiveOperationException {
        builder.getClass().getMethod(method, parameter).invoke(builder, argument);
    }

    private Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(api + '.' + simpleName, false, registryType.getClassLoader());
    }

    private static void invokeQuietly(Method record, Object timer, long nanos) {
        try {
            record.invoke(timer, nanos, TimeUnit.NANOSECONDS);
        } catch (IllegalAccessException | InvocationTargetException e) {
            // A registry that fails to record loses this one duration; the others still get it.
        }
    }
}
