package io.loopguard.agent.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resource every OTLP request carries. */
class ServiceResourceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "/app/orders.jar --port 8080    | orders",
        "orders.jar                     | orders",
        "com.acme.orders.Main arg       | Main",
        "Main                           | Main",
        "''                             | unknown_service:java",
        "null                           | unknown_service:java",
    })
    void withoutAServiceNameTheJarOrMainClassNamesTheService(String command, String name) {
        assertEquals(name, ServiceResource.defaultServiceName(command));
    }

    @Test
    void givenAttributesWinAndTheRestIsFilledIn() {
        Map<String, String> resource = ServiceResource.complete(Map.of("service.name", "orders", "host.name", "h1"));
        assertEquals("orders", resource.get("service.name"));
        assertEquals("h1", resource.get("host.name"));
        assertEquals(Long.toString(ProcessHandle.current().pid()), resource.get("process.pid"));
        assertFalse(resource.get("service.instance.id").isBlank());
    }
}
