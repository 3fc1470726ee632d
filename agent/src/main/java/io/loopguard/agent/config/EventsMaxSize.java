package io.loopguard.agent.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code events-max-size} option: {@code 256MiB}, {@code 512KiB}, {@code 2GiB} or a bare number of bytes. */
final class EventsMaxSize {
    static final long DEFAULT = 256L << 20;
    /** Smaller files would rotate every few detections. */
    private static final long SMALLEST = 16L << 10;
    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,12})\\s*(b|kib|mib|gib)?");

    private EventsMaxSize() {
    }

    static long parse(String value) {
        Matcher amount = AMOUNT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!amount.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size; write it like 256MiB, 512KiB or 1GiB;"
                    + " the default 256MiB is kept");
        }
        int shift = switch (amount.group(2) == null ? "b" : amount.group(2)) {
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            default -> 0;
        };
        long bytes = Long.parseLong(amount.group(1)) << shift;
        if (bytes < SMALLEST) {
            throw new IllegalArgumentException("'" + value + "' is smaller than 16KiB, which would rotate the file"
                    + " every few detections; the default 256MiB is kept");
        }
        return bytes;
    }
}
