package io.loopguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code otlp-endpoint} and {@code otlp-step}: good values are taken, bad ones are one line each and change nothing. */
class OtlpOptionsTest {
    private final List<String> problems = new ArrayList<>();

    @Test
    void anEndpointAndAStepAreTaken() {
        Options options = parse("otlp-endpoint=https://collector.example:4318,otlp-step=30s");
        assertEquals("https://collector.example:4318", options.otlpEndpoint());
        assertEquals(Duration.ofSeconds(30), options.otlpStep());
        assertEquals("off", parse("otlp-endpoint=OFF").otlpEndpoint());
        assertEquals(Duration.ofMinutes(2), parse("otlp-step=2m").otlpStep());
        assertEquals(List.of(), problems);
    }

    @Test
    void theyRoundTripThroughTheAgentArgument() {
        Options options = parse("otlp-endpoint=http://collector:4318,otlp-step=1500ms");
        assertEquals("otlp-endpoint=http://collector:4318,otlp-step=1500ms", options.toString());
        assertEquals(options, parse(options.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "otlp-endpoint=collector:4318  | option otlp-endpoint: 'collector:4318' is not an OTLP/HTTP address; write it like http://otel-collector:4318, or off; nothing is exported over OTLP",
        "otlp-endpoint=grpc://c:4317   | option otlp-endpoint: 'grpc://c:4317' is not an OTLP/HTTP address; write it like http://otel-collector:4318, or off; nothing is exported over OTLP",
        "otlp-step=500ms               | option otlp-step: '500ms' is not a step of at least 1s; write it like 30s or 1m; the default 60s is kept",
        "otlp-step=often               | option otlp-step: 'often' is not a step of at least 1s; write it like 30s or 1m; the default 60s is kept",
    })
    void aBadValueIsOneLineAndKeepsTheDefault(String argument, String problem) {
        Options options = parse(argument);
        assertEquals(List.of(problem), problems);
        assertEquals(Options.DEFAULTS, options);
    }

    private Options parse(String argument) {
        return new OptionsParser(problems::add).parse(argument, new Properties(), Map.of());
    }
}
