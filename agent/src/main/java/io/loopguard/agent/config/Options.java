package io.loopguard.agent.config;

import io.loopguard.agent.threads.MethodRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent's options, already checked. See {@link OptionsParser} for how they are given.
 *
 * @param events         the JSON Lines file every detection is appended to, or {@code null}
 * @param eventsMaxSize  the size in bytes at which the events file is renamed to {@code <events>.1} and a new one started
 * @param eventsFollowSymlinks whether an {@code events} path that is a symbolic link is followed (refused otherwise)
 * @param threads        names of threads that must never block (whole-name match), or {@code null}
 * @param allow          methods inside which blocking is accepted
 * @param commonPool     whether the workers of {@code ForkJoinPool.commonPool()} must never block
 * @param metricsPort    the port the Prometheus endpoint listens on, or {@code 0} for none
 * @param metricsHost    the address the Prometheus endpoint listens on (loopback unless the user widens it)
 * @param stallThreshold how long one event-loop task may run before it is reported as a stall, or
 *                       {@code null} ({@code off}) for no stall reports
 */
public record Options(Mode mode, Path events, long eventsMaxSize, boolean eventsFollowSymlinks, Pattern threads, List<MethodRef> allow, boolean commonPool,
                      int metricsPort, String metricsHost, Duration stallThreshold) {

    public static final Duration DEFAULT_STALL_THRESHOLD = Duration.ofMillis(100);
    public static final Options DEFAULTS = new Builder().build();

    /** Collects options while they are parsed, starting from the defaults: one field per option. */
    static final class Builder {
        Mode mode = Mode.REPORT;
        Path events;
        long eventsMaxSize = EventsMaxSize.DEFAULT;
        boolean eventsFollowSymlinks;
        Pattern threads;
        List<MethodRef> allow = List.of();
        boolean commonPool;
        int metricsPort;
        String metricsHost = "127.0.0.1";
        Duration stallThreshold = DEFAULT_STALL_THRESHOLD;

        Options build() {
            return new Options(mode, events, eventsMaxSize, eventsFollowSymlinks, threads, allow, commonPool, metricsPort, metricsHost, stallThreshold);
        }
    }
}
