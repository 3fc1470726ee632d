package io.loopguard.benchmarks.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} (one thread, keep-alive connections) against a loopback URL and reads its summary. */
final class Wrk {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("(Socket errors:.*|Non-2xx or 3xx responses:.*)");

    /** What one run measured. */
    record Result(long requests, double requestsPerSecond, double p99Micros) {
    }

    private final int connections;

    Wrk(int connections) {
        this.connections = connections;
    }

    Result run(int port, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
                "--latency", "http://127.0.0.1:" + port + "/")).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + output);
        }
        Matcher errors = ERRORS.matcher(output);
        if (errors.find()) {
            throw new IOException("wrk saw errors (" + errors.group(1) + "):\n" + output);
        }
        Matcher p99 = find(P99, output);
        double micros = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
            case "us" -> 1;
            case "ms" -> 1_000;
            default -> 1_000_000;
        };
        return new Result(Long.parseLong(find(REQUESTS, output).group(1)),
                Double.parseDouble(find(RATE, output).group(1)), micros);
    }

    private static Matcher find(Pattern pattern, String output) throws IOException {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IOException("unexpected wrk output (no " + pattern + "):\n" + output);
        }
        return matcher;
    }
}
