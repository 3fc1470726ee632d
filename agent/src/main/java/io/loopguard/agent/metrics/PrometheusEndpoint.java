package io.loopguard.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loopguard.agent.threads.AgentThread;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Serves Loopguard's meters in the Prometheus text format at {@code http://host:port/metrics}, from
 * Micrometer's Prometheus registry (relocated inside the agent jar).
 */
final class PrometheusEndpoint {
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusEndpoint() {
    }

    /**
     * Starts serving; call it on an agent thread (the server's own thread inherits its daemon status,
     * so it never keeps the JVM alive). Returns the registry to bind the meters to.
     *
     * @throws IOException if the address cannot be listened on (port in use, unknown host, ...)
     */
    static PrometheusMeterRegistry start(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("unknown host " + host);
        }
        HttpServer server = HttpServer.create(address, 0);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server.createContext("/metrics", exchange -> respond(exchange, registry));
        server.setExecutor(Executors.newSingleThreadExecutor(task -> new AgentThread("loopguard-metrics-http", task)));
        server.start();
        return registry;
    }

    private static void respond(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
