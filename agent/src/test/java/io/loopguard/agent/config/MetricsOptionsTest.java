package io.loopguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code metrics-port} and {@code metrics-host}: good values are taken, bad ones are one line each and change nothing. */
class MetricsOptionsTest {
    private final List<String> problems = new ArrayList<>();

    @Test
    void aPortAndAHostAreTaken() {
        Options options = parse("metrics-port=9404,metrics-host=0.0.0.0");
        assertEquals(9404, options.metricsPort());
        assertEquals("0.0.0.0", options.metricsHost());
        assertEquals(List.of(), problems);
    }

    @Test
    void byDefaultNothingIsServedAndOnlyLoopbackWouldBe() {
        Options options = parse("mode=report");
        assertEquals(0, options.metricsPort());
        assertEquals("127.0.0.1", options.metricsHost());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "metrics-port=0     | option metrics-port: 0 is out of range; use 1-65535, e.g. 9404; Prometheus metrics are not served",
        "metrics-port=65536 | option metrics-port: 65536 is out of range; use 1-65535, e.g. 9404; Prometheus metrics are not served",
        "metrics-port=-1    | option metrics-port: -1 is out of range; use 1-65535, e.g. 9404; Prometheus metrics are not served",
        "metrics-port=ninety | option metrics-port: 'ninety' is not a port number; use 1-65535, e.g. 9404; Prometheus metrics are not served",
        "metrics-host=      | option metrics-host: needs a host name or IP address; metrics stay on 127.0.0.1",
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
