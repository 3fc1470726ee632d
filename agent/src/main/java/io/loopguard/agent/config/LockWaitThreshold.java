package io.loopguard.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code lock-wait-threshold} option: {@code 5ms}, {@code 1s}, a bare number of milliseconds. */
final class LockWaitThreshold {
    /** Longer than a lock held for a moment (a log appender's queue, a map's segment), far below a stall. */
    static final Duration DEFAULT = Duration.ofMillis(5);
    /** {@code \d} is ASCII digits only, as it should be. */
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})\\s*(ms|s)?");

    private LockWaitThreshold() {
    }

    static Duration parse(String value) {
        Matcher amount = AMOUNT.matcher(value.toLowerCase(Locale.ROOT));
        if (!amount.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration; write it like 5ms or 1s"
                    + " (0 reports every wait for a lock)");
        }
        long number = Long.parseLong(amount.group(1));
        return "s".equals(amount.group(2)) ? Duration.ofSeconds(number) : Duration.ofMillis(number);
    }
}
