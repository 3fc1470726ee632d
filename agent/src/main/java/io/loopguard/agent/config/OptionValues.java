package io.loopguard.agent.config;

import io.loopguard.agent.accept.AcceptRule;
import io.loopguard.agent.accept.AllowPacks;
import io.loopguard.agent.catalog.Remedy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the kinds of value options take. Each throws {@link IllegalArgumentException} saying what is wrong. */
final class OptionValues {
    /** ASCII digits only: {@link Integer#parseInt} would also take other scripts' digits and a plus sign. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    private OptionValues() {
    }

    /** The value of the option {@code key}; a list may leave out bad entries and name each in {@code leftOut}. */
    static Object parse(String key, String value, Consumer<String> leftOut) {
        return switch (key) {
            case "mode" -> Mode.parse(value);
            case "events", "baseline", "write-baseline", "config" -> path(value);
            case "events-max-size" -> EventsMaxSize.parse(value);
            case "events-follow-symlinks", "common-pool", "pinned", "show-options" -> bool(value);
            case "threads" -> regex(value);
            case "allow" -> rules(value, leftOut);
            case "allow-packs" -> packs(value, leftOut);
            case "accept" -> kinds(value, leftOut);
            case "metrics-port" -> port(value);
            case "metrics-host" -> value;
            case "stall-threshold" -> StallThreshold.parse(value);
            case "lock-wait-threshold" -> LockWaitThreshold.parse(value);
            case "cache" -> cache(value);
            case "otlp-endpoint" -> OtlpOptions.endpoint(value);
            case "otlp-step" -> OtlpOptions.step(value);
            default -> throw new IllegalStateException("no option " + key);
        };
    }

    static Path path(String value) {
        return Path.of(value);
    }

    /** {@code on}, {@code off} or a directory path. */
    static String cache(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("on") || lower.equals("off")) {
            return lower;
        }
        return path(value).toString();
    }

    static Pattern regex(String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + ")");
        }
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is neither true nor false");
        };
    }

    static int port(String value) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a port number; use 1-65535, e.g. 9404");
        }
        long port = Long.parseLong(value);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(port + " is out of range; use 1-65535, e.g. 9404");
        }
        return (int) port;
    }

    /** Keeps the good rules of a {@code ;} or {@code ,} separated list and names each bad one in {@code leftOut}. */
    static List<AcceptRule> rules(String value, Consumer<String> leftOut) {
        return entries(value, leftOut, AcceptRule::parse);
    }

    /** Keeps the known pack names of a {@code ;} or {@code ,} separated list and names each other one in {@code leftOut}. */
    static List<String> packs(String value, Consumer<String> leftOut) {
        return entries(value, leftOut, AllowPacks::name);
    }

    static List<Remedy> kinds(String value, Consumer<String> leftOut) {
        return entries(value, leftOut, entry -> Remedy.ofKind(entry.toLowerCase(Locale.ROOT)));
    }

    /**
     * Keeps the good entries of a {@code ;} or {@code ,} separated list and names each bad one in {@code leftOut}:
     * {@code parse} throws {@link IllegalArgumentException} with a readable reason for those.
     */
    private static <T> List<T> entries(String value, Consumer<String> leftOut, Function<String, T> parse) {
        List<T> entries = new ArrayList<>();
        for (String entry : value.split("[,;]")) {
            if (!entry.isBlank()) {
                try {
                    entries.add(parse.apply(entry.trim()));
                } catch (IllegalArgumentException bad) {
                    leftOut.accept(bad.getMessage() + "; it is left out, the others apply");
                }
            }
        }
        return List.copyOf(entries);
    }
}
