package io.loopguard.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code java -jar loopguard-agent.jar scan} on the corpus and measures it against the expected findings: every
 * finding must be expected (precision), every expected one found; the precision and recall must be what
 * docs/scan.md states. Then the baseline and SARIF outputs of the same scan.
 */
class ScanCorpusIT {
    private static final Path OUTPUT = Path.of(System.getProperty("loopguard.test.output"));

    @ParameterizedTest
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void findsEveryExpectedPathAndNothingElse(Jdk jdk) throws Exception {
        Path found = OUTPUT.resolve("found-on-jdk-" + jdk.feature() + ".txt");
        Files.deleteIfExists(found);
        Scan scan = scan(jdk, "--update-baseline", "--baseline", found.toString());
        assertEquals(0, scan.exitCode(), scan.toString());

        Set<String> reported = ids(Files.readAllLines(found));
        Set<String> expected = new TreeSet<>();
        Set<String> missed = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(
                Objects.requireNonNull(getClass().getResource("/expected-findings.txt")).toURI()))) {
            if (line.startsWith("missed: ")) {
                missed.add(line.substring("missed: ".length()));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                expected.add(line);
            }
        }
        Set<String> nowSeen = new TreeSet<>(reported);
        nowSeen.retainAll(missed);
        assertEquals(Set.of(), nowSeen, "the scan sees these now: list them as expected, and update docs/scan.md");
        Set<String> falsePositives = new TreeSet<>(reported);
        falsePositives.removeAll(expected);
        Set<String> notFound = new TreeSet<>(expected);
        notFound.removeAll(reported);
        assertEquals(Set.of(), falsePositives, "reported but not a real path (precision)\n" + scan);
        assertEquals(Set.of(), notFound, "expected but not reported (recall)\n" + scan);

        int truePositives = reported.size();
        int paths = expected.size() + missed.size();
        String measured = String.format("precision %d%% (%d of %d findings are real), recall %d%% (%d of the %d"
                        + " blocking paths)", 100 * truePositives / reported.size(), truePositives, reported.size(),
                100 * truePositives / paths, truePositives, paths);
        String docs = Files.readString(Path.of(System.getProperty("corpus.docs")));
        assertTrue(docs.contains(measured), "docs/scan.md must state what the corpus measures: " + measured);
    }

    @ParameterizedTest
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void failsOnlyOnFindingsMissingFromTheBaselineAndWritesSarif(Jdk jdk) throws Exception {
        Path baseline = OUTPUT.resolve("baseline-on-jdk-" + jdk.feature() + ".txt");
        Files.deleteIfExists(baseline);
        assertEquals(0, scan(jdk, "--update-baseline", "--baseline", baseline.toString()).exitCode());

        Path sarif = OUTPUT.resolve("corpus-on-jdk-" + jdk.feature() + ".sarif");
        Scan known = scan(jdk, "--baseline", baseline.toString(), "--sarif", sarif.toString());
        assertEquals(0, known.exitCode(), "every finding is in the baseline\n" + known);
        String json = Files.readString(sarif);
        assertTrue(json.contains("\"version\": \"2.1.0\""), json);
        assertTrue(json.contains("\"uri\": \"io/loopguard/corpus/dao/JdbcOrderDao.java\""), json);
        assertTrue(json.contains("\"baselineState\": \"unchanged\"") && !json.contains("\"baselineState\": \"new\""),
                json);

        List<String> lines = new ArrayList<>(Files.readAllLines(baseline));
        lines.removeIf(line -> line.endsWith("java.sql.Statement.executeQuery"));
        Files.write(baseline, lines);
        Scan fresh = scan(jdk, "--baseline", baseline.toString());
        assertEquals(1, fresh.exitCode(), "a finding missing from the baseline fails the scan\n" + fresh);
        assertTrue(fresh.stdout().contains("(1 new, "), fresh.toString());

        Scan withoutPaths = scan(jdk, "--no-such-option");
        assertEquals(2, withoutPaths.exitCode(), withoutPaths.toString());
        assertTrue(withoutPaths.stderr().contains("unknown option --no-such-option"), withoutPaths.toString());
    }

    private static Set<String> ids(List<String> lines) {
        Set<String> ids = new TreeSet<>();
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                ids.add(line);
            }
        }
        return ids;
    }

    private static Scan scan(Jdk jdk, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jdk.home().resolve("bin/java").toString(), "-jar",
                System.getProperty("loopguard.agent.jar"), "scan", "--quiet",
                "--classpath", System.getProperty("corpus.classpath"),
                "--entry", "io.loopguard.corpus.marked.CustomLoop#tick"));
        command.addAll(List.of(options));
        command.add(System.getProperty("corpus.classes"));
        Files.createDirectories(OUTPUT);
        Path stdout = Files.createTempFile(OUTPUT, "scan", ".out");
        Path stderr = Files.createTempFile(OUTPUT, "scan", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the scan did not finish in 5 minutes: " + command);
        }
        Scan scan = new Scan(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
        Files.delete(stdout);
        Files.delete(stderr);
        return scan;
    }

    /** What one run of the scan printed, and its exit code. */
    private record Scan(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
