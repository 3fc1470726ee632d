package io.loopguard.agent.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code events-max-size} option: {@code 256MiB}, {@code 512KiB}, {@code 2GiB} or a bare number of bytes. */
final class EventsMaxSize {
    static final long DEFAULT = 256L << 20;
    /** Smaller files would be rotated every few detections. */
    private static final long SMALLEST = 16L << 10;
    /** ASCII digits only. */
    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,12})\\s*(b|kib|mib|gib)?");
    private static final String[] UNITS = {"GiB", "MiB", "KiB"};

    private EventsMaxSize() {
    }

    static long parse(String value) {
        Matcher amount = AMOUNT.matcher(value.toLowerCase(Locale.ROOT));
        if (!amount.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size; write it like 256MiB, 512KiB or 1GiB");
        }
        int shift = switch (amount.group(2) == null ? "b" : amount.group(2)) {
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            default -> 0;
        };
        long number = Long.parseLong(amount.group(1));
        if (number > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException("'" + value + "' is larger than any file can be");
        }
        long bytes = number << shift;
        if (bytes < SMALLEST) {
            throw new IllegalArgumentException("'" + value + "' is smaller than 16KiB, which would rotate the file"
                    + " every few detections");
        }
        return bytes;
    }

    /** The size in the largest unit that divides it: what {@link #parse} reads back. */
    static String text(long bytes) {
        for (int i = 0; i < UNITS.length; i++) {
            int shift = 30 - 10 * i;
            if (bytes % (1L << shift) == 0) {
                return (bytes >> shift) + UNITS[i];
            }
        }
        return String.valueOf(bytes);
    }
}
