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
    private static final double ALLOWED_PATH_TARGET_NANOS = 5;
    private static final double DETECTION_TARGET_MICROS = 5;
    private static final double CPU_TARGET = 1.02;
    private static final double RATE_TARGET = 0.98;
    private static final double P99_TARGET = 1.10;
    private static final double STARTUP_WALL_TARGET_MILLIS = 150;
    private static final double STARTUP_CPU_TARGET_MILLIS = 300;
    private static final double RSS_TARGET_MIB = 20;
    private static final double FIRST_REQUEST_TARGET = 1.15;

    /** The per-call benchmarks of {@code PerCall}, in the table's order, with what each one shows. */
    private static final List<String[]> PER_CALL = List.of(
            new String[] {"probeOnly", "`LockSupport.parkNanos(0)`: the probe alone (it returns without parking), on a thread that may block"},
            new String[] {"parkNanos", "`LockSupport.parkNanos(1)` (with a permit), on a thread that may block"},
            new String[] {"fileRead", "1-byte `FileInputStream.read()` of a cached file, on a thread that may block"},
            new String[] {"fileExists", "`File.exists()` of a cached file, on a thread that may block"},
            new String[] {"filesSize", "`Files.size` of a cached file, on a thread that may block"},
            new String[] {"uninstrumentedMapGet", "`HashMap.get`, which no agent instruments"},
            new String[] {"uncontendedLockOnDesignatedThread", "uncontended `ReentrantLock` lock + unlock, on a designated thread"},
            new String[] {"allowedProbeOnlyOnDesignatedThread", "`parkNanos(0)` inside an allowed method, on a designated thread"},
            new String[] {"allowedParkNanosOnDesignatedThread", "`parkNanos(1)` (with a permit) inside an allowed method, on a designated thread"});

    private CostTables() {
    }

    static String perCall(Map<String, JmhRun.Score> scores, List<CpuTimeRuns.Figure> cpu) {
        MarkdownTable table = new MarkdownTable("call", "no agent (ns)", "Loopguard (ns)", "Loopguard added",
                "BlockHound (ns)", "BlockHound added", "Loopguard's target: added");
        for (String[] benchmark : PER_CALL) {
            JmhRun.Score none = scores.get("PerCallNoAgent." + benchmark[0]);
            JmhRun.Score loopguard = scores.get("PerCallLoopguard." + benchmark[0]);
            JmhRun.Score blockHound = scores.get("PerCallBlockHound." + benchmark[0]);
            double added = loopguard.mean() - none.mean();
            double error = Math.hypot(loopguard.error(), none.error());
            // An allowed call pays for two look-ups (the allowance's and the probe's), and has a target of its own.
            double target = benchmark[0].startsWith("allowed") ? ALLOWED_PATH_TARGET_NANOS : FAST_PATH_TARGET_NANOS;
            String verdict = format("≤ %.0f ns: ", target) + (added - error > target ? "missed"
                    : added + error <= target ? "met" : format("not resolved (± %.1f ns)", error));
            table.row(benchmark[1], withError(none), withError(loopguard), signed(added, "ns"), withError(blockHound),
                    signed(blockHound.mean() - none.mean(), "ns"), verdict);
        }
        cpuRow(table, cpu, Call.PROBE_ONLY, "the same `parkNanos(0)`: the thread's CPU time per call");
        cpuRow(table, cpu, Call.ALLOWED_PROBE_ONLY, "`parkNanos(0)` inside an allowed method, on a designated thread: CPU time per call");
        cpuRow(table, cpu, Call.PARK_WITH_PERMIT, "the same `parkNanos(1)`: the thread's CPU time per call");
        return table.toString();
    }

    private static void cpuRow(MarkdownTable table, List<CpuTimeRuns.Figure> cpu, Call call, String label) {
        double none = CpuTimeRuns.of(cpu, call, Agent.NONE, false);
        double loopguard = CpuTimeRuns.of(cpu, call, Agent.LOOPGUARD, false);
        double blockHound = CpuTimeRuns.of(cpu, call, Agent.BLOCKHOUND, false);
        table.row(label, format("%.2f", none), format("%.2f", loopguard), signed(loopguard - none, "ns"),
                format("%.2f", blockHound), signed(blockHound - none, "ns"), "no interval");
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

    /**
     * Service cost: per handler, loop count and variant, each figure as a ratio to no agent in the same round,
     * median (IQR) over rounds; each Loopguard target is met, missed, or not resolved when its IQR spans it.
     */
    static String service(List<String> works, List<Integer> loopCounts, List<String> variants,
                          List<ServiceThroughput.Measurement> measurements) {
        MarkdownTable table = new MarkdownTable("handler", "loops", "agent", "req/s", "× no agent", "p50 (µs)",
                "p99 (µs)", "× no agent", "p99.9 (µs)", "CPU/request (µs)", "× no agent", "ctx switches/request",
                "targets: CPU ≤ 1.02×, p99 ≤ 1.10×, req/s ≥ 0.98×");
        String baseline = variants.get(0);
        for (String work : works) {
            for (int loops : loopCounts) {
                List<ServiceThroughput.Measurement> none = of(measurements, work, loops, baseline);
                for (String variant : variants) {
                    List<ServiceThroughput.Measurement> runs = of(measurements, work, loops, variant);
                    boolean isBaseline = variant.equals(baseline);
                    List<Double> rate = ratios(runs, none, ServiceThroughput.Measurement::requestsPerSecond);
                    List<Double> p99 = ratios(runs, none, ServiceThroughput.Measurement::p99Micros);
                    List<Double> cpu = ratios(runs, none, ServiceThroughput.Measurement::cpuMicrosPerRequest);
                    String targets = "";
                    if (variant.startsWith("Loopguard")) {
                        targets = "CPU " + atMost(cpu, CPU_TARGET) + ", p99 " + atMost(p99, P99_TARGET)
                                + ", req/s " + atLeast(rate, RATE_TARGET);
                    }
                    table.row(work, String.valueOf(loops), variant,
                            format("%.0f", median(runs, ServiceThroughput.Measurement::requestsPerSecond)),
                            isBaseline ? "" : spread(rate),
                            format("%.0f", median(runs, ServiceThroughput.Measurement::p50Micros)),
                            format("%.0f", median(runs, ServiceThroughput.Measurement::p99Micros)),
                            isBaseline ? "" : spread(p99),
                            format("%.0f", median(runs, ServiceThroughput.Measurement::p999Micros)),
                            format("%.2f", median(runs, ServiceThroughput.Measurement::cpuMicrosPerRequest)),
                            isBaseline ? "" : spread(cpu),
                            format("%.3f", median(runs, ServiceThroughput.Measurement::contextSwitchesPerRequest)),
                            targets);
                }
            }
        }
        return table.toString();
    }

    private static String spread(List<Double> ratios) {
        return format("%.3f", median(ratios, Double::doubleValue)) + " (IQR " + format("%.3f", quantile(ratios, 0.25))
                + "–" + format("%.3f", quantile(ratios, 0.75)) + ")";
    }

    /** Met when the whole IQR is at most the target, missed when it is all above, else not resolved. */
    private static String atMost(List<Double> ratios, double target) {
        if (quantile(ratios, 0.75) <= target) {
            return "met";
        }
        return quantile(ratios, 0.25) > target ? "missed" : "not resolved";
    }

    private static String atLeast(List<Double> ratios, double target) {
        if (quantile(ratios, 0.25) >= target) {
            return "met";
        }
        return quantile(ratios, 0.75) < target ? "missed" : "not resolved";
    }

    /** Each round's figure divided by the baseline's in the same round. */
    private static List<Double> ratios(List<ServiceThroughput.Measurement> runs,
                                       List<ServiceThroughput.Measurement> baseline,
                                       ToDoubleFunction<ServiceThroughput.Measurement> figure) {
        List<Double> ratios = new ArrayList<>();
        for (ServiceThroughput.Measurement run : runs) {
            baseline.stream().filter(b -> b.round() == run.round()).findFirst()
                    .ifPresent(b -> ratios.add(figure.applyAsDouble(run) / figure.applyAsDouble(b)));
        }
        return ratios;
    }

    /**
     * Start-up: per JDK and variant, the trivial main's added wall time, CPU time and peak RSS, and the Netty
     * service's time to its first answer as a ratio to no agent, each a median with its interquartile range.
     */
    static String startup(List<StartupCost.Variant> variants, List<StartupCost.Measurement> measurements) {
        MarkdownTable table = new MarkdownTable("JDK", "agent", "main: wall (ms)", "added", "CPU (ms)", "added",
                "peak RSS (MiB)", "added", "first request (ms)", "× no agent",
                "≤ +150 ms, ≤ +300 ms CPU, ≤ +20 MiB, ≤ 1.15×");
        String baseline = variants.get(0).label();
        for (String jdk : measurements.stream().map(StartupCost.Measurement::jdk).distinct().toList()) {
            List<StartupCost.Measurement> noneMain = startupRuns(measurements, jdk, "main", baseline);
            List<StartupCost.Measurement> noneFirst = startupRuns(measurements, jdk, "first request", baseline);
            for (StartupCost.Variant variant : variants) {
                List<StartupCost.Measurement> main = startupRuns(measurements, jdk, "main", variant.label());
                List<StartupCost.Measurement> first = startupRuns(measurements, jdk, "first request", variant.label());
                if (main.isEmpty() || first.isEmpty()) {
                    String failure = measurements.stream()
                            .filter(m -> m.jdk().equals(jdk) && m.variant().equals(variant.label()) && m.failure() != null)
                            .map(StartupCost.Measurement::failure).findFirst().orElse("no run");
                    table.row(jdk, variant.label(), "did not run: " + failure, "", "", "", "", "", "", "", "");
                    continue;
                }
                boolean isBaseline = variant.label().equals(baseline);
                double wall = median(main, StartupCost.Measurement::wallMillis) - median(noneMain, StartupCost.Measurement::wallMillis);
                double cpu = median(main, StartupCost.Measurement::cpuMillis) - median(noneMain, StartupCost.Measurement::cpuMillis);
                double rss = median(main, StartupCost.Measurement::peakRssMib) - median(noneMain, StartupCost.Measurement::peakRssMib);
                List<Double> firstRatios = roundRatios(first, noneFirst);
                double firstRatio = median(firstRatios, Double::doubleValue);
                String target = variant.agent() == Agent.LOOPGUARD ? startupVerdict(wall, cpu, rss, firstRatio) : "";
                table.row(jdk, variant.label(), withSpread(main, StartupCost.Measurement::wallMillis, "%.0f"),
                        isBaseline ? "" : signed(wall, "ms"), withSpread(main, StartupCost.Measurement::cpuMillis, "%.0f"),
                        isBaseline ? "" : signed(cpu, "ms"), withSpread(main, StartupCost.Measurement::peakRssMib, "%.1f"),
                        isBaseline ? "" : signed(rss, "MiB"), withSpread(first, StartupCost.Measurement::wallMillis, "%.0f"),
                        isBaseline ? "" : format("%.2f", firstRatio) + " (IQR " + format("%.2f", quantile(firstRatios, 0.25))
                                + "–" + format("%.2f", quantile(firstRatios, 0.75)) + ")", target);
            }
        }
        return table.toString();
    }

    /** "met", or which of the four figures missed its target. */
    private static String startupVerdict(double wall, double cpu, double rss, double firstRatio) {
        List<String> missed = new ArrayList<>();
        if (!(wall <= STARTUP_WALL_TARGET_MILLIS)) {
            missed.add("wall");
        }
        if (!(cpu <= STARTUP_CPU_TARGET_MILLIS)) {
            missed.add("CPU");
        }
        if (!(rss <= RSS_TARGET_MIB)) {
            missed.add("RSS");
        }
        if (!(firstRatio <= FIRST_REQUEST_TARGET)) {
            missed.add("first request");
        }
        return missed.isEmpty() ? "met" : "missed: " + String.join(", ", missed);
    }

    private static <T> String withSpread(List<T> values, ToDoubleFunction<T> figure, String pattern) {
        List<Double> figures = values.stream().map(figure::applyAsDouble).toList();
        return format(pattern, median(figures, Double::doubleValue)) + " (IQR " + format(pattern, quantile(figures, 0.25))
                + "–" + format(pattern, quantile(figures, 0.75)) + ")";
    }

    /** Each round's figure divided by the baseline's in the same round. */
    private static List<Double> roundRatios(List<StartupCost.Measurement> runs, List<StartupCost.Measurement> baseline) {
        List<Double> ratios = new ArrayList<>();
        for (StartupCost.Measurement run : runs) {
            baseline.stream().filter(b -> b.round() == run.round()).findFirst()
                    .ifPresent(b -> ratios.add(run.wallMillis() / b.wallMillis()));
        }
        return ratios;
    }

    /** The {@code q} quantile, interpolated between the nearest ranks; NaN when there are no values. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    private static List<ServiceThroughput.Measurement> of(List<ServiceThroughput.Measurement> all, String work,
                                                          int loops, String variant) {
        return all.stream().filter(m -> m.work().equals(work) && m.loops() == loops && m.variant().equals(variant)).toList();
    }

    private static List<StartupCost.Measurement> startupRuns(List<StartupCost.Measurement> all, String jdk,
                                                             String program, String variant) {
        return all.stream().filter(m -> m.jdk().equals(jdk) && m.program().equals(program)
                && m.variant().equals(variant) && m.failure() == null).toList();
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
