package io.loopguard.agent.config;

import io.loopguard.agent.accept.AcceptRule;
import io.loopguard.agent.catalog.Remedy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The agent's options, already checked. {@link KnownOptions} declares each; {@link OptionsParser} reads them.
 *
 * @param events         the JSON Lines file every detection is appended to, or {@code null}
 * @param eventsMaxSize  the size in bytes at which the events file is renamed to {@code <events>.1} and a new one started
 * @param eventsFollowSymlinks whether an {@code events} path that is a symbolic link is followed (refused otherwise)
 * @param threads        names of threads that must never block (whole-name match), or {@code null}
 * @param allow          rules that accept blocking calls, matched against the stack of each
 * @param allowPacks     the curated packs of rules for well-known libraries that apply
 * @param baseline       the file of known findings, counted but not shown, or {@code null}
 * @param writeBaseline  the file every finding of the run is recorded in at exit, or {@code null}
 * @param accept         kinds of operation accepted everywhere: not probed
 * @param commonPool     whether the workers of {@code ForkJoinPool.commonPool()} must never block
 * @param metricsPort    the port the Prometheus endpoint listens on, or {@code 0} for none
 * @param metricsHost    the address the Prometheus endpoint listens on (loopback unless the user widens it)
 * @param stallThreshold how long one event-loop task may run before it is reported as a stall, or
 *                       {@code null} ({@code off}) for no stall reports
 * @param lockWaitThreshold how long a thread must have waited for a lock or semaphore for that to be reported
 * @param pinned         whether virtual threads that block while pinned to their carrier are reported (JDK 21+)
 * @param cache          {@code on}, {@code off} or the directory where rewritten classes are kept between runs
 * @param config         the properties file further options were read from, or {@code null}
 * @param showOptions    whether start-up prints where each given option came from
 * @param otlpEndpoint   the OpenTelemetry collector's OTLP/HTTP address ({@code http://host:4318}), {@link #OFF} to
 *                       export nothing even if {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, or {@code null} if not given
 * @param otlpStep       how often the meters are pushed over OTLP
 */
public record Options(Mode mode, Path events, long eventsMaxSize, boolean eventsFollowSymlinks, Pattern threads,
                      List<AcceptRule> allow, List<String> allowPacks, Path baseline,
                      Path writeBaseline, List<Remedy> accept, boolean commonPool, int metricsPort, String metricsHost,
                      Duration stallThreshold, Duration lockWaitThreshold, boolean pinned, String cache, Path config, boolean showOptions,
                      String otlpEndpoint, Duration otlpStep) {

    public static final String OFF = "off";
    public static final Options DEFAULTS = new Builder().build();

    /**
     * The options that differ from the defaults as an agent argument, {@code mode=strict,events=/tmp/x.jsonl},
     * which parses back to the same options.
     */
    @Override
    public String toString() {
        List<String> given = new ArrayList<>();
        for (Option<?> option : KnownOptions.ALL) {
            String value = option.text(this);
            if (value != null && !value.equals(option.text(DEFAULTS))) {
                given.add(option.key() + "=" + value);
            }
        }
        return String.join(",", given);
    }

    /** The value of the option {@code key} as {@code key=value} text, or {@code null} for none. */
    String text(String key) {
        return switch (key) {
            case "mode" -> mode.toString();
            case "events" -> text(events);
            case "events-max-size" -> EventsMaxSize.text(eventsMaxSize);
            case "events-follow-symlinks" -> String.valueOf(eventsFollowSymlinks);
            case "threads" -> threads == null ? null : threads.pattern();
            case "allow" -> allow.isEmpty() ? null : joined(allow, ";");
            case "allow-packs" -> allowPacks.isEmpty() ? null : String.join(",", allowPacks);
            case "baseline" -> text(baseline);
            case "write-baseline" -> text(writeBaseline);
            case "accept" -> accept.isEmpty() ? null : kinds(accept);
            case "common-pool" -> String.valueOf(commonPool);
            case "metrics-port" -> metricsPort == 0 ? null : String.valueOf(metricsPort);
            case "metrics-host" -> metricsHost;
            case "stall-threshold" -> stallThreshold == null ? "off" : stallThreshold.toMillis() + "ms";
            case "lock-wait-threshold" -> lockWaitThreshold.toMillis() + "ms";
            case "pinned" -> String.valueOf(pinned);
            case "cache" -> cache;
            case "config" -> text(config);
            case "show-options" -> String.valueOf(showOptions);
            case "otlp-endpoint" -> otlpEndpoint;
            case "otlp-step" -> OtlpOptions.text(otlpStep);
            default -> throw new IllegalStateException("no option " + key);
        };
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }

    private static String joined(List<?> values, String separator) {
        StringJoiner joined = new StringJoiner(separator);
        for (Object value : values) {
            joined.add(value.toString());
        }
        return joined.toString();
    }

    private static String kinds(List<Remedy> remedies) {
        StringJoiner kinds = new StringJoiner(";");
        for (Remedy remedy : remedies) {
            kinds.add(remedy.kind());
        }
        return kinds.toString();
    }

    /** Collects options while they are parsed, starting from the defaults: one field per option. */
    static final class Builder {
        Mode mode;
        Path events;
        long eventsMaxSize;
        boolean eventsFollowSymlinks;
        Pattern threads;
        List<AcceptRule> allow;
        List<String> allowPacks;
        Path baseline;
        Path writeBaseline;
        List<Remedy> accept;
        boolean commonPool;
        int metricsPort;
        String metricsHost;
        Duration stallThreshold;
        Duration lockWaitThreshold;
        boolean pinned;
        String cache;
        Path config;
        boolean showOptions;
        String otlpEndpoint;
        Duration otlpStep;

        Builder() {
            for (Option<?> option : KnownOptions.ALL) {
                option.setDefault(this);
            }
        }

        /** Stores {@code value}, of the type the option {@code key} takes. */
        @SuppressWarnings("unchecked")
        void set(String key, Object value) {
            switch (key) {
                case "mode" -> mode = (Mode) value;
                case "events" -> events = (Path) value;
                case "events-max-size" -> eventsMaxSize = (Long) value;
                case "events-follow-symlinks" -> eventsFollowSymlinks = (Boolean) value;
                case "threads" -> threads = (Pattern) value;
                case "allow" -> allow = (List<AcceptRule>) value;
                case "allow-packs" -> allowPacks = (List<String>) value;
                case "baseline" -> baseline = (Path) value;
                case "write-baseline" -> writeBaseline = (Path) value;
                case "accept" -> accept = (List<Remedy>) value;
                case "common-pool" -> commonPool = (Boolean) value;
                case "metrics-port" -> metricsPort = (Integer) value;
                case "metrics-host" -> metricsHost = (String) value;
                case "stall-threshold" -> stallThreshold = (Duration) value;
                case "lock-wait-threshold" -> lockWaitThreshold = (Duration) value;
                case "pinned" -> pinned = (Boolean) value;
                case "cache" -> cache = (String) value;
                case "config" -> config = (Path) value;
                case "show-options" -> showOptions = (Boolean) value;
                case "otlp-endpoint" -> otlpEndpoint = (String) value;
                case "otlp-step" -> otlpStep = (Duration) value;
                default -> throw new IllegalStateException("no option " + key);
            }
        }

        Options build() {
            return new Options(mode, events, eventsMaxSize, eventsFollowSymlinks, threads, allow, allowPacks, baseline,
                    writeBaseline, accept, commonPool, metricsPort,
                    metricsHost, stallThreshold, lockWaitThreshold, pinned, cache, config, showOptions, otlpEndpoint, otlpStep);
        }
    }
}
