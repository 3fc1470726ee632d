package io.loopguard.agent.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.AdoptionCallSites;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baseline workflow across runs: a baseline written by one run silences exactly its call sites in the next
 * (counted, not shown, not thrown in strict mode), while a new call site is reported; a line that no longer
 * occurs is named at exit; a bad line is one line naming file:line, and the other lines apply.
 */
class BaselineIT {
    private static final String LEGACY = "io.loopguard.scenarios.legacy.";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aBaselineWrittenByOneRunSilencesExactlyItsCallSitesInTheNext(Jdk jdk) throws IOException {
        Path baseline = Files.createTempDirectory("loopguard-baseline-").resolve("loopguard-baseline.txt");
        ForkedJvm.Run first = ForkedJvm.on(jdk).agentOptions("write-baseline=" + baseline)
                .run(AdoptionCallSites.class, "handle@alpha", "cache-evict@alpha", "store-flush@alpha")
                .assertSucceeded();
        assertTrue(first.stderr().contains("loopguard: baseline written to " + baseline + ": 3 known call sites, 3 of"
                + " them new in this run"), first.toString());
        List<String> lines = Files.readAllLines(baseline).stream().filter(line -> !line.startsWith("#")).toList();
        assertEquals(List.of(
                "java.lang.Thread.sleep | " + AdoptionCallSites.class.getName() + "#handle | alpha-* | reason: ",
                "java.lang.Thread.sleep | " + LEGACY + "UserCache#evict | alpha-* | reason: ",
                "java.lang.Thread.sleep | " + LEGACY + "store.Store#flush | alpha-* | reason: "),
                lines, "one sorted line per call site\n" + first);

        Files.writeString(baseline, "not a baseline line\n", StandardOpenOption.APPEND);
        int badLine = Files.readAllLines(baseline).size();
        ForkedJvm.Run second = ForkedJvm.on(jdk).agentOptions("mode=strict,baseline=" + baseline)
                .run(AdoptionCallSites.class, "handle@alpha", "cache-evict@alpha", "journal-flush@alpha", "handle@beta")
                .assertSucceeded();
        String out = second.stdout();
        assertTrue(out.contains("RESULT handle@alpha ok\n") && out.contains("RESULT cache-evict@alpha ok\n"),
                "known call sites are not thrown\n" + second);
        assertTrue(out.contains("RESULT journal-flush@alpha threw io.loopguard.BlockingCallError\n"),
                "a new call site is\n" + second);
        assertTrue(out.contains("RESULT handle@beta threw io.loopguard.BlockingCallError\n"),
                "so is a known call site on another thread family\n" + second);

        List<JsonNode> calls = second.events().blockingCalls();
        assertEquals(4, calls.size(), "every finding is still in the events file\n" + second);
        assertEquals(List.of(AdoptionCallSites.class.getName() + ".handle", LEGACY + "UserCache.evict"),
                calls.stream().filter(call -> call.path("baseline").asBoolean()).map(BaselineIT::callSiteMethod).toList(),
                second.toString());
        String err = second.stderr();
        assertFalse(err.contains("at " + LEGACY + "UserCache.evict("), "a known call site is not shown\n" + err);
        assertTrue(err.contains("at " + LEGACY + "Journal.flush("), "a new one is\n" + err);
        assertTrue(err.contains("loopguard: summary: 2 blocking calls at call sites the baseline lists, not shown"), err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: baseline " + baseline + ":" + badLine
                + ": the line has 1 column")).count(), err);
        assertEquals(List.of("loopguard: baseline " + baseline + ": java.lang.Thread.sleep | " + LEGACY
                        + "store.Store#flush | alpha-* did not occur during this run: fixed? then delete its line"),
                err.lines().filter(line -> line.contains("did not occur")).toList(), err);
    }

    private static String callSiteMethod(JsonNode call) {
        String callSite = call.path("callSite").asText();
        return callSite.substring(0, callSite.indexOf('('));
    }
}
