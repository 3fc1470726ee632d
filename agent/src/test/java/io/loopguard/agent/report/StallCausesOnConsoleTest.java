package io.loopguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stalls the task did not cause are said once per cause, so a loaded machine's first one hides no GC pause. */
class StallCausesOnConsoleTest {
    private static final Instant START = Instant.parse("2026-12-01T17:00:00Z");

    @Test
    void eachCauseIsSaidOnceThenOnlyCounted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReporter console = new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        long id = 1;
        for (String cause : List.of("jvm", "gc", "jvm", "gc", "cpu")) {
            console.report(pausedStall(id++, cause));
        }
        String err = bytes.toString(StandardCharsets.UTF_8);
        for (String cause : List.of("jvm", "gc")) {
            assertEquals(1, err.lines().filter(line -> line.endsWith("in a JVM pause (" + cause + ")")).count(), err);
        }
        assertEquals(3, err.lines().filter(line -> line.startsWith("loopguard: stall #")).count(), err);
    }

    private static Detection pausedStall(long id, String cause) {
        return new Detection(Detection.STALL, null, null, "loop-1", null, List.of(), START.plusSeconds(id), "move it",
                new Stall(Stall.ENDED, START.plusSeconds(id), 300, null, 0, 0, null, cause, 250, false, false, id, null));
    }
}
