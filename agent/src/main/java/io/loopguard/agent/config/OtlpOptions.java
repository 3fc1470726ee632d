package io.loopguard.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code otlp-endpoint} and {@code otlp-step} options. */
final class OtlpOptions {
    static final Duration DEFAULT_STEP = Duration.ofSeconds(60);
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,6})\\s*(ms|s|m)");
    /** Shorter steps would push more often than a collector is meant to be written to. */
    private static final Duration SHORTEST_STEP = Duration.ofSeconds(1);

    private OtlpOptions() {
    }

    /** An {@code http(s)://host:port[/path]} address, or {@link Options#OFF}. */
    static String endpoint(String value) {
        String text = value.trim();
        if (text.equalsIgnoreCase(Options.OFF)) {
            return Options.OFF;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // Reported below, with what to write instead.
        }
        throw new IllegalArgumentException("'" + value + "' is not an OTLP/HTTP address; write it like"
                + " http://otel-collector:4318, or off");
    }

    static Duration step(String value) {
        Matcher amount = AMOUNT.matcher(value.trim().toLowerCase(Locale.ROOT));
        Duration step = null;
        if (amount.matches()) {
            long number = Long.parseLong(amount.group(1));
            step = switch (amount.group(2)) {
                case "ms" -> Duration.ofMillis(number);
                case "s" -> Duration.ofSeconds(number);
                default -> Duration.ofMinutes(number);
            };
        }
        if (step == null || step.compareTo(SHORTEST_STEP) < 0) {
            throw new IllegalArgumentException("'" + value + "' is not a step of at least 1s; write it like 30s or 1m");
        }
        return step;
    }

    /** The step as {@link #step} reads it back: {@code 30s}, or {@code 1500ms}. */
    static String text(Duration step) {
        return step.toMillis() % 1_000 == 0 ? step.toSeconds() + "s" : step.toMillis() + "ms";
    }
}
