package io.loopguard.benchmarks.startup;

import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.AgentLine;
import io.loopguard.benchmarks.harness.ChildJvm;
import io.loopguard.benchmarks.service.HelloServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time from starting a {@link HelloServer} JVM (its handler doing nothing) to its first answered request, what a container's
 * readiness probe waits for; with the process's CPU time and peak RSS at that moment.
 */
final class FirstRequest {
    private FirstRequest() {
    }

    static StartupCost.Measurement measure(String jdk, Path javaHome, StartupCost.Variant variant, int round,
                                                  Path logs) throws IOException, InterruptedException {
        Path log = logs.resolve("first-request-" + jdk.replaceAll("\\W", "") + "-"
                + variant.label().replaceAll("\\W", "") + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(ChildJvm.command(javaHome, variant.agent(), variant.loopguardOptions(),
                HelloServer.class, "NOTHING", variant.agent().argument())).redirectError(log.toFile()).start();
        try {
            String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (first == null || !first.startsWith("port ")) {
                return failed(jdk, variant, round, "the server did not start: " + Files.readString(log).strip());
            }
            answer(Integer.parseInt(first.substring("port ".length()).trim()));
            double wallMillis = (System.nanoTime() - start) / 1e6;
            Duration cpu = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
            double rssMib = peakRssKib(process.pid()) / 1024.0;
            if (variant.agent() == Agent.LOOPGUARD && !AgentLine.awaitIn(log)) {
                return failed(jdk, variant, round, "Loopguard did not start: " + Files.readString(log).strip());
            }
            return new StartupCost.Measurement(jdk, "first request", variant.label(), round, wallMillis,
                    cpu.toNanos() / 1e6, rssMib, null);
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** One HTTP/1.1 request, on a new connection; returns once the status line has arrived. */
    private static void answer(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                throw new IOException("the server answered '" + status + "'");
            }
        }
    }

    private static long peakRssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmHWM:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
    }

    private static StartupCost.Measurement failed(String jdk, StartupCost.Variant variant, int round, String why) {
        return new StartupCost.Measurement(jdk, "first request", variant.label(), round, Double.NaN, Double.NaN,
                Double.NaN, why);
    }
}
