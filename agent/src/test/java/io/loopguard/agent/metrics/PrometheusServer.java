package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (the {@code prometheus} binary on the PATH; {@code .ci/run} installs it),
 * started with its own configuration and data directory, scraping one target every second.
 */
final class PrometheusServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Prometheus scraping {@code http://127.0.0.1:targetPort/metrics} and waits until it is ready. */
    static PrometheusServer scraping(int targetPort) throws IOException, InterruptedException {
        Path binary = onPath("prometheus");
        Path dir = Files.createTempDirectory("loopguard-prometheus-");
        Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "scrape_configs:",
                "  - job_name: loopguard",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + targetPort + "']",
                ""));
        int port = RunningApplication.freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port, log);
        server.awaitReady();
        return server;
    }

    /** The value of an instant-vector query that yields one sample, or {@code null} while it yields none. */
    String queryOne(String promQl) throws IOException, InterruptedException {
        JsonNode result = query(promQl);
        return result.size() == 1 ? result.get(0).path("value").get(1).asText() : null;
    }

    /** The samples an instant query yields; fails the test if Prometheus rejects the query. */
    JsonNode query(String promQl) throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(get("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8)));
        if (!"success".equals(answer.path("status").asText())) {
            fail("Prometheus query " + promQl + " failed: " + answer);
        }
        return answer.path("data").path("result");
    }

    /** What Prometheus says about its scrape targets, for failure messages. */
    String targets() throws IOException, InterruptedException {
        return get("/api/v1/targets");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("prometheus exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(request("/-/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        close();
        fail("prometheus was not ready within 30 s:\n" + Files.readString(log));
    }

    private String get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("the '" + command + "' binary is not on the PATH; install it (Debian: apt-get install -y prometheus,"
                + " as ./test does)");
    }
}
