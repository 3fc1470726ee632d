package io.loopguard.benchmarks.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (keep-alive connections) against a loopback URL and reads its summary, with the latency
 * percentiles that a small Lua script prints from wrk's full distribution (its own summary stops at p99).
 */
final class Wrk {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILES = Pattern.compile("percentiles-us ([\\d.]+) ([\\d.]+) ([\\d.]+)");
    private static final Pattern ERRORS = Pattern.compile("(Socket errors:.*|Non-2xx or 3xx responses:.*)");
    private static final String SCRIPT = """
            done = function(summary, latency, requests)
              io.write(string.format("percentiles-us %.1f %.1f %.1f\\n",
                latency:percentile(50), latency:percentile(99), latency:percentile(99.9)))
            end
            """;

    /** What one run measured; latencies in microseconds. */
    record Result(long requests, double requestsPerSecond, double p50Micros, double p99Micros, double p999Micros) {
    }

    private final int connections;
    private final Path script;

    Wrk(int connections, Path directory) throws IOException {
        this.connections = connections;
        this.script = directory.resolve("percentiles.lua");
        Files.writeString(script, SCRIPT);
    }

    Result run(int port, int threads, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "-s", script.toString(), "http://127.0.0.1:" + port + "/")).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + output);
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            throw new IOException("wrk saw errors (" + errors.group(1) + "):\n" + output);
        }
        Matcher percentiles = find(PERCENTILES, output);
        return new Result(Long.parseLong(find(REQUESTS, output).group(1)),
                Double.parseDouble(find(RATE, output).group(1)), Double.parseDouble(percentiles.group(1)),
                Double.parseDouble(percentiles.group(2)), Double.parseDouble(percentiles.group(3)));
    }

    private static Matcher find(Pattern pattern, String output) throws IOException {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IOException("unexpected wrk output (no " + pattern + "):\n" + output);
        }
        return matcher;
    }
}
