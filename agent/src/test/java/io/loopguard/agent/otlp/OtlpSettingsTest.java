package io.loopguard.agent.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loopguard.agent.config.Options;
import io.loopguard.agent.config.OptionsParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Where OTLP export goes: the option, the OpenTelemetry environment variables, and which wins. */
class OtlpSettingsTest {
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();

    @Test
    void nothingIsExportedWithoutAnEndpoint() {
        environment.put("OTEL_SERVICE_NAME", "orders");
        assertNull(resolve(""));
    }

    @Test
    void theOptionIsTheBaseAddressOfBothSignals() {
        OtlpSettings settings = resolve("otlp-endpoint=http://collector:4318/,otlp-step=10s");
        assertEquals("http://collector:4318/v1/metrics", settings.metricsUrl());
        assertEquals("http://collector:4318/v1/logs", settings.logsUrl());
        assertEquals(Duration.ofSeconds(10), settings.step());
    }

    @Test
    void theGenericVariableIsABaseAndTheSignalSpecificOnesAreWholeUrls() {
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/otlp");
        environment.put("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:4318/ingest");
        OtlpSettings settings = resolve("");
        assertEquals("http://collector:4318/otlp/v1/metrics", settings.metricsUrl());
        assertEquals("http://logs:4318/ingest", settings.logsUrl());
        assertEquals(Duration.ofSeconds(60), settings.step());
    }

    @Test
    void theOptionWinsOverTheVariablesAndOffTurnsEverythingOff() {
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        assertEquals("http://mine:4318/v1/metrics", resolve("otlp-endpoint=http://mine:4318").metricsUrl());
        assertNull(resolve("otlp-endpoint=off"));
    }

    @Test
    void aGrpcEndpointFromTheEnvironmentIsOneLineAndNotTried() {
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317");
        environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
        assertNull(resolve(""));
        assertEquals(List.of("OTEL_EXPORTER_OTLP_PROTOCOL is grpc, and Loopguard speaks OTLP over HTTP only; set"
                + " otlp-endpoint to the collector's OTLP/HTTP address (port 4318 by default); nothing is exported"
                + " over OTLP"), problems);
        assertEquals("http://mine:4318/v1/logs", resolve("otlp-endpoint=http://mine:4318").logsUrl());
    }

    @Test
    void aSignalSetToNoneIsNotExported() {
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        environment.put("OTEL_LOGS_EXPORTER", "none");
        OtlpSettings settings = resolve("");
        assertNull(settings.logsUrl());
        assertEquals("http://collector:4318/v1/metrics", settings.metricsUrl());
    }

    @Test
    void headersAndResourceAttributesAreUrlDecodedAndTheServiceNameVariableWins() {
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        environment.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20abc,x-team=core");
        environment.put("OTEL_EXPORTER_OTLP_LOGS_HEADERS", "x-team=logs");
        environment.put("OTEL_RESOURCE_ATTRIBUTES", "service.name=ignored,deployment.environment.name=prod%2Deu");
        environment.put("OTEL_SERVICE_NAME", "orders");
        OtlpSettings settings = resolve("");
        assertEquals(Map.of("Authorization", "Bearer abc", "x-team", "core"), settings.metricsHeaders());
        assertEquals(Map.of("Authorization", "Bearer abc", "x-team", "logs"), settings.logsHeaders());
        assertEquals(Map.of("service.name", "orders", "deployment.environment.name", "prod-eu"), settings.resource());
        assertEquals(List.of(), problems);
    }

    @Test
    void aPairWithoutKeyIsOneLineAndIgnored() {
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        environment.put("OTEL_RESOURCE_ATTRIBUTES", "team=core,oops");
        assertEquals(Map.of("team", "core"), resolve("").resource());
        assertEquals(List.of("OTEL_RESOURCE_ATTRIBUTES: 'oops' is not key=value; it is ignored"), problems);
    }

    private OtlpSettings resolve(String agentArgument) {
        Options options = new OptionsParser(problems::add).parse(agentArgument, new Properties(), Map.of());
        return OtlpSettings.resolve(options, environment::get, problems::add);
    }
}
