package io.loopguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.junit.samples.BlockingInHooks;
import io.loopguard.junit.samples.BurstAtTheEnd;
import io.loopguard.junit.samples.ExtendWithSamples;
import io.loopguard.junit.samples.NoBlockingSamples;
import io.loopguard.junit.samples.ParallelSamples;
import io.loopguard.junit.samples.ParallelWithoutIsolation;
import io.loopguard.junit.samples.StallSamples;
import io.loopguard.junit.samples.Unannotated;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extension, run on sample test classes by the JUnit Platform's EngineTestKit in forked JVMs: with the
 * agent given by {@code -javaagent} and attached by the extension itself, in report and strict mode, on every
 * test JDK, and on JUnit 6 and 5.10. When the extension attaches the agent, the sample classes are already loaded
 * (RunSamples loads them to select them), so on JDK 17, where {@code Thread.sleep(long)} is native and probed
 * at its call sites, this also shows that classes loaded before the attach are rewritten.
 */
class LoopguardExtensionIT {
    private static final String[] SAMPLES = {Unannotated.class.getName(), ExtendWithSamples.class.getName(),
            NoBlockingSamples.class.getName(), BlockingInHooks.class.getName(), BurstAtTheEnd.class.getName(),
            StallSamples.class.getName(), "--parallel", ParallelSamples.class.getName(), ParallelWithoutIsolation.class.getName(),
            "--autodetect", Unannotated.class.getName()};

    enum Attach { JAVAAGENT, SELF_ATTACH }

    /** Both attach paths in strict mode, where the application swallows the error; report mode; every JDK. */
    static Stream<Arguments> runs() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of(Arguments.of(jdk, Attach.JAVAAGENT, "report"),
                Arguments.of(jdk, Attach.JAVAAGENT, "strict"), Arguments.of(jdk, Attach.SELF_ATTACH, "strict")));
    }

    @ParameterizedTest(name = "{0}, {1}, mode={2}")
    @MethodSource("runs")
    void failsExactlyTheTestsThatBlocked(Jdk jdk, Attach attach, String mode) throws Exception {
        ForkedJvm.Run run = fork(jdk, attach, mode, List.of()).run(RunSamples.class, SAMPLES).assertSucceeded();
        assertSamples(run, mode);
        if (attach == Attach.JAVAAGENT) {
            assertFalse(run.stderr().contains("WARNING"), "-javaagent prints no JVM warning\n" + run);
        } else {
            boolean warned = run.stderr().contains("WARNING: A Java agent has been loaded dynamically");
            assertEquals(jdk.feature() >= 21, warned, "JDK 21+ warns about a dynamically loaded agent\n" + run);
        }
    }

    /** JUnit 6 on every JDK; the oldest JUnit supported, 5.10, on one. */
    static Stream<Arguments> otherJUnits() {
        List<Jdk> jdks = Jdk.all();
        return Stream.concat(jdks.stream().map(jdk -> Arguments.of(jdk, "6")),
                Stream.of(Arguments.of(jdks.get(0), "5.10")));
    }

    @ParameterizedTest(name = "{0}, JUnit {1}")
    @MethodSource("otherJUnits")
    void worksOnOtherJUnitVersions(Jdk jdk, String junitVersion) throws Exception {
        List<Path> junit;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("loopguard.test.junit"), junitVersion))) {
            junit = jars.toList();
        }
        ForkedJvm.Run run = fork(jdk, Attach.SELF_ATTACH, "report", junit).run(RunSamples.class, SAMPLES)
                .assertSucceeded();
        assertSamples(run, "report");
    }

    /**
     * A call site the agent's baseline file lists fails no test, in strict mode not even by the error; a call site
     * it does not list fails its test as usual, the message ending with the rule that would accept it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theAgentsBaselineIsHonoured(Jdk jdk) throws Exception {
        Path baseline = Files.createTempFile("loopguard-baseline-", ".txt");
        Files.writeString(baseline, "java.lang.Thread.sleep | " + ExtendWithSamples.class.getName() + "#pause"
                + " | multiThreadIoEventLoopGroup-* | reason: the sample's known call\n");
        ForkedJvm.Run run = fork(jdk, Attach.JAVAAGENT, "strict", List.of()).agentOptions("mode=strict,baseline=" + baseline)
                .run(RunSamples.class, ExtendWithSamples.class.getName(), BlockingInHooks.class.getName())
                .assertSucceeded();
        assertPassed(run, "ExtendWithSamples#sleepsOnTheEventLoop");
        assertPassed(run, "ExtendWithSamples#swallowsWhatTheBlockingCallThrew");
        assertFalse(run.stdout().contains("SWALLOWED BY THE APPLICATION"), "a known call is not thrown\n" + run);
        assertFailed(run, "BlockingInHooks#doesNothingItself", "BlockingInHooks.pauseBeforeEach(",
                "    accept: fixing the call is better; to accept it instead: allow=java.lang.Thread.sleep@"
                        + BlockingInHooks.class.getName() + "#pauseBeforeEach on multiThreadIoEventLoopGroup-*");
        assertTrue(run.stderr().contains("loopguard: summary: ") && run.stderr().contains(" at call sites the baseline"
                + " lists, not shown"), run.stderr());
    }

    /**
     * A JVM with the classpath of a project that depends on loopguard-junit: the agent jar and byte-buddy-agent
     * are on it in both cases, as the README's Maven snippet makes them.
     */
    private static ForkedJvm fork(Jdk jdk, Attach attach, String mode, List<Path> junit) throws Exception {
        ForkedJvm jvm = ForkedJvm.on(jdk);
        List<Path> added = Stream.concat(junit.stream(), Stream.of(ForkedJvm.agentJar(), byteBuddyAgentJar())).toList();
        jvm.classpath(entry -> !junit.isEmpty() && isJUnit(entry), added);
        return attach == Attach.JAVAAGENT ? jvm.agentOptions("mode=" + mode)
                : jvm.withoutAgent().jvmOption("-Dloopguard.mode=" + mode);
    }

    private static void assertSamples(ForkedJvm.Run run, String mode) {
        String sleepOnLoop = "java.lang.Thread.sleep on thread \"multiThreadIoEventLoopGroup-";

        assertFailed(run, "ExtendWithSamples#sleepsOnTheEventLoop", sleepOnLoop,
                "at io.loopguard.junit.samples.ExtendWithSamples.pause(ExtendWithSamples.java:");
        assertPassed(run, "ExtendWithSamples#staysOffTheEventLoop");
        assertFailed(run, "ExtendWithSamples#swallowsWhatTheBlockingCallThrew", sleepOnLoop,
                "ExtendWithSamples.pause(ExtendWithSamples.java:");
        boolean swallowed = run.stdout().contains("SWALLOWED BY THE APPLICATION io.loopguard.BlockingCallError");
        assertEquals(mode.equals("strict"), swallowed, "strict: the application caught the error\n" + run);
        assertPassed(run, "ExtendWithSamples#allowedToBlock");
        assertPassed(run, "ExtendWithSamples");

        assertPassed(run, "NoBlockingSamples#blocksOnlyInsideAnAllowedMethod");
        assertFailed(run, "NoBlockingSamples#blocksOnANamedThread", "on thread \"sample-worker-1\"",
                "NoBlockingSamples.workerPause(NoBlockingSamples.java:");
        assertPassed(run, "NoBlockingSamples#theSameThreadNameIsFreeWithoutTheRule");

        assertFailed(run, "BlockingInHooks#doesNothingItself", "BlockingInHooks.pauseBeforeEach(");
        assertFalse(result(run, "BlockingInHooks#doesNothingItself").contains("pauseAfterAll"), run.toString());
        assertFailed(run, "BlockingInHooks", "outside its tests", "BlockingInHooks.pauseAfterAll(");

        assertFailed(run, "BurstAtTheEnd#endsWithABurst", "made " + BurstAtTheEnd.BURST + " blocking calls",
                "BurstAtTheEnd.pause(BurstAtTheEnd.java:", "(" + BurstAtTheEnd.BURST + " times)");
        assertPassed(run, "BurstAtTheEnd#runsRightAfterIt");

        String stallOnLoop = "1 event-loop stall (one task held an event loop longer than stall-threshold):";
        assertFailed(run, "StallSamples#computesOnTheEventLoop", stallOnLoop,
                "1) stall: thread \"multiThreadIoEventLoopGroup-", "StallSamples.spin(StallSamples.java:");
        assertFalse(result(run, "StallSamples#computesOnTheEventLoop").contains("blocking call"), run.toString());
        assertFailed(run, "StallSamples#waitsForALockOnTheEventLoop", stallOnLoop,
                "StallSamples.enterLock(StallSamples.java:", "held by thread \"lock-holder\"");
        assertPassed(run, "StallSamples#computesOnTheEventLoopWhereAllowed");
        assertPassed(run, "StallSamples#computesBriefly");

        assertFailed(run, "ParallelSamples#blocks", "ParallelSamples.pause(ParallelSamples.java:");
        for (String clean : List.of("clean1", "clean2", "clean3")) {
            assertPassed(run, "ParallelSamples#" + clean);
        }
        assertFailed(run, "ParallelWithoutIsolation#blocks", "ParallelWithoutIsolation.pause(",
                "this one ran alongside ParallelWithoutIsolation#runsAtTheSameTime()");
        assertFailed(run, "ParallelWithoutIsolation#runsAtTheSameTime", "ParallelWithoutIsolation.pause(",
                "this one ran alongside ParallelWithoutIsolation#blocks()");

        List<String> unannotated = results(run, "Unannotated#sleepsOnTheEventLoop");
        assertEquals(2, unannotated.size(), "run without and with autodetection\n" + run);
        assertTrue(unannotated.get(0).startsWith("SUCCESSFUL"), "not checked without autodetection\n" + run);
        assertTrue(unannotated.get(1).startsWith("FAILED\n| java.lang.AssertionError: Loopguard: ")
                && unannotated.get(1).contains("Unannotated.pause("), "checked with autodetection\n" + run);
    }

    private static void assertPassed(ForkedJvm.Run run, String test) {
        assertTrue(result(run, test).startsWith("SUCCESSFUL"), test + " should pass\n" + run);
    }

    private static void assertFailed(ForkedJvm.Run run, String test, String... inMessage) {
        String result = result(run, test);
        assertTrue(result.startsWith("FAILED\n| java.lang.AssertionError: Loopguard: "), test + " should fail\n" + run);
        for (String expected : inMessage) {
            assertTrue(result.contains(expected), test + ": the failure should say " + expected + "\n" + run);
        }
    }

    /** The status and failure message RunSamples printed for one test or class (the first, if it ran twice). */
    private static String result(ForkedJvm.Run run, String test) {
        List<String> results = results(run, test);
        assertFalse(results.isEmpty(), "no result for " + test + "\n" + run);
        return results.get(0);
    }

    private static List<String> results(ForkedJvm.Run run, String test) {
        Pattern statusAndMessage = Pattern.compile("^RESULT " + Pattern.quote(test) + " (\\w+\\n(?:\\| .*\\n)*)",
                Pattern.MULTILINE);
        Matcher result = statusAndMessage.matcher(run.stdout());
        return result.results().map(match -> match.group(1)).toList();
    }

    private static boolean isJUnit(String classpathEntry) {
        return classpathEntry.contains("/org/junit/") || classpathEntry.contains("/org/opentest4j/")
                || classpathEntry.contains("/org/apiguardian/");
    }

    private static Path byteBuddyAgentJar() throws URISyntaxException {
        return Path.of(ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
