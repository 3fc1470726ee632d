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
            Files.write(RESULTS.resolve("service.csv"), csv("work,agent,round,requestsPerSecond,p99Micros,cpuMicrosPerRequest",
                    measurements.stream().map(m -> String.join(",", m.work(), m.agent().name(), "" + m.round(),
                            "" + m.requestsPerSecond(), "" + m.p99Micros(), "" + m.cpuMicrosPerRequest())).toList()));
            report.append("\n**Service throughput** (Netty HTTP/1.1 hello-world, 1 event loop; `wrk -t1 -c")
                    .append(settings.connections()).append(" -d").append(settings.serviceSeconds())
                    .append("s` on loopback; median of ").append(settings.serviceRounds())
                    .append(" interleaved rounds; ratios are the median of per-round ratios; Loopguard options `")
                    .append(service.loopguardOptions()).append("`):\n\n")
                    .append(CostTables.service(ServiceThroughput.workLabels(), measurements));
        }
        if (parts.contains("startup")) {
            StartupCost startup = new StartupCost(settings.startupRounds(), logs, CostReport::progress);
            List<StartupCost.Measurement> measurements = new ArrayList<>();
            for (Path jdk : startupJdks) {
                measurements.addAll(startup.run(Machine.jdkLabel(jdk), jdk));
            }
            Files.write(RESULTS.resolve("startup.csv"), csv("jdk,agent,round,wallMillis,peakRssMib,failure",
                    measurements.stream().map(m -> String.join(",", m.jdk(), m.agent().name(), "" + m.round(),
                            "" + m.wallMillis(), "" + m.peakRssMib(), m.failure() == null ? "" : '"' + m.failure()
                                    .replace("\"", "'") + '"')).toList()));
            report.append("\n**Start-up and memory** (a `main` that only starts; wall time from process start to"
                    + " exit and peak RSS (`VmHWM`), median of ").append(settings.startupRounds())
                    .append(" interleaved runs):\n\n")
                    .append(CostTables.startup(measurements));
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

    private static void progress(String step) {
        System.out.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + step);
    }
}
