package io.loopguard.agent.config;

import io.loopguard.agent.threads.MethodRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads options from the agent argument ({@code -javaagent:loopguard-agent.jar=mode=strict,events=x.jsonl})
 * and from system properties ({@code -Dloopguard.mode=strict}), which win.
 *
 * <p>A bad option never stops the application: it is reported as one line naming the option and the
 * problem, and its default is kept.
 */
public final class OptionsParser {
    private static final String PROPERTY_PREFIX = "loopguard.";
    /** Splits on commas that start a new {@code key=}, so regexes and lists may contain commas. */
    private static final Pattern OPTION_SEPARATOR = Pattern.compile(",(?=\\s*[a-z][a-z-]*\\s*=)");

    private final Consumer<String> problems;

    /** @param problems receives one readable sentence per bad option */
    public OptionsParser(Consumer<String> problems) {
        this.problems = problems;
    }

    public Options parse(String agentArgument, Properties systemProperties) {
        Map<String, String> given = new LinkedHashMap<>();
        if (agentArgument != null && !agentArgument.isBlank()) {
            for (String pair : OPTION_SEPARATOR.split(agentArgument.trim())) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    problems.accept("agent option '" + pair.trim() + "' has no value; write it as key=value");
                    continue;
                }
                given.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                given.put(name.substring(PROPERTY_PREFIX.length()), systemProperties.getProperty(name));
            }
        }
        Options.Builder options = new Options.Builder();
        for (Map.Entry<String, String> option : given.entrySet()) {
            try {
                apply(options, option.getKey(), option.getValue());
            } catch (IllegalArgumentException problem) {
                problems.accept("option " + option.getKey() + ": " + problem.getMessage());
            }
        }
        return options.build();
    }

    private static void apply(Options.Builder options, String key, String value) {
        switch (key) {
            case "mode" -> options.mode = Mode.parse(value);
            case "events" -> options.events = path(value);
            case "events-max-size" -> options.eventsMaxSize = EventsMaxSize.parse(value);
            case "events-follow-symlinks" -> options.eventsFollowSymlinks = bool(value, "symbolic links are not followed");
            case "threads" -> options.threads = regex(value);
            case "allow" -> options.allow = methods(value);
            case "common-pool" -> options.commonPool = bool(value, "the common pool's workers are not designated");
            case "metrics-port" -> options.metricsPort = port(value);
            case "metrics-host" -> options.metricsHost = host(value);
            case "stall-threshold" -> options.stallThreshold = StallThreshold.parse(value);
            default -> throw new IllegalArgumentException("is not a Loopguard option (known: mode, events, events-max-size,"
                    + " events-follow-symlinks, threads, allow, common-pool, metrics-port, metrics-host, stall-threshold); it is ignored");
        }
    }

    private static Path path(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("needs a file path");
        }
        return Path.of(value);
    }

    private static String host(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("needs a host name or IP address; metrics stay on 127.0.0.1");
        }
        return value;
    }

    private static Pattern regex(String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + "); no thread is designated by name");
        }
    }

    private static boolean bool(String value, String otherwise) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is neither true nor false; " + otherwise);
        };
    }

    private static int port(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a port number; use 1-65535, e.g. 9404;"
                    + " Prometheus metrics are not served");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(port + " is out of range; use 1-65535, e.g. 9404;"
                    + " Prometheus metrics are not served");
        }
        return port;
    }

    private static List<MethodRef> methods(String value) {
        List<MethodRef> methods = new ArrayList<>();
        for (String entry : value.split("[,;]")) {
            if (!entry.isBlank()) {
                methods.add(MethodRef.parse(entry.trim()));
            }
        }
        return methods;
    }
}
