package io.loopguard.agent.otlp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The OpenTelemetry resource of this JVM, the same on its meters and its log records so a backend joins them:
 * {@code service.name}, {@code service.instance.id}, {@code host.name} and {@code process.pid}, unless the user
 * gave them.
 */
final class ServiceResource {
    static final String SERVICE_NAME = "service.name";
    static final String INSTANCE_ID = "service.instance.id";
    static final String HOST_NAME = "host.name";
    static final String PROCESS_PID = "process.pid";

    private ServiceResource() {
    }

    /** Looks the host name up: call it on an agent thread, it may wait for DNS. */
    static Map<String, String> complete(Map<String, String> given) {
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put(SERVICE_NAME, defaultServiceName(System.getProperty("sun.java.command")));
        resource.put(INSTANCE_ID, UUID.randomUUID().toString());
        resource.put(HOST_NAME, hostName());
        resource.put(PROCESS_PID, Long.toString(ProcessHandle.current().pid()));
        resource.putAll(given);
        return Map.copyOf(resource);
    }

    /**
     * Without {@code OTEL_SERVICE_NAME}, the name of the jar or main class the JVM runs ({@code orders} for
     * {@code java -jar /app/orders.jar}): a fleet's services stay apart even before anyone names them.
     */
    static String defaultServiceName(String command) {
        String main = command == null || command.isBlank() ? "" : command.trim().split("\\s+")[0];
        if (main.endsWith(".jar")) {
            String file = Path.of(main).getFileName().toString();
            return file.substring(0, file.length() - ".jar".length());
        }
        if (!main.isEmpty()) {
            return main.substring(main.lastIndexOf('.') + 1);
        }
        return "unknown_service:java";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            String variable = System.getenv("HOSTNAME");
            return variable != null && !variable.isBlank() ? variable : "unknown";
        }
    }
}
