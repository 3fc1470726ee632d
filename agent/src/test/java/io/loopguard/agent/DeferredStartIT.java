package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.agent.catalog.Catalog;
import io.loopguard.scenarios.Blockers;
import io.loopguard.scenarios.CallsBeforeTheFirstLoop;
import io.loopguard.scenarios.IoBlockers;
import io.loopguard.scenarios.PatternDesignatedWorker;
import io.loopguard.scenarios.SleepOnMainThread;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probes go in when the first thread that must never block may run, not before: a JVM that never has one
 * pays for no weaving at all, and one whose first event loop starts late has every call on it probed, those
 * whose classes loaded earlier included.
 */
class DeferredStartIT {
    /** Calls whose classes are not loaded when the JVM starts: a socket's, a file channel's; and a sleep. */
    private static final Map<String, String> CALLS = Map.of(
            "socketRead", IoBlockers.OPERATIONS.get("socketRead"),
            "fileChannelRead", IoBlockers.OPERATIONS.get("fileChannelRead"),
            "threadSleep", Blockers.OPERATIONS.get("threadSleep"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aJvmWithNoThreadThatMustNeverBlockWeavesNothingAndSaysSo(Jdk jdk, @TempDir Path directory) throws IOException {
        Path classes = directory.resolve("classes.log");
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption("-Xlog:class+load=info:file=" + classes)
                .run(SleepOnMainThread.class).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT sleep ok"), run.toString());
        List<String> said = run.stderr().lines().filter(line -> line.startsWith("loopguard:")).toList();
        assertEquals(List.of(DeferredStart.NOTHING_TO_PROBE + " (JDK " + jdk.feature() + ", mode=report)"), said,
                run.stderr());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("io.loopguard.agent.instrument.AgentTransformer"), "the class log is read");
        for (String notNeeded : List.of("io.loopguard.shaded.net.bytebuddy.", "io.loopguard.agent.instrument.Instrumenter ",
                "io.loopguard.agent.detect.Detector ", "io.loopguard.agent.report.ReportingThread ")) {
            assertFalse(loaded.contains(notNeeded), notNeeded + " was loaded");
        }
        assertEquals(0, run.events().all().size(), run.events().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aTestsThreadNamePatternHasTheProbesPutInBeforeItApplies(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(PatternDesignatedWorker.class).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT worker-1 sleep ok"), run.toString());
        assertTrue(run.stdout().contains("RESULT other-1 sleep ok"), run.toString());
        assertTrue(run.stderr().contains("operations probed"), run.stderr());
        List<JsonNode> reported = run.events().blockingCalls();
        assertEquals(1, reported.size(), "the named thread's sleep, not other-1's\n" + run.events());
        assertEquals("java.lang.Thread.sleep", reported.get(0).path("operation").asText());
        assertEquals("worker-1", reported.get(0).path("thread").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void callsWhoseClassesLoadedBeforeTheFirstEventLoopAreProbedOnIt(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .run(CallsBeforeTheFirstLoop.class, CALLS.keySet().toArray(String[]::new)).assertSucceeded();
        for (String call : CALLS.keySet()) {
            assertTrue(run.stdout().contains("RESULT " + call + " ok"), run.toString());
        }
        Matcher active = Pattern.compile("loopguard: active on JDK \\d+, (\\d+) operations probed").matcher(run.stderr());
        assertTrue(active.find(), run.stderr());
        assertEquals(Catalog.OPERATIONS.size(), Integer.parseInt(active.group(1)), run.stderr());
        List<JsonNode> reported = run.events().blockingCalls();
        assertEquals(CALLS.size(), reported.size(), "each call once, on the loop only\n" + run.events());
        for (Map.Entry<String, String> call : CALLS.entrySet()) {
            String scenario = IoBlockers.has(call.getKey()) ? IoBlockers.class.getName() : Blockers.class.getName();
            List<JsonNode> found = run.events().atCallSite(scenario, call.getKey());
            assertEquals(1, found.size(), call.getKey() + "\n" + run.events());
            assertEquals(call.getValue(), found.get(0).path("operation").asText(), call.getKey());
            assertTrue(found.get(0).path("thread").asText().startsWith("multiThreadIoEventLoopGroup-"),
                    found.get(0).toString());
        }
    }
}
