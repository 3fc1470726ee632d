package io.loopguard.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code stall-threshold} option: {@code 250ms}, {@code 2s}, a bare number of milliseconds, or {@code off}. */
final class StallThreshold {
    static final Duration DEFAULT = Duration.ofMillis(100);
    /** {@code \d} is ASCII digits only, as it should be. */
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})\\s*(ms|s)?");
    /** Shorter tasks cannot be told apart from the watchdog's own 10 ms sampling period. */
    private static final Duration SMALLEST = Duration.ofMillis(20);

    private StallThreshold() {
    }

    /** Returns {@code null} for {@code off}. */
    static Duration parse(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        if (text.equals("off")) {
            return null;
        }
        Matcher amount = AMOUNT.matcher(text);
        if (!amount.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration; write it like 100ms or 2s,"
                    + " or off to turn stall reports off");
        }
        long number = Long.parseLong(amount.group(1));
        Duration threshold = "s".equals(amount.group(2)) ? Duration.ofSeconds(number) : Duration.ofMillis(number);
        if (threshold.compareTo(SMALLEST) < 0) {
            throw new IllegalArgumentException("'" + value + "' is shorter than the smallest stall Loopguard can"
                    + " measure (" + SMALLEST.toMillis() + "ms)");
        }
        return threshold;
    }
}
