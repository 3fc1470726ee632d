package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.GcPausesDuringTasks;
import io.loopguard.scenarios.HealthyHttpServer;
import io.loopguard.scenarios.StallsOnEventLoop;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The watchdog catches event loops stuck where no blocking call is probed (CPU, monitor contention), while
 * they are stuck, names the code, and stays silent on busy but healthy loops.
 */
class StallWatchdogIT {
    private static final String SCENARIO = StallsOnEventLoop.class.getName();
    private static final double THRESHOLD_MILLIS = 100;
    private static final Pattern LOOP_SUMMARY = Pattern.compile("loopguard: event loop \"([^\"]+)\": delay p50 ([\\d.]+) ms,"
            + " p99 ([\\d.]+) ms, max ([\\d.]+) ms \\((\\d+) probes\\); busy ([\\d.]+)%");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aCpuHogInAChannelHandlerIsReportedWhileStuckAndWhenItEnds(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(StallsOnEventLoop.class, "cpu-in-handler").assertSucceeded();
        assertTrue(run.stdout().contains("REPLY !"), run.toString());
        JsonNode ended = theOneStallBlamedOnTheApplication(run);
        JsonNode ongoing = ongoingReportOf(run, ended);
        assertTrue(ended.path("stack").toString().contains("$CpuHoggingHandler.channelRead("), ended.toString());
        assertTrue(ended.path("hottestFrame").asText().startsWith(SCENARIO + ".burnCpu("), ended.toString());
        assertEquals(ended.path("hottestFrame").asText(), ended.path("callSite").asText());
        assertTrue(ended.path("hottestSamples").asInt() * 2 > ended.path("samples").asInt(), "most samples in the hog");
        assertTrue(ended.path("samples").asInt() > 1, "sampled repeatedly while stuck: " + ended);
        // The task spins for 600 ms by the clock: the ongoing report came while it ran, the final one has it all.
        assertTrue(ended.path("durationMillis").asLong() >= 600, ended.toString());
        assertTrue(ongoing.path("durationMillis").asLong() < ended.path("durationMillis").asLong());
        for (JsonNode event : List.of(ongoing, ended)) {
            assertTrue(event.path("thread").asText().startsWith("multiThreadIoEventLoopGroup-"), event.toString());
            Instant.parse(event.path("time").asText());
            assertTrue(!event.path("stack").toString().contains("io.loopguard.agent."), "agent frames are stripped");
        }
        String err = run.stderr();
        String id = "#" + ended.path("stallId").asLong();
        assertEquals(ended.path("stallId"), ongoing.path("stallId"), "both reports of one stall carry its number");
        // An alarm raised while classes were loading (a first request) waits for the verdict, which then has the stack.
        boolean alarmHeld = ongoing.path("warmup").asBoolean();
        assertEquals(!alarmHeld, err.contains("loopguard: stall " + id + ": thread \"multiThreadIoEventLoopGroup-"), err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("\tat " + SCENARIO + ".burnCpu(")).count(), err);
        assertTrue(Pattern.compile("loopguard: stall " + id + " ended: thread \"multiThreadIoEventLoopGroup-[\\d-]+\" ran"
                + " one task for \\d+ ms; \\d+ of \\d+ samples at " + Pattern.quote(SCENARIO) + "\\.burnCpu\\(")
                .matcher(err).find(), err);
        assertTrue(Pattern.compile("loopguard: summary: \\d+ event-loop stalls? \\(one task longer than stall-threshold\\)")
                .matcher(err).find(), err);
        assertTrue(Pattern.compile("(?m)^loopguard: +1 +stalls, longest \\d+ ms, at " + Pattern.quote(SCENARIO)
                + "\\.burnCpu\\(").matcher(err).find(), err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aHandlerWaitingForAMonitorAnotherThreadHoldsIsReportedWithTheHolder(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(StallsOnEventLoop.class, "lock-in-handler").assertSucceeded();
        String handler = SCENARIO + "$LockingHandler.channelRead(";
        JsonNode ended = theOneStallBlamedOnTheApplication(run);
        ongoingReportOf(run, ended);
        assertTrue(ended.path("hottestFrame").asText().startsWith(handler), ended.toString());
        assertEquals(ended.path("hottestFrame").asText(), ended.path("callSite").asText());
        assertTrue(ended.path("blockedOn").asText().contains("held by thread \"lock-holder\""), ended.toString());
        assertTrue(run.stderr().contains(", waiting to lock java.lang.Object@"), run.stderr());
        assertTrue(run.events().blockingCalls().isEmpty(), "no probe sees a monitor: only the watchdog does");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aBlockingCallLastingPastTheThresholdIsOneReport(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(StallsOnEventLoop.class, "sleep-in-handler").assertSucceeded();
        String handler = SCENARIO + "$SleepingHandler.channelRead(";
        List<JsonNode> calls = run.events().blockingCalls();
        assertEquals(1, calls.size(), run.events().toString());
        JsonNode call = calls.get(0);
        assertTrue(call.path("callSite").asText().startsWith(handler), call.toString());
        JsonNode ended = theOneStallBlamedOnTheApplication(run);
        assertEquals("java.lang.Thread.sleep", ended.path("blockingCall").asText(), "the stall names its call");
        assertEquals(call.path("callSite"), ended.path("callSite"));
        assertEquals(call.path("hint"), ended.path("hint"), "the call's fix, not the stall's");
        String err = run.stderr();
        String id = "#" + ended.path("stallId").asLong();
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: blocking call java.lang.Thread.sleep"))
                .count(), err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: stall " + id + ": thread \"")
                && line.contains(" in the blocking call java.lang.Thread.sleep reported above, at " + handler)
                && line.endsWith("; fix: " + call.path("hint").asText())).count(), "one line for the stall\n" + err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("loopguard: stall " + id)).count(),
                "no alarm, no verdict of its own\n" + err);
        assertEquals(1, err.lines().filter(line -> line.startsWith("\tat " + handler)).count(), "one stack\n" + err);
        assertTrue(!err.contains("move CPU-heavy work"), "no contradictory fix\n" + err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aTaskInitialisingClassesRaisesNoAlarmAndIsLabelledWarmUp(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(StallsOnEventLoop.class, "initializer-in-handler").assertSucceeded();
        List<JsonNode> warmup = run.events().where(e -> e.path("type").asText().equals("stall")
                && e.path("stack").toString().contains("$SlowToInitialize.<clinit>("));
        assertTrue(warmup.stream().anyMatch(e -> e.path("phase").asText().equals("ended")), run.events().toString());
        assertTrue(warmup.stream().allMatch(e -> e.path("warmup").asBoolean()), "labelled warm-up on the alarm"
                + " already\n" + warmup);
        assertNoStallBlamedOnTheApplication(run);
        String err = run.stderr();
        assertTrue(!err.contains("has been running one task"), "no alarm while classes load\n" + err);
        assertTrue(err.contains("(it was mostly loading and initialising classes"), err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aLoopBusyWithManyTinyTasksIsNotStalled(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(StallsOnEventLoop.class, "tiny-tasks").assertSucceeded();
        assertNoStallBlamedOnTheApplication(run);
        assertTrue(LOOP_SUMMARY.matcher(run.stderr()).find(), "the exit summary shows the loop\n" + run.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aLoadedHealthyHttpServerIsNotStalled(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(HealthyHttpServer.class, "2", "2000").assertSucceeded();
        Matcher requests = Pattern.compile("REQUESTS (\\d+)").matcher(run.stdout());
        assertTrue(requests.find() && Long.parseLong(requests.group(1)) > 20, run.toString());
        assertNoStallBlamedOnTheApplication(run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void tasksStretchedByGarbageCollectionAreLabelledAsGcPausesNotBlamed(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption("-XX:+UseSerialGC").jvmOption("-Xms1g").jvmOption("-Xmx1g")
                .run(GcPausesDuringTasks.class, "3").assertSucceeded();
        assertTrue(run.events().ofType("stall").stream().anyMatch(e -> e.path("pause").asText().equals("gc")),
                "a task stretched by a full GC is labelled\n" + run.events() + "\n" + run.stderr());
        assertNoStallBlamedOnTheApplication(run);
        assertTrue(run.stderr().contains("ms of it in a JVM pause (gc)"), run.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void stallThresholdOffReportsNoStall(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("stall-threshold=off")
                .run(StallsOnEventLoop.class, "cpu-in-handler").assertSucceeded();
        assertTrue(run.events().ofType("stall").isEmpty(), run.events().toString());
        assertTrue(!run.stderr().contains("loopguard: stall"), run.stderr());
        assertTrue(LOOP_SUMMARY.matcher(run.stderr()).find(), "delay is still measured\n" + run.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aBadThresholdIsOneLineAndTheDefaultIsKept(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption("-Dloopguard.stall-threshold=fast")
                .run(StallsOnEventLoop.class, "cpu-in-handler").assertSucceeded();
        assertEquals(1, run.stderr().lines().filter(line -> line.startsWith(
                "loopguard: option stall-threshold: 'fast' is not a duration; write it like 100ms or 2s")).count(),
                run.stderr());
        theOneStallBlamedOnTheApplication(run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theDelayHistogramShowsAStalledLoopAndAHealthyOne(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(StallsOnEventLoop.class, "delay").assertSucceeded();
        Matcher stalled = Pattern.compile("STALLED (\\S+) (\\d+)").matcher(run.stdout());
        Matcher healthy = Pattern.compile("HEALTHY (\\S+)").matcher(run.stdout());
        assertTrue(stalled.find() && healthy.find(), run.toString());
        double injectedMillis = Long.parseLong(stalled.group(2)) / 1e6;
        Matcher stalledLoop = loopSummary(run, stalled.group(1));
        Matcher healthyLoop = loopSummary(run, healthy.group(1));
        double stalledMax = Double.parseDouble(stalledLoop.group(4));
        double healthyP99 = Double.parseDouble(healthyLoop.group(3));
        Matcher lateness = Pattern.compile("LATENESS (\\d+)").matcher(run.stdout());
        assertTrue(lateness.find(), run.toString());
        double machineLatenessMillis = Long.parseLong(lateness.group(1)) / 1e6;
        assertTrue(stalledMax >= injectedMillis, "max delay " + stalledMax + " ms < the injected stall "
                + injectedMillis + " ms\n" + run.stderr());
        // A loaded machine wakes every thread late, a healthy loop's probe too: by as much as a plain thread.
        assertTrue(healthyP99 * 2 < stalledMax && healthyP99 < THRESHOLD_MILLIS + machineLatenessMillis,
                "the healthy loop's p99 is far below the stall, and below the threshold but for the machine's own"
                + " lateness (" + machineLatenessMillis + " ms)\n" + run.stderr());
        assertTrue(Long.parseLong(healthyLoop.group(5)) > 10, "probed repeatedly\n" + run.stderr());
        assertTrue(Double.parseDouble(stalledLoop.group(6)) > 0, "the stalled loop was busy\n" + run.stderr());
    }

    private static Matcher loopSummary(ForkedJvm.Run run, String thread) {
        Matcher loop = LOOP_SUMMARY.matcher(run.stderr());
        while (loop.find()) {
            if (loop.group(1).equals(thread)) {
                return loop;
            }
        }
        throw new AssertionError("no summary line for event loop " + thread + "\n" + run.stderr());
    }

    /**
     * The ongoing report is an alarm raised while the task runs; the ended report gives the verdict, and
     * labels a stall that was not the task's fault (a JVM pause, a lack of CPU, start-up class loading).
     */
    private static List<JsonNode> stallsBlamedOnTheApplication(ForkedJvm.Run run) {
        return run.events().where(e -> e.path("type").asText().equals("stall") && e.path("phase").asText().equals("ended")
                && e.path("pause").isMissingNode() && !e.path("warmup").asBoolean());
    }

    private static void assertNoStallBlamedOnTheApplication(ForkedJvm.Run run) {
        List<JsonNode> blamed = stallsBlamedOnTheApplication(run);
        assertTrue(blamed.isEmpty(), "a healthy loop was reported stalled: " + blamed + "\n" + run.stderr());
        for (JsonNode ongoing : run.events().where(e -> e.path("phase").asText().equals("ongoing"))) {
            ended(run, ongoing); // every alarm got its verdict
        }
    }

    private static JsonNode theOneStallBlamedOnTheApplication(ForkedJvm.Run run) {
        List<JsonNode> blamed = stallsBlamedOnTheApplication(run);
        assertEquals(1, blamed.size(), "one stall expected\n" + run.events() + "\n" + run.stderr());
        return blamed.get(0);
    }

    /** The report made while the stall's task was stuck: one stall, two reports, the same start. */
    private static JsonNode ongoingReportOf(ForkedJvm.Run run, JsonNode ended) {
        List<JsonNode> ongoing = run.events().where(e -> e.path("phase").asText().equals("ongoing")
                && e.path("started").asText().equals(ended.path("started").asText())
                && e.path("thread").asText().equals(ended.path("thread").asText()));
        assertEquals(1, ongoing.size(), "one report while stuck\n" + run.events() + "\n" + run.stderr());
        assertTrue(ongoing.get(0).path("stack").size() > 0, "sampled while stuck: " + ongoing.get(0));
        return ongoing.get(0);
    }

    private static void ended(ForkedJvm.Run run, JsonNode ongoing) {
        assertEquals(1, run.events().where(e -> e.path("phase").asText().equals("ended")
                && e.path("started").asText().equals(ongoing.path("started").asText())
                && e.path("thread").asText().equals(ongoing.path("thread").asText())).size(),
                "every stall reported while stuck is reported when it ends: " + ongoing + "\n" + run.stderr());
    }
}
