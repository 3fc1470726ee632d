package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.AttachToRunningService;
import io.loopguard.testkit.Events;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incident mode: a Netty service started without the agent, its event loop already serving, gets Loopguard
 * with {@code attach PID}, shows what it found with {@code status PID}, and loses it with {@code detach PID},
 * as often as asked.
 */
class AttachToRunningJvmIT {
    // Each cycle starts two JVMs and retransforms twice.
    private static final int CYCLES = 20;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void attachFindsTheBlockingHandlerOnARunningLoopAndDetachUndoesIt(Jdk jdk) throws IOException {
        Path events = Files.createTempFile("loopguard-attach", ".jsonl");
        Files.delete(events);
        ForkedJvm.Run run = ForkedJvm.on(jdk).withoutAgent().timeoutSeconds(900)
                .run(AttachToRunningService.class, ForkedJvm.agentJar().toString(), events.toString(),
                        Integer.toString(CYCLES))
                .assertSucceeded();
        String out = run.stdout();

        assertCommand(out, "status-before-attach", 1, "Loopguard does not run in PID");
        String attach = assertCommand(out, "attach", 0, "loopguard: active on JDK " + jdk.feature());
        assertTrue(attach.contains("1 running event loop adopted"), attach);
        assertTrue(Pattern.compile("classes retransformed in \\d+ ms").matcher(attach).find(), attach);
        assertCommand(out, "attach-again", 1, "Loopguard already runs in PID");
        assertTrue(command(out, "attach-again").contains("events="), "the refusal says with which options");
        String status = assertCommand(out, "status", 0, "java.lang.Thread.sleep  at "
                + "io.loopguard.scenarios.AttachToRunningService$BlockingHandler.channelRead0");
        // The loop ran before the agent came, and its delay is measured all the same.
        assertTrue(status.contains("event loop \"multiThreadIoEventLoopGroup-2-1\": delay p50"), status);
        assertCommand(out, "detach", 0, "loopguard: detached; classes restored to their original bytecode");
        assertCommand(out, "no-such-process", 1, "there is no process with PID 2147483646");
        assertCommand(out, "not-a-pid", 1, "'twelve' is not a process id");

        // The events file of the first attach holds the one blocking call it saw, on the loop that ran before it.
        List<JsonNode> calls = Events.read(events).blockingCalls();
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("multiThreadIoEventLoopGroup-2-1", calls.get(0).get("thread").asText());
        assertTrue(calls.get(0).get("callSite").asText().startsWith(
                "io.loopguard.scenarios.AttachToRunningService$BlockingHandler.channelRead0"), calls.toString());

        // One report per attached session, none while detached, never a duplicate probe.
        Matcher reports = Pattern.compile("loopguard: blocking call java.lang.Thread.sleep").matcher(run.stderr());
        int count = 0;
        while (reports.find()) {
            count++;
        }
        assertEquals(1 + CYCLES, count, run.stderr());
        // Every cycle left nothing running behind, and nothing that grows with each cycle.
        assertTrue(out.contains("THREADS-BEFORE []"), out);
        assertTrue(out.contains("THREADS-AFTER []"), out);
        Map<String, Long> first = footprint(out, "first");
        Map<String, Long> last = footprint(out, "last");
        assertEquals(first.get("threads"), last.get("threads"), out);
        // The agent's objects: 200 KiB left by each cycle would show as 3.8 MiB. (Classes and metaspace grow with
        // each retransformation, as the JVM keeps the classes' earlier versions: printed, documented, not asserted.)
        assertTrue(last.get("heapKiB") - first.get("heapKiB") < 3 * 1024, "heap after a full collection, in KiB\n" + out);
        // The service answered every request made while the agent came and went.
        Matcher load = Pattern.compile("LOAD answered=(\\d+) failures=\\[\\]").matcher(out);
        assertTrue(load.find() && Integer.parseInt(load.group(1)) > 0, out);
    }

    private static Map<String, Long> footprint(String out, String cycle) {
        Matcher line = Pattern.compile("FOOTPRINT after-cycle-" + cycle + " (.*)").matcher(out);
        assertTrue(line.find(), out);
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.group(1).strip().split(" ")) {
            String[] keyValue = pair.split("=");
            values.put(keyValue[0], Long.parseLong(keyValue[1]));
        }
        return values;
    }

    private static String assertCommand(String out, String label, int exit, String expected) {
        String text = command(out, label);
        assertTrue(out.contains("COMMAND " + label + " exit=" + exit), label + " should exit with " + exit + "\n" + out);
        assertTrue(text.contains(expected), label + " should say '" + expected + "'\n" + text);
        return text;
    }

    private static String command(String out, String label) {
        int start = out.indexOf("COMMAND " + label + " exit=");
        int end = out.indexOf("END " + label, start);
        assertTrue(start >= 0 && end > start, "no output of " + label + "\n" + out);
        return out.substring(start, end);
    }
}
