package io.loopguard.benchmarks.startup;

import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Start-up and memory, in interleaved rounds (the variants' order rotating each round) after one unmeasured
 * round: {@link TrivialMain}'s wall time, CPU time and peak RSS from process start to exit (GNU
 * {@code time}), and the time from process start to the first answered request of a Netty HTTP service.
 * Loopguard runs twice: with its class cache, which the unmeasured round fills (every start after the
 * first), and with {@code cache=off} (every start weaves its classes, as the very first one does).
 */
public final class StartupCost {
    private static final String TIME = "/usr/bin/time";

    /** What a measured JVM runs with. */
    public record Variant(String label, Agent agent, String loopguardOptions) {
    }

    /** The variants, the first being the baseline the others are compared with. */
    public static List<Variant> variants(Path cacheDirectory) {
        return List.of(new Variant("no agent", Agent.NONE, ""),
                new Variant("Loopguard", Agent.LOOPGUARD, "cache=" + cacheDirectory),
                new Variant("Loopguard, cache=off", Agent.LOOPGUARD, "cache=off"),
                // What a test class's first test pays when the JUnit extension attaches the agent itself.
                new Variant("Loopguard, self-attached (JUnit extension)", Agent.LOOPGUARD_SELF_ATTACHED,
                        "cache=" + cacheDirectory),
                new Variant("BlockHound", Agent.BLOCKHOUND, ""));
    }

    /**
     * One run; {@code failure} is set, and the figures are not, when the JVM did not run to the end.
     *
     * @param program    {@code main} (a trivial main, start to exit) or {@code first request} (a Netty service)
     * @param wallMillis start to exit, or start to the first answer
     * @param cpuMillis  the process's CPU time over the same span
     */
    public record Measurement(String jdk, String program, String variant, int round, double wallMillis,
                              double cpuMillis, double peakRssMib, String failure) {
    }

    private final int rounds;
    private final Path logs;
    private final Consumer<String> progress;
    private final List<Variant> variants;

    public StartupCost(int rounds, Path logs, Consumer<String> progress) throws IOException {
        this.rounds = rounds;
        this.logs = logs;
        this.progress = progress;
        Path cache = logs.resolve("class-cache");
        deleteTree(cache);
        this.variants = variants(cache);
    }

    public List<Variant> variants() {
        return variants;
    }

    public List<Measurement> run(String jdkLabel, Path javaHome) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(TIME))) {
            throw new IOException(TIME + " is missing: install the Debian package 'time' (benchmarks/run does)");
        }
        List<Measurement> measurements = new ArrayList<>();
        progress.accept("start-up: " + jdkLabel + ", " + rounds + " rounds of " + variants.size()
                + " variants, a trivial main and a Netty service's first request");
        for (int round = -1; round < rounds; round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get(Math.floorMod(i + round, variants.size()));
                Measurement main = trivialMain(jdkLabel, javaHome, variant, round);
                Measurement first = FirstRequest.measure(jdkLabel, javaHome, variant, round, logs);
                if (round >= 0) {
                    measurements.add(main);
                    measurements.add(first);
                }
            }
        }
        return measurements;
    }

    private Measurement trivialMain(String jdk, Path javaHome, Variant variant, int round)
            throws IOException, InterruptedException {
        Path log = logs.resolve("startup-" + jdk.replaceAll("\\W", "") + "-" + variant.label().replaceAll("\\W", "") + ".log");
        List<String> command = new ArrayList<>(List.of(TIME, "-f", "lgtime %e %U %S %M"));
        command.addAll(ChildJvm.command(javaHome, variant.agent(), variant.loopguardOptions(), TrivialMain.class,
                variant.agent().argument()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wallMillis = (System.nanoTime() - start) / 1e6;
        String err = Files.readString(log);
        String timeLine = err.lines().filter(line -> line.startsWith("lgtime ")).reduce((a, b) -> b).orElse(null);
        String failure = null;
        if (exit != 0 || !out.startsWith("peak-rss-kib ") || timeLine == null) {
            failure = "exit " + exit + ": " + firstLine(err);
        } else if (variant.agent() == Agent.LOOPGUARD && !err.contains("loopguard: summary:")) {
            // a main without event loops needs no probe: the agent says so in its summary at exit
            failure = "Loopguard did not start: " + firstLine(err);
        }
        if (failure != null) {
            return new Measurement(jdk, "main", variant.label(), round, Double.NaN, Double.NaN, Double.NaN, failure);
        }
        String[] figures = timeLine.split(" ");
        return new Measurement(jdk, "main", variant.label(), round, wallMillis,
                (Double.parseDouble(figures[2]) + Double.parseDouble(figures[3])) * 1000,
                Long.parseLong(figures[4]) / 1024.0, null);
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
