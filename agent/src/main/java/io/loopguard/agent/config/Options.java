package io.loopguard.agent.config;

import io.loopguard.agent.threads.MethodRef;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent's options, already checked. See {@link OptionsParser} for how they are given.
 *
 * @param events  the JSON Lines file every detection is appended to, or {@code null}
 * @param threads names of threads that must never block (whole-name match), or {@code null}
 * @param allow   methods inside which blocking is accepted
 * @param metricsPort the port the Prometheus endpoint listens on, or {@code 0} for none
 * @param metricsHost the address the Prometheus endpoint listens on (loopback unless the user widens it)
 */
public record Options(Mode mode, Path events, Pattern threads, List<MethodRef> allow, int metricsPort,
                      String metricsHost) {

    public static final Options DEFAULTS = new Options(Mode.REPORT, null, null, List.of(), 0, "127.0.0.1");

    Options withMode(Mode value) {
        return new Options(value, events, threads, allow, metricsPort, metricsHost);
    }

    Options withEvents(Path value) {
        return new Options(mode, value, threads, allow, metricsPort, metricsHost);
    }

    Options withThreads(Pattern value) {
        return new Options(mode, events, value, allow, metricsPort, metricsHost);
    }

    Options withAllow(List<MethodRef> value) {
        return new Options(mode, events, threads, value, metricsPort, metricsHost);
    }

    Options withMetricsPort(int value) {
        return new Options(mode, events, threads, allow, value, metricsHost);
    }

    Options withMetricsHost(String value) {
        return new Options(mode, events, threads, allow, metricsPort, value);
    }
}
