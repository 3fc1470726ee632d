package io.loopguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated agent arguments, in process: whatever the string, the parser returns options without throwing or
 * hanging, and every problem is exactly one line that names the option it is about.
 */
class OptionsParserPropertyTest {
    /** Read a file or print a line per option: not what this test is about. */
    private static final List<String> NOT_GENERATED = List.of("config", "show-options");
    private static final List<String> KEYS = KnownOptions.ALL.stream().map(Option::key)
            .filter(key -> !NOT_GENERATED.contains(key)).toList();

    /** One {@code key=value} of the argument, and whether its value is one the option accepts. */
    record Entry(String key, String value, Validity validity) {
        String text() {
            return value == null ? key : key + "=" + value;
        }
    }

    enum Validity { VALID, INVALID, UNKNOWN_KEY, NO_VALUE }

    @Property(tries = 10_000)
    void everyProblemIsOneLineNamingItsOption(@ForAll("arguments") List<Entry> entries) {
        String argument = entries.stream().map(Entry::text).collect(Collectors.joining(","));
        List<String> lines = new ArrayList<>();
        Options options = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new OptionsParser(lines::add).parse(argument, new Properties(), Map.of()), argument);
        assertNotNull(options, argument);
        for (String line : lines) {
            assertFalse(line.isBlank() || line.contains("\n") || line.contains("\r"), "one line: " + line);
            assertTrue(line.startsWith("option ") || line.startsWith("agent option '"), line);
        }
        for (Entry entry : entries) {
            String key = entry.key().trim().toLowerCase(Locale.ROOT);
            long sameKey = entries.stream().filter(e -> e.key().trim().equalsIgnoreCase(key)).count();
            long naming = lines.stream().filter(line -> names(line, entry)).count();
            switch (entry.validity()) {
                case VALID -> {
                    if (sameKey == 1 && !needsAnother(key, entries)) {
                        assertEquals(0, naming, "a good option gets no line: " + argument + "\n" + lines);
                    }
                }
                case INVALID, UNKNOWN_KEY -> {
                    if (sameKey == 1) {
                        assertEquals(1, naming, "one line for a bad option: " + argument + "\n" + lines);
                    }
                }
                case NO_VALUE -> assertTrue(naming >= 1, "a pair without a value is named: " + argument + "\n" + lines);
            }
        }
    }

    /**
     * Up to six options; a word without {@code =} only first, since after a comma it is (by design) part of the
     * value before it, as in {@code threads=a,b}.
     */
    @Provide
    Arbitrary<List<Entry>> arguments() {
        return Combinators.combine(noValue().optional(), Arbitraries.oneOf(valid(), invalid(), unknownKey())
                .list().ofMaxSize(6)).as((first, rest) -> {
                    List<Entry> all = new ArrayList<>();
                    first.ifPresent(all::add);
                    all.addAll(rest);
                    return all;
                });
    }

    private static boolean names(String line, Entry entry) {
        String key = entry.key().trim();
        return entry.validity() == Validity.NO_VALUE ? line.startsWith("agent option '" + key + "'")
                : line.toLowerCase(Locale.ROOT).startsWith("option " + key.toLowerCase(Locale.ROOT) + ":");
    }

    /** {@code metrics-host} says it has no effect unless {@code metrics-port} is given too, once, and valid. */
    private static boolean needsAnother(String key, List<Entry> entries) {
        List<Entry> ports = entries.stream().filter(e -> e.key().trim().equalsIgnoreCase("metrics-port")).toList();
        return key.equals("metrics-host") && !(ports.size() == 1 && ports.get(0).validity() == Validity.VALID);
    }

    private static Arbitrary<Entry> valid() {
        return knownKeyInAnyCase().flatMap(key -> validValues(key.trim().toLowerCase(Locale.ROOT))
                .map(value -> new Entry(key, value, Validity.VALID)));
    }

    private static Arbitrary<Entry> invalid() {
        return knownKeyInAnyCase().flatMap(key -> invalidValues(key.trim().toLowerCase(Locale.ROOT))
                .map(value -> new Entry(key, value, Validity.INVALID)));
    }

    private static Arbitrary<Entry> unknownKey() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(12)
                .filter(key -> Character.isLetter(key.charAt(0)) && KnownOptions.named(key) == null)
                .flatMap(key -> anyValue().map(value -> new Entry(key, value, Validity.UNKNOWN_KEY)));
    }

    private static Arbitrary<Entry> noValue() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .map(word -> new Entry(word, null, Validity.NO_VALUE));
    }

    private static Arbitrary<String> knownKeyInAnyCase() {
        return Arbitraries.of(KEYS).flatMap(key -> Arbitraries.of(key, key.toUpperCase(Locale.ROOT),
                Character.toUpperCase(key.charAt(0)) + key.substring(1), " " + key + " "));
    }

    private static Arbitrary<String> validValues(String key) {
        return switch (key) {
            case "mode" -> Arbitraries.of("report", "strict", "off", "STRICT", " report ");
            case "events" -> Arbitraries.of("/tmp/loopguard-events.jsonl", "events.jsonl", "a b/c.jsonl");
            case "events-max-size" -> Arbitraries.of("256MiB", "16KiB", "1GiB", "20000", "64 kib");
            case "events-follow-symlinks", "common-pool", "pinned" -> Arbitraries.of("true", "false", "TRUE", " false ");
            case "threads" -> Arbitraries.of("loop-\\d+", "main", "a|b", ".*-loop");
            case "allow" -> Arbitraries.of("com.acme.Cache#load", "a.B#c;d.E#f", "org.slf4j.**",
                    "java.io.FileInputStream.read@com.acme.*Config#<init> on loop-*", "*Cache#load*");
            case "allow-packs" -> Arbitraries.of("logback", "log4j2,jul", " jul ");
            case "baseline", "write-baseline" -> Arbitraries.of("loopguard-baseline.txt", "/tmp/known findings.txt");
            case "accept" -> Arbitraries.of("file-metadata", "file-metadata;select", "sleep");
            case "metrics-port" -> Arbitraries.integers().between(1, 65_535).map(String::valueOf);
            case "metrics-host" -> Arbitraries.of("127.0.0.1", "localhost", "0.0.0.0", "::1");
            case "stall-threshold" -> Arbitraries.of("100ms", "2s", "250", "off", "20ms");
            case "lock-wait-threshold" -> Arbitraries.of("5ms", "0", "1s", "20 ms", "250");
            case "otlp-endpoint" -> Arbitraries.of("http://127.0.0.1:4318", "https://collector.example:4318", "off");
            case "otlp-step" -> Arbitraries.of("1s", "30s", "1m", "1500ms");
            case "cache" -> Arbitraries.of("on", "off", "OFF", "/tmp/loopguard-cache", "cache dir");
            default -> throw new IllegalArgumentException("no valid values for " + key + ": add them here");
        };
    }

    private static Arbitrary<String> invalidValues(String key) {
        Arbitrary<String> everywhere = Arbitraries.of("", "   ");
        Arbitrary<String> own = switch (key) {
            case "mode" -> Arbitraries.of("sometimes", "reports", "0", "strict\nnow", "re\rport");
            case "events" -> Arbitraries.of(" ");
            case "events-max-size" -> Arbitraries.of("1", "lots", "-5MiB", "256MB", "١٩٤٠٦", "99999999999999GiB");
            case "events-follow-symlinks", "common-pool", "pinned" -> Arbitraries.of("yes", "1", "on", "truee");
            case "threads" -> Arbitraries.of("[unclosed", "a{2", "(", "*");
            case "allow" -> Arbitraries.of("No-pe", "A#b;No pe", "#", "a.B#", "@a.B", "sleep@a.B", "a.B#c d");
            case "allow-packs" -> Arbitraries.of("logbook", "jul;nope");
            case "baseline", "write-baseline" -> Arbitraries.of(" ");
            case "accept" -> Arbitraries.of("metadata", "file-metadata;nope", "FILE_METADATA");
            case "metrics-port" -> Arbitraries.of("0", "65536", "-1", "+80", "١٩٤٠٦", "80a", "99999999999");
            case "metrics-host" -> Arbitraries.of(" ");
            case "stall-threshold" -> Arbitraries.of("1ms", "fast", "5m", "١٠٠ms", "-1s");
            case "lock-wait-threshold" -> Arbitraries.of("off", "soon", "5m", "١ms", "-5ms", "1.5ms");
            case "otlp-endpoint" -> Arbitraries.of("collector:4318", "ftp://host", "http://", "grpc://h:4317");
            case "otlp-step" -> Arbitraries.of("0s", "999ms", "often", "١s", "-1m");
            case "cache" -> Arbitraries.of(" ");
            default -> throw new IllegalArgumentException("no invalid values for " + key + ": add them here");
        };
        return Arbitraries.oneOf(everywhere, own);
    }

    /** Anything without a comma or an equals sign, which would make it a second option. */
    private static Arbitrary<String> anyValue() {
        return Arbitraries.strings().all().ofMaxLength(20).filter(value -> value.indexOf(',') < 0 && value.indexOf('=') < 0);
    }
}
