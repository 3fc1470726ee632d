package io.loopguard.benchmarks.detection;

import io.loopguard.benchmarks.Agent;
import io.loopguard.benchmarks.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs {@link DetectionCpuTime} once per variant of the JMH detection benchmarks, each in its own JVM. */
public final class DetectionCpuRuns {
    private static final String DESIGNATE = "mode=report,threads=" + DetectionCpuTime.THREAD;

    private DetectionCpuRuns() {
    }

    /** @return CPU microseconds per call, by the simple name of the matching JMH benchmark class */
    public static Map<String, Double> run(Path logs) throws IOException, InterruptedException {
        Path events = logs.resolve("detection-cpu-events.jsonl");
        Map<String, Double> micros = new LinkedHashMap<>();
        micros.put(RepeatedDetectionNoAgent.class.getSimpleName(), once(Agent.NONE, "", logs));
        micros.put(RepeatedDetectionLoopguard.class.getSimpleName(), once(Agent.LOOPGUARD, DESIGNATE, logs));
        micros.put(RepeatedDetectionLoopguardEvents.class.getSimpleName(),
                once(Agent.LOOPGUARD, DESIGNATE + ",events=" + events.toAbsolutePath(), logs));
        Files.deleteIfExists(events);
        micros.put(RepeatedDetectionBlockHound.class.getSimpleName(), once(Agent.BLOCKHOUND, "", logs));
        return micros;
    }

    private static double once(Agent agent, String loopguardOptions, Path logs) throws IOException, InterruptedException {
        Path log = logs.resolve("detection-cpu-" + agent.argument() + ".log");
        Process process = new ProcessBuilder(ChildJvm.command(Path.of(System.getProperty("java.home")), agent,
                loopguardOptions, DetectionCpuTime.class, agent.argument())).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || !out.startsWith("cpu-micros-per-call ")) {
            throw new IOException("the detection CPU-time run with " + agent.label() + " failed: " + out + "\n"
                    + Files.readString(log));
        }
        return Double.parseDouble(out.substring("cpu-micros-per-call ".length()));
    }
}
