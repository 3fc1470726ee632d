package io.loopguard.benchmarks.service;

import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.AgentLine;
import io.loopguard.benchmarks.harness.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One {@link HelloServer} JVM: started, asked for its CPU time, stopped by closing its standard input. */
final class HelloServerProcess implements AutoCloseable {
    /** USER_HZ, what /proc counts CPU time in: 100 on every Linux architecture Java runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private final Process process;
    private final Path log;
    private final int port;

    private HelloServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static HelloServerProcess start(Work work, int loops, Agent agent, String loopguardOptions, Path log)
            throws IOException {
        Process process = new ProcessBuilder(ChildJvm.command(Path.of(System.getProperty("java.home")), agent,
                loopguardOptions, HelloServer.class, work.name(), agent.argument(), String.valueOf(loops)))
                .redirectError(log.toFile()).start();
        String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (first == null || !first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("the " + agent.label() + " server did not start; its stderr: " + Files.readString(log));
        }
        if (agent == Agent.LOOPGUARD && !AgentLine.awaitIn(log)) {
            process.destroyForcibly();
            throw new IOException("Loopguard did not start in the server; its stderr: " + Files.readString(log));
        }
        return new HelloServerProcess(process, log, Integer.parseInt(first.substring("port ".length()).trim()));
    }

    int port() {
        return port;
    }

    /** User plus system CPU time of every thread of the server so far (from /proc, in clock ticks). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }

    /** Context switches of every thread of the server so far, voluntary and not (from /proc). */
    long contextSwitches() throws IOException {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                        }
                    }
                } catch (NoSuchFileException ended) {
                    // a thread that ended meanwhile
                }
            }
        }
        return total;
    }

    /**
     * CPU time the server's JIT compiler threads have used so far (from /proc, in clock ticks): while it
     * still grows, the server is warming up and its latency says more about the compiler than the agent.
     */
    Duration compilerCpuTime() throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("CompilerThre")) {
                        // after the name: state is field 3; utime and stime are fields 14 and 15
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (NoSuchFileException ended) {
                    // a compiler thread that ended meanwhile (HotSpot stops idle ones)
                }
            }
        }
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /** What the server printed on stderr: the agent's start-up line, and its summary once stopped. */
    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
