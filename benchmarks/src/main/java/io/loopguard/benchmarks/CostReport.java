package io.loopguard.benchmarks;

import io.loopguard.benchmarks.harness.JmhForks;
import io.loopguard.benchmarks.harness.Settings;
import io.loopguard.benchmarks.service.ServiceThroughput;
import io.loopguard.benchmarks.startup.StartupCost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Loopguard costs, next to no agent and BlockHound: runs every benchmark, prints one Markdown report
 * and writes it, with the raw figures, to {@code results/}. Started by {@code benchmarks/run}, which builds
 * what it needs and runs this from {@code benchmarks/}.
 *
 * <p>Options: {@code --quick} (short runs, to check the pipeline), {@code --only=jmh,service,startup},
 * {@code --loopguard-options=k=v,...} (added to Loopguard's options in the service benchmark),
 * {@code --startup-jdks=/path/jdk,...} (default: the running JDK).
 */
public final class CostReport {
    private static final Path RESULTS = Path.of("results");

    private CostReport() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.FULL;
        Set<String> parts = new LinkedHashSet<>(List.of("jmh", "service", "startup"));
        String loopguardOptions = "";
        List<Path> startupJdks = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        for (String arg : args) {
            if (arg.equals("--quick")) {
                settings = Settings.QUICK;
            } else if (arg.startsWith("--only=")) {
                parts = new LinkedHashSet<>(List.of(arg.substring("--only=".length()).split(",")));
            } else if (arg.startsWith("--loopguard-options=")) {
                loopguardOptions = arg.substring("--loopguard-options=".length());
            } else if (arg.startsWith("--startup-jdks=")) {
                startupJdks = List.of(arg.substring("--startup-jdks=".length()).split(",")).stream().map(Path::of).toList();
            } else {
                System.err.println("unknown argument '" + arg + "'; see the Javadoc of " + CostReport.class.getName());
                System.exit(2);
            }
        }
        if (!Files.isRegularFile(Path.of(JmhForks.LOOPGUARD_JAR))) {
            System.err.println("no agent jar at " + Path.of(JmhForks.LOOPGUARD_JAR).toAbsolutePath().normalize()
                    + ": build it first (mvn -B -q package -DskipTests), and run this from benchmarks/ (benchmarks/run does both)");
            System.exit(2);
        }
        Path logs = Files.createDirectories(RESULTS.resolve("logs"));

        StringBuilder report = new StringBuilder()
                .append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.MINUTES)).append(" (")
                .append(settings.name()).append(" run) on ").append(Machine.describe())
                .append(". Load average before: ").append(Machine.loadAverage()).append('\n');
        if (parts.contains("jmh")) {
            progress("per-call and detection path (JMH, " + settings.jmhForks() + " fork(s) per variant); JMH's own output: "
                    + RESULTS.resolve("jmh.log"));
            Map<String, JmhRun.Score> scores = JmhRun.run(settings, RESULTS.resolve("jmh.json"), RESULTS.resolve("jmh.log"));
            progress("fast path and detection path: the calling thread's CPU time per call");
            List<CpuTimeRuns.Figure> cpu = CpuTimeRuns.run(logs);
            report.append("\n**Per call, no detection** (JMH average time, ± its 99.9% confidence interval; and the"
                    + " thread's own CPU time from `ThreadMXBean`, a separate JVM per agent, median of 5 rounds of"
                    + " 5 million calls):\n\n")
                    .append(CostTables.perCall(scores, cpu))
                    .append("\n**Detection path** (the thread is designated and calls `parkNanos(1)`, holding a permit, at a"
                            + " stack depth of ~40 frames; wall time from JMH, the thread's own CPU time from"
                            + " `ThreadMXBean` in a separate JVM per variant, median of 5 rounds of 50,000 calls):\n\n")
                    .append(CostTables.detection(scores, cpu));
        }
        if (parts.contains("service")) {
            ServiceThroughput service = new ServiceThroughput(settings, loopguardOptions, logs, CostReport::progress);
            List<ServiceThroughput.Measurement> measurements = service.run();
            Files.write(RESULTS.resolve("service.csv"), csv("work,loops,variant,round,requestsPerSecond,p50Micros,p99Micros,"
                    + "p999Micros,cpuMicrosPerRequest,contextSwitchesPerRequest", measurements.stream().map(m -> String.join(",",
                    csvText(m.work()), "" + m.loops(), csvText(m.variant()), "" + m.round(), "" + m.requestsPerSecond(), "" + m.p50Micros(),
                    "" + m.p99Micros(), "" + m.p999Micros(), "" + m.cpuMicrosPerRequest(),
                    "" + m.contextSwitchesPerRequest())).toList()));
            report.append("\n**Service cost** (Netty HTTP/1.1 hello-world on 1 and 4 event loops; `wrk -c")
                    .append(settings.connections()).append(" -d").append(settings.serviceSeconds())
                    .append("s` with 1 thread (2 for 4 loops) on loopback; ").append(settings.serviceRounds())
                    .append(" interleaved rounds, on ").append(settings.serviceJvms())
                    .append(" server JVMs per variant (").append(settings.serviceRoundsPerJvm())
                    .append(" rounds each); each ratio is to no agent in the same round, median (IQR) over rounds;"
                            + " the server's CPU time and context switches per request from `/proc`; Loopguard options `")
                    .append(service.loopguardOptions()).append("`):\n\n")
                    .append(CostTables.service(ServiceThroughput.workLabels(), ServiceThroughput.LOOPS,
                            ServiceThroughput.variantLabels(), measurements))
                    .append("\nEach server was loaded until its JIT compiler had settled before the rounds began:\n\n");
            for (String warmUp : service.warmUps()) {
                report.append("- ").append(warmUp).append('\n');
            }
        }
        if (parts.contains("startup")) {
            StartupCost startup = new StartupCost(settings.startupRounds(), logs, CostReport::progress);
            List<StartupCost.Measurement> measurements = new ArrayList<>();
            for (Path jdk : startupJdks) {
                measurements.addAll(startup.run(Machine.jdkLabel(jdk), jdk));
            }
            Files.write(RESULTS.resolve("startup.csv"), csv("jdk,program,variant,round,wallMillis,cpuMillis,peakRssMib,failure",
                    measurements.stream().map(m -> String.join(",", csvText(m.jdk()), csvText(m.program()),
                            csvText(m.variant()), "" + m.round(), "" + m.wallMillis(), "" + m.cpuMillis(),
                            "" + m.peakRssMib(), m.failure() == null ? "" : csvText(m.failure()))).toList()));
            report.append("\n**Start-up and memory** (a `main` that only starts: wall time from process start to exit,"
                    + " CPU time and peak RSS of the whole process from GNU `time`; and a Netty HTTP service: process"
                    + " start to its first answered request. Median (IQR) of ").append(settings.startupRounds())
                    .append(" interleaved runs after one unmeasured round, which fills Loopguard's class cache):\n\n")
                    .append(CostTables.startup(startup.variants(), measurements));
        }
        report.append("\nLoad average after: ").append(Machine.loadAverage()).append('\n');
        Files.writeString(RESULTS.resolve("cost.md"), report);
        System.out.println();
        System.out.println(report);
        System.out.println("(written to " + RESULTS.resolve("cost.md").toAbsolutePath() + "; raw figures beside it)");
    }

    private static List<String> csv(String header, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        return lines;
    }

    /** A text field of a CSV row, quoted: variant labels hold commas. */
    private static String csvText(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void progress(String step) {
        System.out.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + step);
    }
}
