package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.scenarios.DetectionsInPhases;
import io.loopguard.scenarios.LoneSurrogateThreadName;
import io.loopguard.testkit.Events;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import io.loopguard.testkit.Phases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events file under everything an unlucky operator or a hostile neighbour can do to it: the agent never
 * waits on it, never writes a broken line, never loses a detection without counting it, and says what
 * happened in one line.
 */
class EventsFileIT {
    private static final String PHASES = "threads=" + DetectionsInPhases.THREAD + ",stall-threshold=off,events=";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aFifoIsRefusedAndNeverWaitedOn(Jdk jdk) throws Exception {
        Path fifo = Files.createTempDirectory("loopguard-events-").resolve("events.jsonl");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("events=" + fifo)
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep").assertSucceeded();
        assertOneLine(run, "loopguard: option events: cannot write to '" + fifo + "': it is not a regular file");
        assertStartupLineDoesNotClaim(run, fifo);
        assertTrue(run.stderr().contains("loopguard: blocking call java.lang.Thread.sleep"), run.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aThreadNameThatIsNotUnicodeIsWrittenWithAReplacementCharacter(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=loop-.*")
                .run(LoneSurrogateThreadName.class).assertSucceeded();
        List<JsonNode> calls = run.events().blockingCalls(); // every line was read as UTF-8 JSON
        assertEquals(2 * LoneSurrogateThreadName.CALLS, calls.size(), run.events().toString());
        assertEquals(LoneSurrogateThreadName.CALLS, calls.stream()
                .filter(call -> call.path("thread").asText().equals("loop-bad-\uFFFD")).count(), run.events().toString());
        assertEquals(LoneSurrogateThreadName.CALLS, calls.stream()
                .filter(call -> call.path("thread").asText().equals(LoneSurrogateThreadName.GOOD_NAME)).count());
        assertEquals(0, run.events().dropped());
        assertFalse(run.stderr().contains("could not write"), run.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aFullDiskCutsNoLineAndWritingResumesWhenSpaceIsFreed(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("loopguard-events-");
        Path events = dir.resolve("events.jsonl");
        int firstCalls = 400;
        int laterCalls = 50;
        // 64 KiB: the first phase's detections do not fit.
        Phases phases = Phases.start(ForkedJvm.on(jdk).fileSizeLimit(64).agentOptions(PHASES + events),
                DetectionsInPhases.class, "" + firstCalls, "" + laterCalls);
        phases.awaitEndOf(1);
        byte[] full = Files.readAllBytes(events);
        Path whenFull = Files.write(dir.resolve("when-full.jsonl"), full);
        Files.write(events, new byte[0]); // space freed: the operator empties the file
        phases.startNextAfter(1);
        ForkedJvm.Run run = phases.finish().assertSucceeded();

        assertTrue(full.length > 0 && full[full.length - 1] == '\n', "the last line is whole");
        Events before = Events.read(whenFull);
        Events after = Events.read(events);
        assertTrue(after.dropped() > 0, "the detections that did not fit are counted\n" + after);
        assertEquals(firstCalls + laterCalls, before.blockingCalls().size() + after.blockingCalls().size()
                + before.dropped() + after.dropped(), before + "\n" + after);
        assertOneLine(run, "loopguard: could not write the events file " + events);
        assertOneLine(run, "loopguard: writing the events file " + events + " works again; the " + after.dropped()
                + " detections that could not be written are counted in a dropped record");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aDeletedDirectoryIsNoticedSaidAndCountedUntilItIsBack(Jdk jdk) throws Exception {
        Path logs = Files.createTempDirectory("loopguard-events-").resolve("logs");
        Path events = Files.createDirectories(logs).resolve("events.jsonl");
        Phases phases = Phases.start(ForkedJvm.on(jdk).agentOptions(PHASES + events),
                DetectionsInPhases.class, "5", "7", "11");
        phases.awaitEndOf(1);
        deleteRecursively(logs);
        phases.startNextAfter(1);
        phases.awaitEndOf(2);
        Files.createDirectories(logs);
        phases.startNextAfter(2);
        ForkedJvm.Run run = phases.finish().assertSucceeded();

        Events after = Events.read(events);
        assertEquals(11, after.blockingCalls().size(), after.toString());
        assertEquals(7, after.dropped(), "the second phase's detections, counted while there was no directory");
        assertOneLine(run, "loopguard: the events file " + events + " was deleted or replaced, and a new one cannot"
                + " be started (the directory " + logs + " does not exist; create it first)");
        assertOneLine(run, "loopguard: writing the events file " + events + " works again; the 7 detections");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aSymlinkIsFollowedOnlyWhenAnOptionSaysSo(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("loopguard-events-");
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious\n");
        Path link = Files.createSymbolicLink(dir.resolve("events.jsonl"), victim);

        ForkedJvm.Run refused = ForkedJvm.on(jdk).agentOptions("events=" + link)
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep").assertSucceeded();
        assertEquals("precious\n", Files.readString(victim));
        assertOneLine(refused, "loopguard: option events: cannot write to '" + link + "': it is a symbolic link,"
                + " which is not followed unless events-follow-symlinks=true");
        assertStartupLineDoesNotClaim(refused, link);

        ForkedJvm.Run followed = ForkedJvm.on(jdk)
                .agentOptions("events-follow-symlinks=true,stall-threshold=off,events=" + link) // no stall line on a busy machine
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep").assertSucceeded();
        List<String> lines = Files.readAllLines(victim);
        assertEquals("precious", lines.get(0));
        assertTrue(lines.size() == 2 && lines.get(1).contains("\"type\":\"blocking-call\""), lines.toString());
        assertTrue(followed.stderr().contains(", events=" + link + " (appending to an existing file of 9 bytes)")
                || followed.stderr().contains(", events=" + link + " (being opened)"), followed.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aMissingDirectoryIsNotCreated(Jdk jdk) throws Exception {
        Path missing = Files.createTempDirectory("loopguard-events-").resolve("missing");
        Path events = missing.resolve("events.jsonl");
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("events=" + events)
                .run(BlockingCallsIn.class, "event-loop", "1", "threadSleep").assertSucceeded();
        assertFalse(Files.exists(missing), "no silent mkdir -p");
        assertOneLine(run, "loopguard: option events: cannot write to '" + events + "': the directory " + missing
                + " does not exist; create it first; detections are reported on stderr only");
        assertStartupLineDoesNotClaim(run, events);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aFullFileIsRotatedOnceAndEveryDetectionIsAccountedFor(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("loopguard-events-");
        Path events = dir.resolve("events.jsonl");
        Path older = dir.resolve("events.jsonl.1");
        int calls = 3_000;
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("events-max-size=16KiB," + PHASES + events)
                .run(DetectionsInPhases.class, dir.toString(), "" + calls).assertSucceeded();

        long limit = 16 * 1024;
        assertTrue(Files.size(events) <= limit && Files.size(older) <= limit, Files.size(events) + ", " + Files.size(older));
        Events current = Events.read(events);
        Events previous = Events.read(older);
        JsonNode rotated = current.all().get(0);
        assertEquals("rotated", rotated.path("type").asText(), current.toString());
        assertEquals(older.toString(), rotated.path("previous").asText());
        long discarded = rotated.path("discarded").asLong();
        assertTrue(discarded > 0, rotated.toString());
        assertEquals(calls, current.blockingCalls().size() + previous.blockingCalls().size() + current.dropped()
                + previous.dropped() + discarded, "every detection is in a file, or counted as dropped or discarded");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("events.jsonl", "events.jsonl.1"), files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("events")).sorted().toList(), "one older file is kept");
        }
        assertOneLine(run, "loopguard: the events file " + events + " reached events-max-size (16384 bytes)");
    }

    /** The start-up line says events=<path> only once the file is open: otherwise that it is not, or not yet. */
    private static void assertStartupLineDoesNotClaim(ForkedJvm.Run run, Path events) {
        String line = run.stderr().lines().filter(l -> l.startsWith("loopguard: active on")).findFirst().orElseThrow();
        assertTrue(line.contains(", no events file") || line.contains(", events=" + events + " (being opened)"), line);
    }

    private static void assertOneLine(ForkedJvm.Run run, String start) {
        assertEquals(1, run.stderr().lines().filter(line -> line.startsWith(start)).count(),
                "expected exactly one line starting with: " + start + "\n" + run.stderr());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
