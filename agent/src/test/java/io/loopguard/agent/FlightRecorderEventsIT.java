package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.scenarios.BlockingHandlerUnderFlightRecorder;
import io.loopguard.scenarios.FlightRecording;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loopguard's events in a JDK Flight Recorder recording, read back with {@code RecordingFile} on the JDK that
 * wrote it; and no Flight Recorder event class loaded at all when no recording runs.
 */
class FlightRecorderEventsIT {
    private static final String SCENARIO = BlockingHandlerUnderFlightRecorder.class.getName();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aRecordingHoldsTheBlockingCallTheStallAndTheLoopDelay(Jdk jdk) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/forked"));
        Path recording = dir.resolve("loopguard-" + jdk.feature() + "-" + System.nanoTime() + ".jfr");
        Path settings = dir.resolve("loopguard-" + jdk.feature() + ".jfc");
        try (ZipFile jar = new ZipFile(ForkedJvm.agentJar().toFile());
             InputStream jfc = jar.getInputStream(jar.getEntry("io/loopguard/loopguard.jfc"))) {
            Files.write(settings, jfc.readAllBytes());
        }
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .jvmOption("-XX:StartFlightRecording:settings=default,settings=" + settings + ",filename=" + recording)
                .run(BlockingHandlerUnderFlightRecorder.class).assertSucceeded();
        Matcher result = Pattern.compile("RESULT (\\S+)").matcher(run.stdout());
        assertTrue(result.find(), run.toString());
        String loop = result.group(1);
        List<String> events = read(jdk, recording);

        String blockingCall = only(events, "io.loopguard.BlockingCall", loop);
        assertEquals("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos",
                field(blockingCall, "operation"));
        assertEquals("java.util.concurrent.LinkedBlockingQueue.poll", field(blockingCall, "calledMethod"));
        assertTrue(field(blockingCall, "callSite").startsWith(SCENARIO + ".waitForNobody("), blockingCall);
        // The event spans the call on the event loop's own lane, and carries that thread's stack.
        assertTrue(Long.parseLong(field(blockingCall, "duration")) >= TimeUnit.MILLISECONDS.toNanos(50), blockingCall);
        String frames = field(blockingCall, "frames");
        assertTrue(frames.contains(SCENARIO + ".waitForNobody|" + SCENARIO + "$BlockingHandler.channelRead"), frames);

        List<String> stalls = of(events, "io.loopguard.Stall");
        assertFalse(stalls.isEmpty(), String.join("\n", events));
        for (String stall : stalls) {
            assertEquals(loop, field(stall, "eventLoop"), stall);
            assertTrue(Long.parseLong(field(stall, "stallDuration")) >= 100, stall);
        }
        // Which part of the handler a sample caught depends on the machine's load; that it is the handler does not.
        assertTrue(stalls.stream().anyMatch(stall -> stack(stall).contains(SCENARIO + "$BlockingHandler.channelRead(")),
                String.join("\n", stalls));
        assertTrue(stalls.stream().anyMatch(stall -> field(stall, "phase").equals("ended")
                && Long.parseLong(field(stall, "stallDuration")) >= BlockingHandlerUnderFlightRecorder.HANDLER_MILLIS),
                String.join("\n", stalls));

        assertTrue(of(events, "io.loopguard.LoopDelay").stream().anyMatch(delay -> loop.equals(field(delay, "eventLoop"))
                && Long.parseLong(field(delay, "delaySamples")) > 0), String.join("\n", events));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void withoutARecordingNoEventClassIsLoaded(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption("-Xlog:class+load=info")
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep").assertSucceeded();
        assertTrue(run.stdout().contains("RESULT threadSleep ok"), run.toString());
        assertEquals(1, run.events().atCallSite("io.loopguard.scenarios.Blockers", "threadSleep").size(),
                run.events().toString());
        // The agent listens for recordings (a few classes), but defines no event: that alone costs 300+ ms.
        assertTrue(run.stdout().contains("io.loopguard.agent.jfr.RecordingWatch "), "no listener for recordings");
        for (String line : run.stdout().split("\n")) {
            assertFalse(line.matches(".* io\\.loopguard\\.agent\\.jfr\\.\\w+Events? .*")
                    || line.contains(" jdk.jfr.internal.MetadataRepository "), line);
        }
    }

    private static List<String> read(Jdk jdk, Path recording) {
        ForkedJvm.Run read = ForkedJvm.on(jdk).withoutAgent().run(FlightRecording.class, recording.toString())
                .assertSucceeded();
        return Arrays.stream(read.stdout().split("\n")).filter(line -> line.startsWith("EVENT ")).toList();
    }

    private static List<String> of(List<String> events, String name) {
        return events.stream().filter(line -> line.startsWith("EVENT " + name + " ")).toList();
    }

    /** The one event of this name on the thread {@code thread}. */
    private static String only(List<String> events, String name, String thread) {
        List<String> found = of(events, name).stream().filter(line -> thread.equals(field(line, "thread"))).toList();
        assertEquals(1, found.size(), String.join("\n", events));
        return found.get(0);
    }

    /** The {@code stack} field, which is printed last and may hold spaces ({@code (Native Method)}). */
    private static String stack(String event) {
        int start = event.indexOf(" stack=");
        return start < 0 ? "" : event.substring(start + " stack=".length());
    }

    /** A field's value, up to the next space (so only for values without spaces). */
    private static String field(String event, String name) {
        Matcher value = Pattern.compile(" " + name + "=(\\S*)").matcher(event);
        return Optional.of(value).filter(Matcher::find).map(m -> m.group(1)).orElse("");
    }
}
