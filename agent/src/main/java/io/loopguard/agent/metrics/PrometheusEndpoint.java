package io.loopguard.agent.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Serves Loopguard's meters in the Prometheus text format at {@code http://host:port/metrics}, from
 * Micrometer's Prometheus registry (relocated inside the agent jar).
 */
final class PrometheusEndpoint {
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final ScrapeServer server;

    private PrometheusEndpoint(ScrapeServer server) {
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
        return new PrometheusEndpoint(ScrapeServer.listen(address));
    }

    /** Where scrapes are answered, for the start-up line: the user must know which port the agent holds. */
    String url() throws IOException {
        InetSocketAddress address = server.address();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.indexOf(':') >= 0 ? '[' + host + ']' : host) + ':' + address.getPort() + "/metrics";
    }

    /**
     * Starts serving; call it on an agent thread, off the start-up path (creating the registry loads
     * Micrometer). Returns the registry to bind the meters to.
     */
    PrometheusMeterRegistry serve() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server.serve(TEXT_FORMAT, registry::scrape);
        return registry;
    }

    /** Closes the port, at a detach; a scrape in progress is cut off. */
    void stop() {
        server.stop();
    }
}
