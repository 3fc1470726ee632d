package io.loopguard.demo.show;

import io.loopguard.demo.cli.DemoOptions;
import io.loopguard.demo.client.NettyHttpClient;
import io.loopguard.demo.load.ConcurrentCallsExperiment;
import io.loopguard.demo.load.LoadResult;
import io.loopguard.demo.load.OpenLoopRun;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole demo in one go: scan the demo's jar, start the server with Loopguard attached, run seed 003's
 * experiment and the open-loop load against each mode, print the tables and Loopguard's findings, attach
 * Loopguard to a server started without it, write the HTML report.
 */
public final class Show {
    private final DemoOptions options;
    private final PrintStream out;

    public Show(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public void run() throws Exception {
        Optional<Path> agent = agentJar();
        Path work = Files.createTempDirectory("loopguard-demo-");
        Path events = work.resolve("loopguard-events.jsonl");
        Path stderr = work.resolve("server.stderr");
        if (agent.isEmpty()) {
            out.println("Loopguard agent jar not found (give it with --agent, or build it: mvn -B -q package -DskipTests);"
                    + " the demo runs without it and has no findings to show.");
        }
        if (agent.isPresent()) {
            BuildTimeScan.run(agent.get(), demoJar(), out);
        }
        List<ConcurrentCallsExperiment.Result> experiment = new ArrayList<>();
        List<LoadResult> load = new ArrayList<>();
        EventLoopGroup clientLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            NettyHttpClient client = new NettyHttpClient(clientLoops);
            try (ServerProcess server = ServerProcess.start(agent.orElse(null), events, stderr, options.serveArguments())) {
                server.loopguardStartLines().forEach(line -> out.println("server: " + line));
                out.printf("server: demo listening on http://127.0.0.1:%d with %d event loop(s), %s backend%n",
                        server.address().getPort(), options.eventLoops(), options.backend());
                out.printf("%nSeed 003: %d requests at once per mode (%.1f s of work each)...%n",
                        options.concurrent(), options.callTime().toMillis() / 1000.0);
                for (String mode : options.modes()) {
                    out.printf("  /%s ...%n", mode);
                    experiment.add(ConcurrentCallsExperiment.run(client, server.address(), mode, options.concurrent(),
                            options.callTime(), options.timeout()));
                }
                out.printf("%nOpen-loop load: %d requests/s for %d s per mode (%d ms of work each; a blocked loop serves at most %d/s)...%n",
                        options.rate(), options.duration().toSeconds(), options.workTime().toMillis(),
                        1000 / Math.max(1, options.workTime().toMillis()) * options.eventLoops());
                OpenLoopRun runner = new OpenLoopRun(client, server.address(), out);
                for (String mode : options.modes()) {
                    load.add(runner.run(mode, options.workTime(), options.rate(), options.healthRate(),
                            options.duration(), options.timeout()));
                }
            }
            Tables.experiment(out, experiment);
            Tables.load(out, load);
            Findings findings = Findings.read(events);
            if (agent.isPresent()) {
                findings.print(out, options.modes());
                out.printf("%n  (Loopguard's events file: %s; its own summary is in %s)%n", events, stderr);
                AttachToRunningServer.run(agent.get(), options, client, work, out);
            }
            HtmlReport.write(options.report(), experiment, load, findings, options.modes());
        } finally {
            clientLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        out.printf("%nReport: %s%n", options.report().toAbsolutePath());
    }

    /** The jar (or class folder) this demo runs from. */
    private static Path demoJar() throws URISyntaxException {
        return Path.of(Show.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }

    /** The agent jar: the option, else next to the demo jar, else where the build puts it. */
    private Optional<Path> agentJar() throws URISyntaxException {
        if (!options.agent().isEmpty()) {
            Path given = Path.of(options.agent());
            if (!Files.isRegularFile(given)) {
                throw new IllegalArgumentException("option --agent: no file at " + given.toAbsolutePath());
            }
            return Optional.of(given);
        }
        Path folder = demoJar().getParent();
        return Stream.of(folder.resolve("loopguard-agent.jar"),
                        folder.resolve("../../agent/target/loopguard-agent.jar").normalize(),
                        Path.of("agent/target/loopguard-agent.jar").toAbsolutePath())
                .filter(Files::isRegularFile).findFirst();
    }
}
