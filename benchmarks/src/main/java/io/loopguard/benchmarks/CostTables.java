package io.loopguard.benchmarks;

import io.loopguard.benchmarks.CpuTimePerCall.Call;
import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.service.ServiceThroughput;
import io.loopguard.benchmarks.startup.StartupCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Turns the measurements into the README's tables, each figure next to its target. */
final class CostTables {
    private static final double FAST_PATH_TARGET_NANOS = 2;
    private static final double DETECTION_TARGET_MICROS = 5;
    private static final double CPU_TARGET = 1.02;
    private static final double RATE_TARGET = 0.98;
    private static final double P99_TARGET = 1.10;
    private static final double STARTUP_TARGET_MILLIS = 200;
    private static final double RSS_TARGET_MIB = 25;

    /** The per-call benchmarks of {@code PerCall}, in the table's order, with what each one shows. */
    private static final List<String[]> PER_CALL = List.of(
            new String[] {"parkNanos", "`LockSupport.parkNanos(1)` (with a permit), on a thread that may block"},
            new String[] {"fileRead", "1-byte `FileInputStream.read()` of a cached file, on a thread that may block"},
            new String[] {"uninstrumentedMapGet", "`HashMap.get`, which no agent instruments"},
            new String[] {"uncontendedLockOnDesignatedThread", "uncontended `ReentrantLock` lock + unlock, on a designated thread"},
            new String[] {"allowedParkNanosOnDesignatedThread", "`parkNanos(1)` (with a permit) inside an allowed method, on a designated thread"});

    private CostTables() {
    }

    static String perCall(Map<String, JmhRun.Score> scores, List<CpuTimeRuns.Figure> cpu) {
        MarkdownTable table = new MarkdownTable("call", "no agent (ns)", "Loopguard (ns)", "Loopguard added",
                "BlockHound (ns)", "BlockHound added", "Loopguard within 2 ns");
        for (String[] benchmark : PER_CALL) {
            JmhRun.Score none = scores.get("PerCallNoAgent." + benchmark[0]);
            JmhRun.Score loopguard = scores.get("PerCallLoopguard." + benchmark[0]);
            JmhRun.Score blockHound = scores.get("PerCallBlockHound." + benchmark[0]);
            double added = loopguard.mean() - none.mean();
            double error = Math.hypot(loopguard.error(), none.error());
            String verdict = added - error > FAST_PATH_TARGET_NANOS ? "missed"
                    : added + error <= FAST_PATH_TARGET_NANOS ? "met" : format("not resolved (± %.1f ns)", error);
            table.row(benchmark[1], withError(none), withError(loopguard), signed(added, "ns"), withError(blockHound),
                    signed(blockHound.mean() - none.mean(), "ns"), verdict);
        }
        double none = CpuTimeRuns.of(cpu, Call.PARK_WITH_PERMIT, Agent.NONE, false);
        double loopguard = CpuTimeRuns.of(cpu, Call.PARK_WITH_PERMIT, Agent.LOOPGUARD, false);
        double blockHound = CpuTimeRuns.of(cpu, Call.PARK_WITH_PERMIT, Agent.BLOCKHOUND, false);
        table.row("the same `parkNanos(1)`: the thread's CPU time per call", format("%.2f", none),
                format("%.2f", loopguard), signed(loopguard - none, "ns"), format("%.2f", blockHound),
                signed(blockHound - none, "ns"), "no interval");
        return table.toString();
    }

    static String detection(Map<String, JmhRun.Score> scores, List<CpuTimeRuns.Figure> cpu) {
        JmhRun.Score none = scores.get("RepeatedDetectionNoAgent.repeatedDetection");
        double noneCpu = CpuTimeRuns.of(cpu, Call.REPEATED_DETECTION, Agent.NONE, false) / 1_000;
        MarkdownTable table = new MarkdownTable("a designated thread blocks, at a call site already reported",
                "wall µs per call (JMH)", "its CPU µs per call", "CPU added by the detection", "Loopguard ≤ 5 µs");
        table.row("no agent (the blocking call itself)", withError(none), format("%.2f", noneCpu), "", "");
        String[][] rows = {
                {"RepeatedDetectionLoopguard", "Loopguard, report mode, events file off"},
                {"RepeatedDetectionLoopguardEvents", "Loopguard, report mode, events file on"},
                {"RepeatedDetectionBlockHound", "BlockHound (builds and throws an `Error`)"}};
        for (String[] row : rows) {
            boolean loopguard = row[0].contains("Loopguard");
            double cpuMicros = CpuTimeRuns.of(cpu, Call.REPEATED_DETECTION, loopguard ? Agent.LOOPGUARD : Agent.BLOCKHOUND,
                    row[0].endsWith("Events")) / 1_000;
            table.row(row[1], withError(scores.get(row[0] + ".repeatedDetection")), format("%.2f", cpuMicros),
                    signed(cpuMicros - noneCpu, "µs"), loopguard ? verdict(cpuMicros - noneCpu <= DETECTION_TARGET_MICROS) : "");
        }
        return table.toString();
    }

    static String service(List<String> works, List<ServiceThroughput.Measurement> measurements) {
        MarkdownTable table = new MarkdownTable("handler", "agent", "req/s", "× no agent", "p99 (µs)", "× no agent",
                "CPU per request (µs)", "× no agent", "Loopguard targets");
        for (String work : works) {
            List<ServiceThroughput.Measurement> none = of(measurements, work, Agent.NONE);
            for (Agent agent : Agent.values()) {
                List<ServiceThroughput.Measurement> runs = of(measurements, work, agent);
                double rate = medianRatio(runs, none, ServiceThroughput.Measurement::requestsPerSecond);
                double p99 = medianRatio(runs, none, ServiceThroughput.Measurement::p99Micros);
                double cpu = medianRatio(runs, none, ServiceThroughput.Measurement::cpuMicrosPerRequest);
                String targets = "";
                if (agent == Agent.LOOPGUARD) {
                    List<String> missed = new ArrayList<>();
                    if (rate < RATE_TARGET) {
                        missed.add("req/s");
                    }
                    if (p99 > P99_TARGET) {
                        missed.add("p99");
                    }
                    if (cpu > CPU_TARGET) {
                        missed.add("CPU");
                    }
                    targets = missed.isEmpty() ? "met" : "missed: " + String.join(", ", missed);
                }
                table.row(work, agent.label(),
                        format("%.0f", median(runs, ServiceThroughput.Measurement::requestsPerSecond)),
                        agent == Agent.NONE ? "" : format("%.3f", rate),
                        format("%.0f", median(runs, ServiceThroughput.Measurement::p99Micros)),
                        agent == Agent.NONE ? "" : format("%.3f", p99),
                        format("%.2f", median(runs, ServiceThroughput.Measurement::cpuMicrosPerRequest)),
                        agent == Agent.NONE ? "" : format("%.3f", cpu),
                        targets);
            }
        }
        return table.toString();
    }

    static String startup(List<StartupCost.Measurement> measurements) {
        MarkdownTable table = new MarkdownTable("JDK", "agent", "wall time (ms)", "added", "peak RSS (MiB)", "added",
                "Loopguard ≤ +200 ms, ≤ +25 MiB");
        for (String jdk : measurements.stream().map(StartupCost.Measurement::jdk).distinct().toList()) {
            List<StartupCost.Measurement> none = startupRuns(measurements, jdk, Agent.NONE);
            double noneWall = median(none, StartupCost.Measurement::wallMillis);
            double noneRss = median(none, StartupCost.Measurement::peakRssMib);
            for (Agent agent : Agent.values()) {
                List<StartupCost.Measurement> runs = startupRuns(measurements, jdk, agent);
                if (runs.isEmpty()) {
                    String failure = measurements.stream()
                            .filter(m -> m.jdk().equals(jdk) && m.agent() == agent && m.failure() != null)
                            .map(StartupCost.Measurement::failure).findFirst().orElse("no run");
                    table.row(jdk, agent.label(), "did not run: " + failure, "", "", "", "");
                    continue;
                }
                double wall = median(runs, StartupCost.Measurement::wallMillis);
                double rss = median(runs, StartupCost.Measurement::peakRssMib);
                String target = agent == Agent.LOOPGUARD
                        ? verdict(wall - noneWall <= STARTUP_TARGET_MILLIS && rss - noneRss <= RSS_TARGET_MIB) : "";
                table.row(jdk, agent.label(), format("%.0f", wall), agent == Agent.NONE ? "" : signed(wall - noneWall, "ms"),
                        format("%.1f", rss), agent == Agent.NONE ? "" : signed(rss - noneRss, "MiB"), target);
            }
        }
        return table.toString();
    }

    private static List<ServiceThroughput.Measurement> of(List<ServiceThroughput.Measurement> all, String work,
                                                          Agent agent) {
        return all.stream().filter(m -> m.work().equals(work) && m.agent() == agent).toList();
    }

    private static List<StartupCost.Measurement> startupRuns(List<StartupCost.Measurement> all, String jdk,
                                                             Agent agent) {
        return all.stream().filter(m -> m.jdk().equals(jdk) && m.agent() == agent && m.failure() == null).toList();
    }

    /** The median over rounds of this agent's figure divided by no agent's in the same round. */
    private static double medianRatio(List<ServiceThroughput.Measurement> runs,
                                      List<ServiceThroughput.Measurement> none,
                                      ToDoubleFunction<ServiceThroughput.Measurement> figure) {
        List<Double> ratios = new ArrayList<>();
        for (ServiceThroughput.Measurement run : runs) {
            none.stream().filter(n -> n.round() == run.round()).findFirst()
                    .ifPresent(n -> ratios.add(figure.applyAsDouble(run) / figure.applyAsDouble(n)));
        }
        return median(ratios, Double::doubleValue);
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
        double[] sorted = values.stream().mapToDouble(figure).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String withError(JmhRun.Score score) {
        return format("%.2f ± %.2f", score.mean(), score.error());
    }

    private static String signed(double value, String unit) {
        return format("%+.2f ", value) + unit;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "missed";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
