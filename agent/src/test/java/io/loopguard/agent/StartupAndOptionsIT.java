package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.agent.catalog.Catalog;
import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.scenarios.SleepOnMainThread;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a user sees when the agent starts, with good options and bad ones; and the events file's schema. */
class StartupAndOptionsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void startsWithNoJvmWarningAndSaysEveryProbeTook(Jdk jdk, @TempDir Path directory) throws IOException {
        // A first start weaves the classes and caches them, a second takes them from the cache: a class that a
        // transformer itself loads is not handed to it, so which classes load when differs between the two.
        Path cache = directory.resolve("classes");
        for (String start : List.of("the first start", "a start from the class cache")) {
            ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("cache=" + cache)
                    .run(BlockingCallsIn.class, "event-loop", "1", "uncontendedLock")
                    .assertSucceeded();
            assertTrue(run.stderr().lines().noneMatch(line -> line.toLowerCase().contains("warning")),
                    start + ": the JVM printed a warning\n" + run.stderr());
            Matcher active = Pattern.compile("loopguard: active on JDK (\\d+), (\\d+) operations probed, mode=report")
                    .matcher(run.stderr());
            assertTrue(active.find(), start + "\n" + run.stderr());
            assertEquals(jdk.feature(), Integer.parseInt(active.group(1)));
            assertEquals(Catalog.OPERATIONS.size(), Integer.parseInt(active.group(2)), start);
            // The self-test's probe firings are never reported.
            assertEquals(0, run.events().blockingCalls().size(), run.events().toString());
            assertTrue(run.stderr().contains("loopguard: summary: no blocking calls"), run.stderr());
            try (Stream<Path> entries = Files.list(cache)) {
                assertTrue(entries.findAny().isPresent(), start + ": nothing was cached in " + cache);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void badOptionsKeepTheApplicationRunningWithOneClearLineEach(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .agentOptions("mdoe=strict,threads=[unclosed,allow=no-hash-here,events=/proc/loopguard/events.jsonl")
                .jvmOption("-Dloopguard.mode=sometimes")
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep")
                .assertSucceeded();
        assertTrue(run.stdout().contains("RESULT threadSleep ok"), run.toString());
        String err = run.stderr();
        assertOneLine(err, "loopguard: option mdoe: is not a Loopguard option");
        assertOneLine(err, "loopguard: option threads: '[unclosed' is not a valid regular expression");
        assertOneLine(err, "loopguard: option allow: 'no-hash-here' is not a rule: 'no-hash-here' is not a class name");
        assertOneLine(err, "loopguard: option events: cannot write to '/proc/loopguard/events.jsonl'");
        assertOneLine(err, "loopguard: option mode: 'sometimes' is not a mode; use report, strict or off");
        // Defaults were kept, and the agent still does its job on stderr.
        assertTrue(err.contains("mode=report"), err);
        assertTrue(err.contains("loopguard: blocking call java.lang.Thread.sleep"), err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theMainThreadCanBeDesignatedWithoutTheSelfTestTrippingOverIt(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=main,mode=strict")
                .run(SleepOnMainThread.class).assertSucceeded();
        assertTrue(run.stderr().contains("operations probed, mode=strict"), run.stderr());
        assertTrue(run.stdout().contains("RESULT sleep threw io.loopguard.BlockingCallError"), run.toString());
        assertEquals(1, run.events().blockingCalls().size(), "only the application's sleep\n" + run.events());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void systemPropertiesSetOptionsAndModeOffInstallsNothing(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption("-Dloopguard.mode=off")
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep").assertSucceeded();
        assertTrue(run.stderr().contains("loopguard: off (mode=off)"), run.stderr());
        assertEquals(0, run.events().blockingCalls().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void environmentVariablesSetOptionsAndSystemPropertiesOverrideThem(Jdk jdk) {
        ForkedJvm.Run strict = ForkedJvm.on(jdk).environment("LOOPGUARD_THREADS", "main")
                .environment("LOOPGUARD_MODE", "strict").environment("LOOPGUARD_SHOW_OPTIONS", "true")
                .run(SleepOnMainThread.class).assertSucceeded();
        assertTrue(strict.stdout().contains("RESULT sleep threw io.loopguard.BlockingCallError"), strict.toString());
        assertOneLine(strict.stderr(), "loopguard: option mode=strict (from the environment variable LOOPGUARD_MODE)");

        ForkedJvm.Run overridden = ForkedJvm.on(jdk).environment("LOOPGUARD_THREADS", "main")
                .environment("LOOPGUARD_MODE", "strict").jvmOption("-Dloopguard.mode=report")
                .run(SleepOnMainThread.class).assertSucceeded();
        assertTrue(overridden.stdout().contains("RESULT sleep ok"), overridden.toString());
        assertTrue(overridden.stderr().contains("operations probed, mode=report"), overridden.stderr());
        assertEquals(1, overridden.events().blockingCalls().size(), "main is still designated\n" + overridden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aConfigFileSetsWhatNoOtherSourceDoes(Jdk jdk) throws IOException {
        Path config = Files.createDirectories(Path.of("target", "forked")).resolve("config-" + jdk.feature() + ".properties");
        Files.writeString(config, "mode=strict\nthreads=main\nstall-threshold=250ms\nshow-options=true\n");
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("config=" + config.toAbsolutePath() + ",mode=report")
                .run(SleepOnMainThread.class).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT sleep ok"), "the agent argument wins over the file\n" + run);
        assertTrue(run.stderr().contains("operations probed, mode=report, events="), run.stderr());
        assertTrue(run.stderr().contains(", stall-threshold=250ms"), run.stderr());
        assertOneLine(run.stderr(), "loopguard: option threads=main (from the config file " + config.toAbsolutePath() + ")");
        assertEquals(1, run.events().blockingCalls().size(), "threads=main came from the file\n" + run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void stderrShowsEachCallSiteOnceThenCountsIt(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(BlockingCallsIn.class, "event-loop", "3", "threadSleep", "parkNanos")
                .assertSucceeded();
        String err = run.stderr();
        assertEquals(1, count(err, "loopguard: blocking call java.lang.Thread.sleep on thread \"multiThreadIoEventLoopGroup-"), err);
        assertTrue(err.contains("    fix: sleeping here stalls every connection"), err);
        assertTrue(Pattern.compile("loopguard: summary: 6 blocking calls from 2 call sites").matcher(err).find(), err);
        assertTrue(Pattern.compile("loopguard: +3 +java.lang.Thread.sleep +at io.loopguard.scenarios.Blockers.threadSleep\\(Blockers.java:\\d+\\)")
                .matcher(err).find(), err);
        assertEquals(6, run.events().blockingCalls().size(), "the events file is never rate-limited");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void everyEventLineHasTheContractFields(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep", "blockingQueueTake", "futureGet")
                .assertSucceeded();
        List<JsonNode> events = run.events().blockingCalls();
        assertEquals(3, events.size(), run.events().toString());
        for (JsonNode event : events) {
            assertEquals("blocking-call", event.path("type").asText());
            for (String field : new String[] {"operation", "thread", "callSite", "time", "hint"}) {
                assertTrue(event.path(field).isTextual() && !event.path(field).asText().isEmpty(), field + " in " + event);
            }
            Instant.parse(event.path("time").asText());
            assertTrue(event.path("stack").isArray() && event.path("stack").size() > 1, event.toString());
            assertEquals(event.path("callSite").asText(), firstApplicationFrame(event.path("stack")), event.toString());
            assertTrue(event.path("stack").toString().contains("io.netty."), "the stack is whole, not cut at the call site");
            assertTrue(!event.path("stack").toString().contains("io.loopguard.agent."), "agent frames are stripped");
        }
        JsonNode take = run.events().atCallSite("io.loopguard.scenarios.Blockers", "blockingQueueTake").get(0);
        assertEquals("java.util.concurrent.LinkedBlockingQueue.take", take.path("via").asText());
    }

    private static String firstApplicationFrame(JsonNode stack) {
        for (JsonNode frame : stack) {
            if (frame.asText().startsWith("io.loopguard.scenarios.")) {
                return frame.asText();
            }
        }
        return null;
    }

    private static void assertOneLine(String stderr, String start) {
        assertEquals(1, stderr.lines().filter(line -> line.startsWith(start)).count(),
                "expected exactly one line starting with: " + start + "\n" + stderr);
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
