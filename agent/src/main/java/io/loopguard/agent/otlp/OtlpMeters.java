package io.loopguard.agent.otlp;

import io.loopguard.agent.metrics.MeterExport;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.AggregationTemporality;
import io.micrometer.registry.otlp.HistogramFlavor;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loopguard's meters as OTLP metrics requests, from Micrometer's OTLP registry (relocated in the agent jar).
 * The registry does not push by itself: {@link OtlpExport}'s thread asks it for a request each step and
 * sends it, so that every OTLP request goes out one way, with the same retries and limits. Temporality is
 * cumulative, so the newest request carries every count, and one that could not be sent is simply replaced.
 */
final class OtlpMeters {
    private final OtlpMeterRegistry registry;
    private final Method publish;
    private final Runnable registerNewSeries;
    private final ByteArrayOutputStream requests = new ByteArrayOutputStream();

    private OtlpMeters(OtlpSettings settings, Map<String, String> resource) throws ReflectiveOperationException {
        this.registry = OtlpMeterRegistry.builder(new Config(settings, resource)).clock(Clock.SYSTEM)
                .metricsSender(request -> requests.writeBytes(request.getMetricsData())).build();
        // publish() is protected: the registry's own scheduler, which would call it, is off (see Config.enabled).
        this.publish = OtlpMeterRegistry.class.getDeclaredMethod("publish");
        publish.setAccessible(true);
        this.registerNewSeries = MeterExport.bindOwn(registry);
    }

    /** Loads Micrometer's OTLP registry and binds every Loopguard meter to it. */
    static OtlpMeters create(OtlpSettings settings, Map<String, String> resource) throws ReflectiveOperationException {
        return new OtlpMeters(settings, resource);
    }

    /** One request with every meter's current value. */
    byte[] request() throws ReflectiveOperationException {
        registerNewSeries.run();
        requests.reset();
        publish.invoke(registry);
        // Micrometer sends one request per batch of meters; protobuf messages of one type concatenated are one
        // message with the repeated fields of both, so the batches go as one request.
        return requests.toByteArray();
    }

    /** What Loopguard sets; everything else is Micrometer's default, never read from the application's config. */
    private record Config(OtlpSettings settings, Map<String, String> resource) implements OtlpConfig {
        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public boolean enabled() {
            // Not the registry's own scheduler: it would start a thread of its own and log through the
            // application's logging that it did. OtlpExport pushes instead.
            return false;
        }

        @Override
        public String url() {
            return settings.metricsUrl();
        }

        @Override
        public Duration step() {
            return settings.step();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of(); // OtlpExport sends the headers the user set
        }

        @Override
        public Map<String, String> resourceAttributes() {
            return resource;
        }

        @Override
        public AggregationTemporality aggregationTemporality() {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public HistogramFlavor histogramFlavor() {
            return HistogramFlavor.EXPLICIT_BUCKET_HISTOGRAM;
        }

        @Override
        public TimeUnit baseTimeUnit() {
            // Seconds, as on the Prometheus endpoint, so the collector's Prometheus names match it (_seconds).
            return TimeUnit.SECONDS;
        }
    }
}
