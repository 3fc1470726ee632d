package io.loopguard.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loopguard.agent.common.AgentThread;
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

    private final HttpServer server;

    private PrometheusEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Takes the address right away, so that a port in use is reported at start-up; serves nothing yet.
     *
     * @throws IOException if the address cannot be listened on (port in use, unknown host, ...)
     */
    static PrometheusEndpoint listen(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("unknown host " + host);
        }
        return new PrometheusEndpoint(HttpServer.create(address, 0));
    }

    /**
     * Starts serving; call it on an agent thread, off the start-up path (creating the registry loads
     * Micrometer), and so that the server's own thread inherits its daemon status and never keeps the
     * JVM alive. Returns the registry to bind the meters to.
     */
    PrometheusMeterRegistry serve() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server.createContext("/metrics", exchange -> respond(exchange, registry));
        server.setExecutor(Executors.newSingleThreadExecutor(task -> new AgentThread("loopguard-metrics-http", task)));
        server.start();
        return registry;
    }

    private static void respond(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Closes the port at once; a scrape in progress is cut off. */
    void stop() {
        server.stop(0);
    }
}
