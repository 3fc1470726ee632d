package io.loopguard.agent.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A stand-in OpenTelemetry collector: an HTTP server that takes OTLP/HTTP protobuf requests on
 * {@code /v1/metrics} and {@code /v1/logs} and decodes them with the official OTLP classes.
 */
final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
    private final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int logsStatus = 200;
    private volatile boolean hanging;
    private volatile boolean broken;
    private final AtomicInteger brokenConnections = new AtomicInteger();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/v1/metrics", exchange -> take(exchange, body -> metrics.add(
                ExportMetricsServiceRequest.parseFrom(body)), 200));
        server.createContext("/v1/logs", exchange -> take(exchange, body -> logs.add(
                ExportLogsServiceRequest.parseFrom(body)), logsStatus));
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "otlp-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Listens on {@code port} of the loopback address ({@code 0}: any free port). */
    static OtlpReceiver listen(int port) throws IOException {
        return new OtlpReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
    }

    int port() {
        return server.getAddress().getPort();
    }

    String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Refuses log requests with this status from now on; meters are still taken. */
    void answerLogsWith(int status) {
        logsStatus = status;
    }

    /** Never answers from now on, like a collector that hangs, until closed. */
    void hang() {
        hanging = true;
    }

    /** Is down from now on: takes each connection and closes it without an answer, like a collector restarting. */
    void breakDown() {
        broken = true;
    }

    /** Takes requests again. */
    void comeBack() {
        broken = false;
    }

    /** How many requests came while it was down. */
    int brokenConnections() {
        return brokenConnections.get();
    }

    List<ExportMetricsServiceRequest> metrics() {
        return metrics;
    }

    /** Every log record received, in order. */
    List<LogRecord> logRecords() {
        return logs.stream().flatMap(request -> request.getResourceLogsList().stream())
                .flatMap(resource -> resource.getScopeLogsList().stream())
                .flatMap(scope -> scope.getLogRecordsList().stream()).toList();
    }

    /** The resources of every request received, metrics and logs. */
    List<Resource> resources() {
        return java.util.stream.Stream.concat(
                metrics.stream().flatMap(request -> request.getResourceMetricsList().stream().map(r -> r.getResource())),
                logs.stream().flatMap(request -> request.getResourceLogsList().stream().map(r -> r.getResource())))
                .toList();
    }

    List<String> authorizations() {
        return authorizations;
    }

    /** The value of a counter in the latest metrics request, for the data point with these attributes. */
    Optional<Double> counter(String name, Map<String, String> attributes) {
        if (metrics.isEmpty()) {
            return Optional.empty();
        }
        return metrics.get(metrics.size() - 1).getResourceMetricsList().stream()
                .flatMap(resource -> resource.getScopeMetricsList().stream())
                .flatMap(scope -> scope.getMetricsList().stream())
                .filter(metric -> metric.getName().equals(name) && metric.hasSum())
                .flatMap(metric -> metric.getSum().getDataPointsList().stream())
                .filter(point -> attributes(point.getAttributesList()).equals(attributes))
                .map(NumberDataPoint::getAsDouble).findFirst();
    }

    /** The metrics of the latest request, by name. */
    Map<String, Metric> latestMetrics() {
        return metrics.get(metrics.size() - 1).getResourceMetricsList().stream()
                .flatMap(resource -> resource.getScopeMetricsList().stream())
                .flatMap(scope -> scope.getMetricsList().stream())
                .collect(Collectors.toMap(Metric::getName, metric -> metric, (a, b) -> a));
    }

    static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> {
            var value = attribute.getValue();
            return value.hasIntValue() ? Long.toString(value.getIntValue())
                    : value.hasBoolValue() ? Boolean.toString(value.getBoolValue()) : value.getStringValue();
        }));
    }

    /** Waits until {@code condition} holds, polling; fails after {@code seconds}. */
    static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }

    private interface Body {
        void take(byte[] body) throws IOException;
    }

    private void take(HttpExchange exchange, Body decode, int status) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (broken) {
                brokenConnections.incrementAndGet();
                return; // closing the exchange unanswered closes the connection
            }
            if (hanging) {
                released.await();
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            if (status == 200) {
                decode.take(body);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
