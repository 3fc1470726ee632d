package io.loopguard.demo;

import io.loopguard.demo.backend.LegacyBackend;
import io.loopguard.demo.backend.PostgresBackend;
import io.loopguard.demo.backend.SlowBackend;
import io.loopguard.demo.cli.DemoOptions;
import io.loopguard.demo.client.NettyHttpClient;
import io.loopguard.demo.load.ConcurrentCallsExperiment;
import io.loopguard.demo.load.LoadResult;
import io.loopguard.demo.load.OpenLoopRun;
import io.loopguard.demo.server.DemoServer;
import io.loopguard.demo.show.Findings;
import io.loopguard.demo.show.HtmlReport;
import io.loopguard.demo.show.Show;
import io.loopguard.demo.show.Tables;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The demo's command line: {@code show} (the default), {@code serve}, {@code experiment}, {@code load}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            help();
            return;
        }
        try {
            DemoOptions options = DemoOptions.parse(args);
            switch (options.command()) {
                case "serve" -> serve(options);
                case "experiment" -> drive(options, true, false);
                case "load" -> drive(options, false, true);
                default -> new Show(options, System.out).run();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("loopguard-demo: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    private static void serve(DemoOptions options) throws Exception {
        SlowBackend backend = options.backend().equals("postgres")
                ? new PostgresBackend(options.postgresUrl(), options.workers() + 2)
                : new LegacyBackend();
        String[] redis = options.redis().split(":");
        DemoServer server = new DemoServer(options.port(), options.eventLoops(), options.workers(), options.queue(),
                backend, redis[0], Integer.parseInt(redis[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            backend.close();
            stopped.countDown();
        }, "demo-shutdown"));
        System.out.printf("listening on http://127.0.0.1:%d (%d event loop(s); backend: %s)%n",
                server.address().getPort(), options.eventLoops(), backend.describe());
        System.out.println("try: /health  /blocking/work?ms=500  /offload/work?ms=500  /async/work?ms=500  /async/stream?channel=demo");
        System.out.flush();
        stopped.await();
    }

    /** Runs the experiment or the load against a server that is already running ({@code --target}). */
    private static void drive(DemoOptions options, boolean experiment, boolean load) throws Exception {
        if (options.target().isEmpty()) {
            throw new IllegalArgumentException("this command needs --target http://127.0.0.1:PORT of a running demo server (start one with: serve)");
        }
        URI target = URI.create(options.target());
        InetSocketAddress server = new InetSocketAddress(target.getHost(), target.getPort());
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            NettyHttpClient client = new NettyHttpClient(loops);
            List<ConcurrentCallsExperiment.Result> results = new ArrayList<>();
            List<LoadResult> loadResults = new ArrayList<>();
            for (String mode : options.modes()) {
                if (experiment) {
                    results.add(ConcurrentCallsExperiment.run(client, server, mode, options.concurrent(),
                            options.callTime(), options.timeout()));
                }
                if (load) {
                    loadResults.add(new OpenLoopRun(client, server, System.out).run(mode, options.workTime(), options.rate(),
                            options.healthRate(), options.duration(), options.timeout()));
                }
            }
            Tables.experiment(System.out, results);
            Tables.load(System.out, loadResults);
            if (load) {
                HtmlReport.write(options.report(), results, loadResults, new Findings(List.of()), options.modes());
                System.out.printf("%nReport: %s%n", options.report().toAbsolutePath());
            }
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static void help() {
        System.out.println("""
                Loopguard demo: a Netty HTTP service that serves the same slow call three ways — on the event loop
                (/blocking), on a bounded worker pool (/offload), and without waiting (/async) — and measures what
                that does to latency, with the Loopguard agent pointing at the blocking line.

                usage: java -jar loopguard-demo.jar [command] [--option value ...]

                commands:
                  show        (the default) start the server in a JVM of its own with the Loopguard agent attached,
                              run the concurrent-requests experiment and the open-loop load against every mode,
                              print the tables and Loopguard's findings, write the HTML report, exit
                  serve       only run the server, until stopped (Ctrl-C)
                  experiment  send --concurrent requests at once to each mode of a running server (--target)
                  load        open-loop load against each mode of a running server (--target), and the report

                options (default in brackets):""");
        for (DemoOptions.Option option : DemoOptions.OPTIONS) {
            System.out.printf("  --%-12s %s [%s]%n", option.name(), option.help(), option.defaultValue());
        }
        System.out.println("""

                endpoints: /health, /<mode>/work?ms=N, /<mode>/stream?channel=C&messages=N (a Redis channel as
                server-sent events), for mode = blocking, offload, async.""");
    }
}
