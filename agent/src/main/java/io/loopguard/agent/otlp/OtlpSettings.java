package io.loopguard.agent.otlp;

import io.loopguard.agent.config.Options;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where and how to export over OTLP/HTTP, from the {@code otlp-endpoint} option and the environment variables
 * the OpenTelemetry SDKs read ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_HEADERS},
 * {@code OTEL_SERVICE_NAME}, {@code OTEL_RESOURCE_ATTRIBUTES}, their signal-specific forms, and the matching
 * {@code -Dotel.*} system properties).
 *
 * @param metricsUrl the full URL meters are posted to, or {@code null} to export none
 * @param logsUrl    the full URL findings are posted to, or {@code null} to export none
 * @param resource   resource attributes given by the user; {@link ServiceResource} completes them
 */
public record OtlpSettings(String metricsUrl, Map<String, String> metricsHeaders, String logsUrl,
                           Map<String, String> logsHeaders, Duration step, Map<String, String> resource) {

    /**
     * Returns {@code null} if nothing is to be exported: neither {@code otlp-endpoint} nor an
     * {@code OTEL_EXPORTER_OTLP_*ENDPOINT} is set, or {@code otlp-endpoint=off}.
     *
     * @param config reads one setting by its environment variable name: the {@code otel.*} system property
     *               of that name first, then the variable
     */
    public static OtlpSettings resolve(Options options, UnaryOperator<String> config, Consumer<String> problems) {
        if (Options.OFF.equals(options.otlpEndpoint())) {
            return null;
        }
        String protocol = config.apply("OTEL_EXPORTER_OTLP_PROTOCOL");
        if (options.otlpEndpoint() == null && protocol != null && protocol.trim().equalsIgnoreCase("grpc")
                && config.apply("OTEL_EXPORTER_OTLP_ENDPOINT") != null) {
            problems.accept("OTEL_EXPORTER_OTLP_PROTOCOL is grpc, and Loopguard speaks OTLP over HTTP only; set"
                    + " otlp-endpoint to the collector's OTLP/HTTP address (port 4318 by default); nothing is"
                    + " exported over OTLP");
            return null;
        }
        String metricsUrl = signalUrl(options, config, "METRICS");
        String logsUrl = signalUrl(options, config, "LOGS");
        if (metricsUrl == null && logsUrl == null) {
            return null;
        }
        Map<String, String> headers = pairs(config, "OTEL_EXPORTER_OTLP_HEADERS", problems);
        Map<String, String> resource = pairs(config, "OTEL_RESOURCE_ATTRIBUTES", problems);
        String serviceName = config.apply("OTEL_SERVICE_NAME");
        if (serviceName != null && !serviceName.isBlank()) {
            resource.put(ServiceResource.SERVICE_NAME, serviceName.trim());
        }
        return new OtlpSettings(metricsUrl, withSignal(headers, config, "METRICS", problems), logsUrl,
                withSignal(headers, config, "LOGS", problems), options.otlpStep(), Map.copyOf(resource));
    }

    /** The {@code otel.*} system property, then the environment variable, named after the variable. */
    public static String fromSystem(String variable) {
        String property = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
        return property != null ? property : System.getenv(variable);
    }

    /**
     * The option and the generic variable name a base address, to which the signal's path is added; a
     * signal-specific variable is the whole URL, as the OTLP exporter specification says.
     */
    private static String signalUrl(Options options, UnaryOperator<String> config, String signal) {
        if (options.otlpEndpoint() != null) {
            return withPath(options.otlpEndpoint(), signal);
        }
        if ("none".equalsIgnoreCase(config.apply("OTEL_" + signal + "_EXPORTER"))) {
            return null; // the operator turned this signal off for every OpenTelemetry exporter of the JVM
        }
        String specific = blankToNull(config.apply("OTEL_EXPORTER_OTLP_" + signal + "_ENDPOINT"));
        if (specific != null) {
            return specific;
        }
        String base = blankToNull(config.apply("OTEL_EXPORTER_OTLP_ENDPOINT"));
        return base == null ? null : withPath(base, signal);
    }

    private static String withPath(String base, String signal) {
        String trimmed = base.trim();
        return (trimmed.endsWith("/") ? trimmed : trimmed + '/') + "v1/" + signal.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> withSignal(Map<String, String> headers, UnaryOperator<String> config,
                                                  String signal, Consumer<String> problems) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(pairs(config, "OTEL_EXPORTER_OTLP_" + signal + "_HEADERS", problems));
        return Map.copyOf(all);
    }

    /** Reads {@code key1=value1,key2=value2} with URL-encoded values, as OpenTelemetry writes them. */
    private static Map<String, String> pairs(UnaryOperator<String> config, String variable, Consumer<String> problems) {
        Map<String, String> pairs = new LinkedHashMap<>();
        String text = blankToNull(config.apply(variable));
        if (text == null) {
            return pairs;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (key.isEmpty()) {
                problems.accept(variable + ": '" + pair.trim() + "' is not key=value; it is ignored");
                continue;
            }
            try {
                pairs.put(key, URLDecoder.decode(pair.substring(equals + 1).trim(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                problems.accept(variable + ": the value of '" + key + "' is not URL-encoded (" + e.getMessage()
                        + "); it is ignored");
            }
        }
        return pairs;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
