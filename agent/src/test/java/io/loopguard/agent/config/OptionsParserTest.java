package io.loopguard.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.accept.AcceptRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every option, good and bad values, from each source and in their order of precedence. */
class OptionsParserTest {
    private final List<String> lines = new ArrayList<>();
    private final Properties systemProperties = new Properties();
    private final Map<String, String> environment = new HashMap<>();

    @TempDir
    Path dir;

    @Test
    void noOptionsAreTheDefaults() {
        Options options = parse(null);
        assertEquals(Options.DEFAULTS, options);
        assertEquals(Mode.REPORT, options.mode());
        assertNull(options.events());
        assertNull(options.threads());
        assertEquals(List.of(), options.allow());
        assertFalse(options.commonPool());
        assertEquals(0, options.metricsPort());
        assertEquals("127.0.0.1", options.metricsHost());
        assertEquals(Duration.ofMillis(100), options.stallThreshold());
        assertNull(options.config());
        assertFalse(options.showOptions());
        assertEquals(List.of(), lines);
    }

    @Test
    void everyOptionTakesAGoodValue() {
        Options options = parse("mode=strict,events=/tmp/loopguard.jsonl,threads=order-loop-\\d{1,3},"
                + "allow=com.acme.A#load;com.acme.B#fetch,common-pool=true,metrics-port=9404,metrics-host=0.0.0.0,"
                + "stall-threshold=2s,lock-wait-threshold=20ms,pinned=false,show-options=false");
        assertEquals(List.of(), lines);
        assertFalse(options.pinned());
        assertEquals(Duration.ofMillis(20), options.lockWaitThreshold());
        assertEquals(Mode.STRICT, options.mode());
        assertEquals(Path.of("/tmp/loopguard.jsonl"), options.events());
        assertEquals("order-loop-\\d{1,3}", options.threads().pattern(), "a comma inside a value is kept");
        assertEquals(List.of(AcceptRule.parse("com.acme.A#load"), AcceptRule.parse("com.acme.B#fetch")), options.allow());
        assertTrue(options.commonPool());
        assertEquals(9404, options.metricsPort());
        assertEquals("0.0.0.0", options.metricsHost());
        assertEquals(Duration.ofSeconds(2), options.stallThreshold());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mode=OFF                | OFF",
        "mode= strict            | STRICT",
        "mode=report             | REPORT",
    })
    void modeIsReadWhateverItsCase(String argument, Mode mode) {
        assertEquals(mode, parse(argument).mode());
        assertEquals(List.of(), lines);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "250ms | 250",
        "250   | 250",
        "3s    | 3000",
        "20ms  | 20",
        "1S    | 1000",
    })
    void aStallThresholdIsADuration(String value, long millis) {
        assertEquals(Duration.ofMillis(millis), parse("stall-threshold=" + value).stallThreshold());
        assertEquals(List.of(), lines);
    }

    @Test
    void stallsCanBeTurnedOff() {
        assertNull(parse("stall-threshold=off").stallThreshold());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mode=sometimes          | option mode: 'sometimes' is not a mode; use report, strict or off; the default report is kept",
        "threads=[unclosed       | option threads: '[unclosed' is not a valid regular expression (Unclosed character class near index 8); no thread is designated by name",
        "common-pool=yes         | option common-pool: 'yes' is neither true nor false; the common pool's workers are not designated",
        "show-options=1          | option show-options: '1' is neither true nor false; options are not shown",
        "metrics-port=+9404      | option metrics-port: '+9404' is not a port number; use 1-65535, e.g. 9404; Prometheus metrics are not served",
        "metrics-port=٩٤٠٤       | option metrics-port: '٩٤٠٤' is not a port number; use 1-65535, e.g. 9404; Prometheus metrics are not served",
        "metrics-port=99999999999 | option metrics-port: '99999999999' is not a port number; use 1-65535, e.g. 9404; Prometheus metrics are not served",
        "stall-threshold=10ms    | option stall-threshold: '10ms' is shorter than the smallest stall Loopguard can measure (20ms); the default 100ms is kept",
        "stall-threshold=soon    | option stall-threshold: 'soon' is not a duration; write it like 100ms or 2s, or off to turn stall reports off; the default 100ms is kept",
        "stall-threshold=٥٠٠ms   | option stall-threshold: '٥٠٠ms' is not a duration; write it like 100ms or 2s, or off to turn stall reports off; the default 100ms is kept",
        "stall-threshold=-5ms    | option stall-threshold: '-5ms' is not a duration; write it like 100ms or 2s, or off to turn stall reports off; the default 100ms is kept",
    })
    void aBadValueIsOneLineAndKeepsTheDefault(String argument, String line) {
        assertEquals(Options.DEFAULTS, parse(argument));
        assertEquals(List.of(line), lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mode", "events", "threads", "allow", "allow-packs", "baseline", "write-baseline", "common-pool", "metrics-port", "metrics-host",
        "stall-threshold", "lock-wait-threshold", "pinned", "config", "show-options"})
    void anEmptyValueIsOneLineSayingWhatItNeeds(String key) {
        assertEquals(Options.DEFAULTS, parse(key + "= "));
        Option<?> option = KnownOptions.named(key);
        assertEquals(List.of("option " + key + ": needs " + option.plainValues() + "; " + option.whenInvalid()), lines);
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        assertEquals(Mode.REPORT, parse("mdoe=strict").mode());
        assertEquals(List.of("option mdoe: is not a Loopguard option (known: mode, events, events-max-size,"
                + " events-follow-symlinks, threads, allow, allow-packs, baseline, write-baseline, accept, common-pool, metrics-port, metrics-host, stall-threshold,"
                + " lock-wait-threshold, pinned, cache, config, show-options, otlp-endpoint, otlp-step); it is ignored"), lines);
    }

    @Test
    void aValueWithALineBreakIsQuotedOnOneLine() {
        parse("mode=strict\nnow");
        assertEquals(List.of("option mode: 'strict\\nnow' is not a mode; use report, strict or off; the default"
                + " report is kept"), lines);
    }

    @Test
    void anEventsMaxSizeIsASizeInAsciiDigits() {
        assertEquals(16L << 10, parse("events-max-size=16KiB").eventsMaxSize());
        assertEquals(3L << 30, parse("events-max-size=3gib").eventsMaxSize());
        assertEquals(20_000, parse("events-max-size=20000").eventsMaxSize());
        assertEquals("events-max-size=1GiB", parse("events-max-size=1024MiB").toString());
        for (String bad : List.of("1KiB", "\u0661\u0666KiB", "256MB", "999999999999GiB")) {
            lines.clear();
            assertEquals(256L << 20, parse("events-max-size=" + bad).eventsMaxSize(), bad);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("option events-max-size: '" + bad + "' is "), lines.get(0));
        }
    }

    @Test
    void aPairWithoutValueIsOneLine() {
        assertEquals(Mode.STRICT, parse("strict,mode=strict").mode());
        assertEquals(List.of("agent option 'strict' has no value; write it as key=value"), lines);
    }

    @Test
    void keysAreMatchedWhateverTheirCase() {
        systemProperties.setProperty("loopguard.Stall-Threshold", "300ms");
        Options options = parse("MODE=strict,Common-Pool=true");
        assertEquals(Mode.STRICT, options.mode());
        assertTrue(options.commonPool());
        assertEquals(Duration.ofMillis(300), options.stallThreshold());
        assertEquals(List.of(), lines);
    }

    @Test
    void aRepeatedKeySaysWhichValueIsUsed() {
        assertEquals(Mode.OFF, parse("mode=strict,mode=off").mode());
        assertEquals(List.of("option mode: given more than once; 'off', from the agent argument, is used"), lines);
    }

    @Test
    void aListKeepsItsGoodEntriesAndNamesTheOthers() {
        Options options = parse("allow=com.acme.A#load;no-hash-here,com.acme.B#fetch on loop-*;#x,allow-packs=jul;nope");
        assertEquals(List.of(AcceptRule.parse("com.acme.A#load"), AcceptRule.parse("com.acme.B#fetch on loop-*")),
                options.allow());
        assertEquals(List.of("jul"), options.allowPacks());
        String form = "write [operation@]Class[#method][ on thread-family], e.g."
                + " java.io.FileInputStream.read@com.acme.Config#load on nioEventLoopGroup-*";
        assertEquals(List.of(
                "option allow: 'no-hash-here' is not a rule: 'no-hash-here' is not a class name or pattern; " + form
                        + "; it is left out, the others apply",
                "option allow: '#x' is not a rule: it names no class; " + form + "; it is left out, the others apply",
                "option allow-packs: 'nope' is not a pack of accepted blocking (there are: logback, log4j2, jul); it is"
                        + " left out, the others apply"), lines);
    }

    @Test
    void aMetricsHostWithoutAPortSaysItDoesNothing() {
        parse("metrics-host=0.0.0.0");
        assertEquals(List.of("option metrics-host: has no effect without metrics-port; Prometheus metrics are not served"),
                lines);
    }

    @Test
    void environmentVariablesAreUpperCaseWithUnderscores() {
        environment.put("LOOPGUARD_STALL_THRESHOLD", "250ms");
        environment.put("LOOPGUARD_COMMON_POOL", "true");
        environment.put("PATH", "/usr/bin");
        Options options = parse(null);
        assertEquals(Duration.ofMillis(250), options.stallThreshold());
        assertTrue(options.commonPool());
        assertEquals(List.of(), lines);
    }

    @Test
    void aBadEnvironmentVariableIsNamedAndOtherToolsVariablesAreLeftAlone() {
        environment.put("LOOPGUARD_TEST_JDKS", "/usr/lib/jvm/a,/usr/lib/jvm/b"); // another tool's, same prefix
        environment.put("LOOPGUARD_METRICS_PORT", "many");
        Options options = parse(null);
        assertTrue(lines.contains("option metrics-port (LOOPGUARD_METRICS_PORT): 'many' is not a port number;"
                + " use 1-65535, e.g. 9404; Prometheus metrics are not served"), lines.toString());
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(Options.DEFAULTS, options);
    }

    @Test
    void systemPropertyWinsOverEnvironmentOverArgumentOverConfigFile() throws IOException {
        Path file = Files.writeString(dir.resolve("loopguard.properties"),
                "mode=off\nevents=/from/file\nthreads=file\nstall-threshold=400ms\n");
        systemProperties.setProperty("loopguard.mode", "strict");
        environment.put("LOOPGUARD_MODE", "report");
        environment.put("LOOPGUARD_EVENTS", "/from/environment");
        Options options = parse("mode=off,events=/from/argument,threads=argument,config=" + file);
        assertEquals(Mode.STRICT, options.mode(), "system property over environment, argument and file");
        assertEquals(Path.of("/from/environment"), options.events(), "environment over argument and file");
        assertEquals("argument", options.threads().pattern(), "argument over file");
        assertEquals(Duration.ofMillis(400), options.stallThreshold(), "file when nothing else gives it");
        assertEquals(List.of(), lines);
    }

    @Test
    void theConfigFileCanBeNamedByAnySourceAndNamesItsLines() throws IOException {
        Path file = Files.writeString(dir.resolve("loopguard.properties"), "# comment\nMode = strict\ncommon-pool=perhaps\n"
                + "config=/elsewhere\n");
        environment.put("LOOPGUARD_CONFIG", file.toString());
        Options options = parse(null);
        assertEquals(Mode.STRICT, options.mode());
        assertEquals(file, options.config());
        assertEquals(List.of("option config (in " + file + "): a config file cannot name another; it is ignored",
                "option common-pool (in " + file + "): 'perhaps' is neither true nor false; the common pool's workers"
                        + " are not designated"), lines);
    }

    @Test
    void aMissingConfigFileIsOneLine() {
        Path missing = dir.resolve("missing.properties");
        systemProperties.setProperty("loopguard.config", missing.toString());
        assertEquals(Mode.STRICT, parse("mode=strict").mode());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("option config: cannot read '" + missing + "' ("), lines.get(0));
        assertTrue(lines.get(0).endsWith("); the options in it are not used"), lines.get(0));
    }

    @Test
    void showOptionsSaysWhereEachGivenValueCameFrom() throws IOException {
        Path file = Files.writeString(dir.resolve("loopguard.properties"), "stall-threshold=250ms\n");
        systemProperties.setProperty("loopguard.show-options", "true");
        environment.put("LOOPGUARD_MODE", "strict");
        parse("mode=off,config=" + file);
        assertEquals(List.of("option mode=strict (from the environment variable LOOPGUARD_MODE)",
                "option stall-threshold=250ms (from the config file " + file + ")",
                "option config=" + file + " (from the agent argument)",
                "option show-options=true (from the system property loopguard.show-options)"), lines);
    }

    @Test
    void withoutShowOptionsNothingIsSaidAboutGoodOptions() {
        parse("mode=strict");
        assertEquals(List.of(), lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mode=strict", "mode=off,events=/tmp/a b.jsonl", "threads=loop-\\d{1,2},common-pool=true",
        "allow=com.acme.A#load;com.acme.B#fetch,metrics-port=9404,metrics-host=0.0.0.0", "stall-threshold=off",
        "allow=java.io.FileInputStream.read@com.acme.*Config#<init> on loop-*;org.slf4j.**,allow-packs=logback,jul",
        "baseline=known.txt,write-baseline=/tmp/known.txt",
        "stall-threshold=2s,show-options=true", "pinned=false", "config=/etc/loopguard.properties"})
    void toStringIsAnAgentArgumentThatParsesBackToTheSameOptions(String argument) {
        Options options = parse(argument);
        Options again = parse(options.toString());
        assertEquals(options.toString(), again.toString());
        assertEquals(withoutPattern(options), withoutPattern(again));
    }

    @Test
    void toStringNamesOnlyWhatDiffersFromTheDefaults() {
        assertEquals("", Options.DEFAULTS.toString());
        assertEquals("mode=strict,stall-threshold=2000ms", parse("stall-threshold=2s,mode=strict,metrics-host=127.0.0.1,"
                + "common-pool=false").toString());
    }

    /** {@link java.util.regex.Pattern} has no equals: compare its text instead. */
    private static List<Object> withoutPattern(Options options) {
        return List.of(options.mode(), String.valueOf(options.events()),
                options.threads() == null ? "" : options.threads().pattern(), options.allow(), options.allowPacks(),
                String.valueOf(options.baseline()), String.valueOf(options.writeBaseline()), options.commonPool(),
                options.metricsPort(), options.metricsHost(), String.valueOf(options.stallThreshold()),
                String.valueOf(options.config()), options.showOptions());
    }

    private Options parse(String argument) {
        return new OptionsParser(lines::add).parse(argument, systemProperties, environment);
    }
}
