package io.loopguard.benchmarks.service;

import io.loopguard.benchmarks.harness.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Service cost: for each {@link Work} and loop count, sets of hello-world servers, one per {@link ServiceVariant},
 * each warmed up until its JIT has settled, then measured by {@code wrk} in interleaved rounds (the variants' order
 * rotating each round), so drift in the machine's load spreads over all of them; each variant's rounds are shared
 * out among several such sets, so that what tells two JVMs of the same build apart is in the spread too. The
 * server's CPU time and context switches per request come from {@code /proc}.
 */
public final class ServiceThroughput {
    /** The loop counts measured; four loops get two wrk threads. */
    public static final List<Integer> LOOPS = List.of(1, 4);
    /** The handlers measured: the cheapest, and one that calls probed JDK methods on every request. */
    private static final List<Work> WORKS = List.of(Work.NOTHING, Work.PROBED_NOT_BLOCKING);

    /** One {@code wrk} run against one server. */
    public record Measurement(String work, int loops, String variant, int round, double requestsPerSecond,
                              double p50Micros, double p99Micros, double p999Micros, double cpuMicrosPerRequest,
                              double contextSwitchesPerRequest) {
    }

    /** The compiler threads' share of one CPU below which a server counts as warmed up. */
    private static final double SETTLED_COMPILER_SHARE = 0.02;

    private final Settings settings;
    private final List<String> warmUps = new ArrayList<>();
    private final String allowOption;
    private final String extraLoopguardOptions;
    private final Path logs;
    private final Consumer<String> progress;

    /** @param extraLoopguardOptions added to every Loopguard variant's options */
    public ServiceThroughput(Settings settings, String extraLoopguardOptions, Path logs, Consumer<String> progress) {
        this.settings = settings;
        this.allowOption = "allow=" + AllowedWork.LOOPGUARD_ALLOW;
        this.extraLoopguardOptions = extraLoopguardOptions;
        this.logs = logs;
        this.progress = progress;
    }

    public static List<String> workLabels() {
        return WORKS.stream().map(Work::label).toList();
    }

    public static List<String> variantLabels() {
        return ServiceVariant.all("").stream().map(ServiceVariant::label).toList();
    }

    public String loopguardOptions() {
        return allowOption + (extraLoopguardOptions.isEmpty() ? "" : "," + extraLoopguardOptions);
    }

    /** How each server's warm-up ended, once {@link #run} has returned. */
    public List<String> warmUps() {
        return warmUps;
    }

    public List<Measurement> run() throws IOException, InterruptedException {
        Wrk wrk = new Wrk(settings.connections(), logs);
        List<Measurement> measurements = new ArrayList<>();
        List<ServiceVariant> variants = ServiceVariant.all(loopguardOptions());
        for (Work work : WORKS) {
            for (int loops : LOOPS) {
                for (int jvm = 0; jvm < settings.serviceJvms(); jvm++) {
                    measureServerSet(work, loops, jvm, variants, wrk, measurements);
                }
            }
        }
        return measurements;
    }

    /**
     * Starts one new server JVM per variant and measures them in interleaved rounds: two JVMs of the same build
     * differ by their JIT's choices and how they are scheduled, so each variant's rounds are shared out among
     * several JVMs, and that difference is part of the spread. {@code jvm} numbers the set; its rounds follow the
     * earlier sets'.
     */
    private void measureServerSet(Work work, int loops, int jvm, List<ServiceVariant> variants, Wrk wrk,
                             List<Measurement> measurements) throws IOException, InterruptedException {
        int wrkThreads = loops == 1 ? 1 : 2;
        String set = settings.serviceJvms() == 1 ? "" : ", JVM " + (jvm + 1) + " of " + settings.serviceJvms();
        Map<ServiceVariant, HelloServerProcess> servers = new LinkedHashMap<>();
        Map<ServiceVariant, Integer> metricsPorts = new LinkedHashMap<>();
        try {
            for (ServiceVariant variant : variants) {
                String options = variant.loopguardOptions();
                if (variant.scrapeMetrics()) {
                    metricsPorts.put(variant, freePort());
                    options += metricsPorts.get(variant);
                }
                progress.accept("service: " + work.label() + ", " + loops + " loop(s), " + variant.label() + set
                        + ": warming up until its JIT settles");
                HelloServerProcess server = HelloServerProcess.start(work, loops, variant.agent(), options,
                        logs.resolve("server-" + work.name().toLowerCase() + "-" + loops + "-"
                                + variant.label().replaceAll("\\W", "") + "-" + (jvm + 1) + ".log"));
                servers.put(variant, server);
                // scraped while warming up too, so that the scrapes' code is compiled before the rounds
                Scraper scraper = variant.scrapeMetrics() ? Scraper.start(metricsPorts.get(variant)) : null;
                warmUps.add(work.label() + ", " + loops + " loop(s), " + variant.label() + set + ": "
                        + warmUp(wrk, server, wrkThreads));
                if (scraper != null) {
                    scraper.stop();
                }
            }
            int rounds = settings.serviceRoundsPerJvm();
            for (int round = jvm * rounds; round < (jvm + 1) * rounds; round++) {
                for (int i = 0; i < variants.size(); i++) {
                    ServiceVariant variant = variants.get((i + round) % variants.size());
                    HelloServerProcess server = servers.get(variant);
                    progress.accept("service: " + work.label() + ", " + loops + " loop(s), " + variant.label()
                            + ", round " + (round + 1) + " of " + rounds * settings.serviceJvms());
                    Scraper scraper = variant.scrapeMetrics() ? Scraper.start(metricsPorts.get(variant)) : null;
                    long cpuBefore = server.cpuTime().toNanos();
                    long switchesBefore = server.contextSwitches();
                    Wrk.Result result = wrk.run(server.port(), wrkThreads, settings.serviceSeconds());
                    long cpuNanos = server.cpuTime().toNanos() - cpuBefore;
                    long switches = server.contextSwitches() - switchesBefore;
                    if (scraper != null) {
                        scraper.stop();
                    }
                    measurements.add(new Measurement(work.label(), loops, variant.label(), round,
                            result.requestsPerSecond(), result.p50Micros(), result.p99Micros(),
                            result.p999Micros(), cpuNanos / 1_000.0 / result.requests(),
                            (double) switches / result.requests()));
                }
            }
        } finally {
            for (HelloServerProcess server : servers.values()) {
                server.close();
            }
        }
    }

    /**
     * Loads a new server until its JIT compiler has settled: at least the warm-up the settings give, then
     * windows of one round's length until the compiler threads use at most {@link #SETTLED_COMPILER_SHARE}
     * of one. A server still compiling answers slower now and then for reasons of its own, and servers
     * started earlier would be favoured. Returns how the warm-up ended, for the report.
     */
    private String warmUp(Wrk wrk, HelloServerProcess server, int wrkThreads) throws IOException, InterruptedException {
        long start = System.nanoTime();
        // the longest warm-up: a server whose JIT never settles is measured anyway, and the report says so
        Duration limit = Duration.ofSeconds(settings.serviceWarmupLimitSeconds());
        wrk.run(server.port(), wrkThreads, settings.serviceWarmupSeconds());
        Duration window = Duration.ofSeconds(settings.serviceSeconds());
        Duration compiling = Duration.ZERO;
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(limit) < 0) {
            Duration before = server.compilerCpuTime();
            wrk.run(server.port(), wrkThreads, settings.serviceSeconds());
            compiling = server.compilerCpuTime().minus(before);
            if (compiling.toNanos() <= window.toNanos() * SETTLED_COMPILER_SHARE) {
                return Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s, compiler threads "
                        + compiling.toMillis() + " ms in the last " + window.toSeconds() + " s";
            }
        }
        return "not settled after " + limit.toSeconds() + " s: compiler threads still used " + compiling.toMillis()
                + " ms in the last " + window.toSeconds() + " s";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Fetches Loopguard's Prometheus endpoint once a second, as a monitoring system would. */
    private static final class Scraper {
        private final Thread thread;
        private volatile boolean stopped;

        private Scraper(int port) {
            this.thread = new Thread(() -> {
                while (!stopped) {
                    try (InputStream in = URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openStream()) {
                        in.readAllBytes();
                        Thread.sleep(1_000);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "metrics-scraper");
            thread.setDaemon(true);
        }

        static Scraper start(int port) {
            Scraper scraper = new Scraper(port);
            scraper.thread.start();
            return scraper;
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.interrupt();
            thread.join();
        }
    }
}
