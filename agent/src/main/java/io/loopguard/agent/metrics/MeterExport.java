package io.loopguard.agent.metrics;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.common.ClassOrigin;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Makes the meters visible: in the application's own {@code Metrics.globalRegistry} as soon as the
 * application loads Micrometer, in any registry passed to {@link #bind}, and on the Prometheus endpoint
 * if {@code metrics-port} is set. Its own thread does the slow part (loading Micrometer),
 * off the application's start-up path, and every half second registers series that appeared since.
 */
public final class MeterExport {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static volatile MeterExport running;
    /** The application's registries given before the export started; guarded by {@code MeterExport.class}. */
    private static final List<Object> PENDING = new ArrayList<>();

    private final MeterStore store;
    private final PrometheusEndpoint endpoint;
    private final Consumer<String> problems;
    private final Queue<MicrometerWatcher.Sighting> sightings = new ConcurrentLinkedQueue<>();
    private final List<RegistryBinding> bindings = new CopyOnWriteArrayList<>();
    private MicrometerWatcher watcher;
    private Thread thread;
    private volatile boolean stopping;

    private MeterExport(MeterStore store, PrometheusEndpoint endpoint, Consumer<String> problems) {
        this.store = store;
        this.endpoint = endpoint;
        this.problems = problems;
    }

    /**
     * Starts exporting; {@code port} 0 means no Prometheus endpoint. Attached late, the application may
     * have loaded Micrometer already: the loaded classes are searched for it once, on the export thread.
     *
     * @return what the start-up line says about the endpoint (the port it holds), or {@code null} for none
     */
    public static String start(MeterStore store, int port, String host, Instrumentation instrumentation,
                               Consumer<String> problems) {
        PrometheusEndpoint endpoint = null;
        String serving = null;
        if (port > 0) {
            try {
                endpoint = PrometheusEndpoint.listen(host, port);
                serving = "metrics=" + endpoint.url() + " (port " + port + " is the agent's, not the application's)";
            } catch (IOException | RuntimeException e) {
                problems.accept("option metrics-port: cannot serve Prometheus metrics on " + host + ':' + port
                        + " (" + reason(e) + "); the application runs on without the endpoint");
            }
        }
        MeterExport export = new MeterExport(store, endpoint, problems);
        export.watcher = new MicrometerWatcher(export.sightings::add);
        instrumentation.addTransformer(export.watcher, false);
        synchronized (MeterExport.class) {
            running = export;
            for (Object registry : PENDING) {
                try {
                    export.bind(registry);
                } catch (RuntimeException notBound) {
                    problems.accept("cannot add Loopguard's meters to " + registry + " (" + notBound.getMessage() + ")");
                }
            }
            PENDING.clear();
        }
        export.thread = new AgentThread("loopguard-metrics", () -> {
            // The agent may start while the application runs (attached, or at its first event loop).
            export.findLoadedMicrometer(instrumentation.getAllLoadedClasses());
            export.run();
        });
        export.thread.start();
        return serving;
    }

    /**
     * Stops exporting, at a detach: the endpoint's port closes and the meters stop changing (a registry of
     * the application's keeps the ones it has).
     */
    public static void stop(Instrumentation instrumentation) {
        MeterExport export = running;
        if (export != null) {
            export.stopExporting(instrumentation);
        }
    }

    private void stopExporting(Instrumentation instrumentation) {
        stopping = true;
        instrumentation.removeTransformer(watcher);
        LockSupport.unpark(thread);
        if (endpoint != null) {
            endpoint.stop();
        }
        running = null;
    }

    /**
     * Adds Loopguard's meters to the application's {@code registry} now, or when the export starts: the agent
     * starts its work at the first event loop.
     *
     * @return whether they were added now
     */
    static synchronized boolean bindNowOrAtStart(Object registry) {
        if (running == null) {
            PENDING.add(registry);
            return false;
        }
        running.bind(registry);
        return true;
    }

    /** Registers every meter in {@code registry} now, and every later one within half a second. */
    void bind(Object registry) {
        for (RegistryBinding binding : bindings) {
            if (binding.isFor(registry)) {
                return;
            }
        }
        RegistryBinding binding = RegistryBinding.of(registry);
        bindings.add(binding);
        sync(binding);
    }

    /**
     * Binds a registry the agent made for itself (the OTLP one) like {@link #bind}; the returned action
     * registers the series that appeared since, so that a last push at exit has every one.
     */
    public static Runnable bindOwn(Object registry) {
        MeterExport export = running;
        export.bind(registry);
        return () -> export.bindings.stream().filter(binding -> binding.isFor(registry)).forEach(export::sync);
    }

    private void run() {
        if (endpoint != null) {
            try {
                bind(endpoint.serve());
            } catch (RuntimeException | LinkageError e) {
                problems.accept("cannot serve Prometheus metrics (" + reason(e) + "); the application runs on without them");
            }
        }
        while (!stopping) {
            for (MicrometerWatcher.Sighting sighting = sightings.poll(); sighting != null; sighting = sightings.poll()) {
                bindGlobalRegistry(sighting);
            }
            store.keepHouse();
            bindings.forEach(this::sync);
            LockSupport.parkNanos(this, TICK_NANOS);
        }
    }

    private void findLoadedMicrometer(Class<?>[] loaded) {
        String suffix = MicrometerWatcher.METRICS_CLASS_SUFFIX.replace('/', '.');
        for (Class<?> type : loaded) {
            if (type.getName().endsWith(suffix) && type.getClassLoader() != null
                    && !ClassOrigin.isLoopguard(type.getName())) {
                sightings.add(new MicrometerWatcher.Sighting(type.getClassLoader(), type.getName()));
            }
        }
    }

    private void bindGlobalRegistry(MicrometerWatcher.Sighting sighting) {
        try {
            Class<?> metrics = Class.forName(sighting.className(), true, sighting.loader());
            bind(metrics.getField("globalRegistry").get(null));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            problems.accept("cannot add Loopguard's meters to the application's Micrometer ("
                    + sighting.className() + ": " + reason(e) + "); they are still served on metrics-port, if set");
        }
    }

    private void sync(RegistryBinding binding) {
        try {
            binding.removeRetired();
            for (MeterSeries series : store.all()) {
                binding.register(series);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            bindings.remove(binding);
            problems.accept("cannot register Loopguard's meters in a Micrometer registry (" + reason(e)
                    + "); that registry gets none");
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getName();
    }
}
