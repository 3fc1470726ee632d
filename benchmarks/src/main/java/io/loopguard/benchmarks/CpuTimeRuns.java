package io.loopguard.benchmarks;

import io.loopguard.benchmarks.CpuTimePerCall.Call;
import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.ChildJvm;
import io.loopguard.benchmarks.percall.AllowedBlocking;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link CpuTimePerCall} for the fast path and the detection path, each variant in its own JVM. */
final class CpuTimeRuns {
    private static final String DESIGNATE = "mode=report,threads=" + Call.DESIGNATED_THREAD + ",allow="
            + AllowedBlocking.LOOPGUARD_ALLOW;

    /** One variant's figure. */
    record Figure(Call call, Agent agent, boolean events, double nanosPerCall) {
    }

    private CpuTimeRuns() {
    }

    static List<Figure> run(Path logs) throws IOException, InterruptedException {
        Path events = logs.resolve("cpu-time-events.jsonl");
        List<Figure> figures = new ArrayList<>();
        for (Call call : Call.values()) {
            for (Agent agent : Agent.values()) {
                figures.add(new Figure(call, agent, false, once(call, agent, DESIGNATE, logs)));
            }
        }
        figures.add(new Figure(Call.REPEATED_DETECTION, Agent.LOOPGUARD, true,
                once(Call.REPEATED_DETECTION, Agent.LOOPGUARD, DESIGNATE + ",events=" + events.toAbsolutePath(), logs)));
        Files.deleteIfExists(events);
        return figures;
    }

    static double of(List<Figure> figures, Call call, Agent agent, boolean events) {
        return figures.stream().filter(f -> f.call() == call && f.agent() == agent && f.events() == events)
                .findFirst().orElseThrow().nanosPerCall();
    }

    private static double once(Call call, Agent agent, String loopguardOptions, Path logs)
            throws IOException, InterruptedException {
        Path log = logs.resolve("cpu-time-" + call.name().toLowerCase() + "-" + agent.argument() + ".log");
        Process process = new ProcessBuilder(ChildJvm.command(Path.of(System.getProperty("java.home")), agent,
                loopguardOptions, CpuTimePerCall.class, agent.argument(), call.name()))
                .redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || !out.startsWith("cpu-nanos-per-call ")) {
            throw new IOException("the CPU-time run of " + call + " with " + agent.label() + " failed: " + out
                    + "\n" + Files.readString(log));
        }
        return Double.parseDouble(out.substring("cpu-nanos-per-call ".length()));
    }
}
