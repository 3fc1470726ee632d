package io.loopguard.benchmarks.startup;

import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Start-up and memory: {@link TrivialMain}'s wall time (process start to exit) and peak RSS, with each
 * agent, in interleaved rounds (the agents' order rotating each round) after one unmeasured round.
 */
public final class StartupCost {

    /** One run; {@code failure} is set, and the figures are not, when the JVM did not run to the end. */
    public record Measurement(String jdk, Agent agent, int round, double wallMillis, double peakRssMib,
                              String failure) {
    }

    private final int rounds;
    private final Path logs;
    private final Consumer<String> progress;

    public StartupCost(int rounds, Path logs, Consumer<String> progress) {
        this.rounds = rounds;
        this.logs = logs;
        this.progress = progress;
    }

    public List<Measurement> run(String jdkLabel, Path javaHome) throws IOException, InterruptedException {
        List<Measurement> measurements = new ArrayList<>();
        progress.accept("start-up: " + jdkLabel + ", " + rounds + " rounds");
        for (int round = -1; round < rounds; round++) {
            for (int i = 0; i < Agent.values().length; i++) {
                Agent agent = Agent.values()[Math.floorMod(i + round, Agent.values().length)];
                Measurement measurement = once(jdkLabel, javaHome, agent, round);
                if (round >= 0) {
                    measurements.add(measurement);
                }
            }
        }
        return measurements;
    }

    private Measurement once(String jdk, Path javaHome, Agent agent, int round)
            throws IOException, InterruptedException {
        Path log = logs.resolve("startup-" + jdk.replaceAll("\\W", "") + "-" + agent.argument() + ".log");
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(javaHome, agent, "", TrivialMain.class,
                agent.argument())).redirectError(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String err = Files.readString(log);
        double wallMillis = (System.nanoTime() - start) / 1e6;
        String failure = null;
        if (exit != 0 || !out.startsWith("peak-rss-kib ")) {
            failure = "exit " + exit + ": " + firstLine(err);
        } else if (agent == Agent.LOOPGUARD && !err.contains("loopguard: active")) {
            failure = "Loopguard did not start: " + firstLine(err);
        }
        if (failure != null) {
            return new Measurement(jdk, agent, round, Double.NaN, Double.NaN, failure);
        }
        double peakMib = Long.parseLong(out.substring("peak-rss-kib ".length()).trim()) / 1024.0;
        return new Measurement(jdk, agent, round, wallMillis, peakMib, null);
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
