package io.loopguard.demo.show;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo server in a JVM of its own with the Loopguard agent attached, the way a user runs a service:
 * only the server's threads are watched, not the load generator's. Stopped with SIGTERM, so the agent
 * writes its summary and the events file is complete.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path stderr;
    private final InetSocketAddress address;

    private ServerProcess(Process process, Path stderr, InetSocketAddress address) {
        this.process = process;
        this.stderr = stderr;
        this.address = address;
    }

    /** Starts {@code Main serve ...}; with {@code agentJar} null the server runs without Loopguard. */
    static ServerProcess start(Path agentJar, Path events, Path stderr, List<String> serveArguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar + "=events=" + events);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.loopguard.demo.Main");
        command.addAll(serveArguments);
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("the demo server stopped before it was listening"));
        }, "demo-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServerProcess(process, stderr, new InetSocketAddress("127.0.0.1", port.get(60, TimeUnit.SECONDS)));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the demo server did not start: " + e.getMessage() + "\n" + Files.readString(stderr), e);
        }
    }

    long pid() {
        return process.pid();
    }

    InetSocketAddress address() {
        return address;
    }

    /**
     * The agent's lines up to its start-up verdict, which its self-test prints on a thread of its own, maybe after
     * the server is listening: waited for a few seconds at most.
     */
    List<String> loopguardStartLines() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = loopguardLines();
        while (lines.stream().noneMatch(line -> line.startsWith("loopguard: active") || line.startsWith("loopguard: off")
                || line.startsWith("loopguard: could not start")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lines = loopguardLines();
        }
        return lines;
    }

    /** The lines Loopguard printed so far (its start-up line, detections, its summary at exit). */
    List<String> loopguardLines() throws IOException {
        return Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith("loopguard:")).toList();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
