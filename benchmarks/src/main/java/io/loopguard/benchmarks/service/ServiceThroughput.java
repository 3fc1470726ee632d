package io.loopguard.benchmarks.service;

import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Service throughput: for each {@link Work}, one hello-world server per agent, each warmed up, then
 * measured by {@code wrk} in interleaved rounds (the agents' order rotating each round), so drift in the
 * machine's load spreads over all of them.
 */
public final class ServiceThroughput {

    /** One {@code wrk} run against one server. */
    public record Measurement(String work, Agent agent, int round, double requestsPerSecond, double p99Micros,
                              double cpuMicrosPerRequest) {
    }

    private final Settings settings;
    private final String loopguardOptions;
    private final Path logs;
    private final Consumer<String> progress;

    /**
     * @param extraLoopguardOptions appended to the {@code allow} option the allowed-method variant needs
     */
    public ServiceThroughput(Settings settings, String extraLoopguardOptions, Path logs, Consumer<String> progress) {
        this.settings = settings;
        this.loopguardOptions = "allow=" + AllowedWork.LOOPGUARD_ALLOW
                + (extraLoopguardOptions.isEmpty() ? "" : "," + extraLoopguardOptions);
        this.logs = logs;
        this.progress = progress;
    }

    public static List<String> workLabels() {
        return List.of(Work.values()).stream().map(Work::label).toList();
    }

    public String loopguardOptions() {
        return loopguardOptions;
    }

    public List<Measurement> run() throws IOException, InterruptedException {
        Wrk wrk = new Wrk(settings.connections());
        List<Measurement> measurements = new ArrayList<>();
        for (Work work : Work.values()) {
            Map<Agent, HelloServerProcess> servers = new EnumMap<>(Agent.class);
            try {
                for (Agent agent : Agent.values()) {
                    HelloServerProcess server = HelloServerProcess.start(work, agent, loopguardOptions,
                            logs.resolve("server-" + work.name().toLowerCase() + "-" + agent.argument() + ".log"));
                    servers.put(agent, server);
                    wrk.run(server.port(), settings.serviceWarmupSeconds());
                }
                for (int round = 0; round < settings.serviceRounds(); round++) {
                    for (Agent agent : rotated(round)) {
                        HelloServerProcess server = servers.get(agent);
                        progress.accept("service: " + work.label() + ", " + agent.label() + ", round " + (round + 1)
                                + " of " + settings.serviceRounds());
                        long cpuBefore = server.cpuTime().toNanos();
                        Wrk.Result result = wrk.run(server.port(), settings.serviceSeconds());
                        long cpuNanos = server.cpuTime().toNanos() - cpuBefore;
                        measurements.add(new Measurement(work.label(), agent, round, result.requestsPerSecond(),
                                result.p99Micros(), cpuNanos / 1_000.0 / result.requests()));
                    }
                }
            } finally {
                for (HelloServerProcess server : servers.values()) {
                    server.close();
                }
            }
        }
        return measurements;
    }

    private static List<Agent> rotated(int round) {
        Agent[] agents = Agent.values();
        List<Agent> order = new ArrayList<>();
        for (int i = 0; i < agents.length; i++) {
            order.add(agents[(i + round) % agents.length]);
        }
        return order;
    }
}
