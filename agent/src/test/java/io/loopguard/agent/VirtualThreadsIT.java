package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.VirtualThreadsOnCarriers;
import io.loopguard.scenarios.VirtualThreadsThatBlock;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Virtual threads: one that blocks while pinned to its carrier is reported with its call site (JDK 21+; JDK 17
 * says once that this is not available); one that blocks unpinned is not. A name pattern designates virtual
 * threads only when it says {@code virtual:}, and never designates a carrier thread.
 */
class VirtualThreadsIT {
    private static final String SCENARIO = VirtualThreadsThatBlock.class.getName();
    private static final String NOT_AVAILABLE = "pinned virtual threads: not available on JDK 17 (JDK 21+)";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aVirtualThreadPinnedInAClassInitializerIsReportedWithItsCallSite(Jdk jdk) throws IOException {
        int port = freePort();
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("metrics-port=" + port)
                .run(VirtualThreadsThatBlock.class, String.valueOf(port)).assertSucceeded();
        if (jdk.feature() < 21) {
            assertTrue(run.stdout().contains("RESULT no virtual threads"), run.toString());
            assertEquals(1, run.stderr().split(Pattern.quote(NOT_AVAILABLE), -1).length - 1, run.stderr());
            return;
        }
        assertFalse(run.stderr().contains("not available"), run.stderr());
        assertTrue(run.stdout().contains("RESULT done"), run.toString());
        List<JsonNode> pinned = run.events().ofType("pinned");
        assertFalse(pinned.isEmpty(), run.toString());
        for (JsonNode pin : pinned) {
            assertTrue(pin.path("callSite").asText().startsWith("io.loopguard.scenarios.SlowInitializer.<clinit>("),
                    pin.toString());
            assertEquals("java.lang.Thread.sleep", pin.path("operation").asText(), pin.toString());
            assertEquals("initializer", pin.path("thread").asText(), pin.toString());
            assertTrue(pin.path("durationMillis").asLong() >= 20, pin.toString());
            assertTrue(pin.path("hint").asText().startsWith("don't block in a static initializer"), pin.toString());
            assertFalse(pin.path("reason").asText().isEmpty(), pin.toString());
            assertTrue(pin.path("stack").toString().contains(SCENARIO + ".initializeSlowClass("), pin.toString());
            if (jdk.feature() >= 24) {
                assertTrue(pin.path("carrier").asText().startsWith("ForkJoinPool-"), pin.toString());
            }
        }
        // Unpinned blocking, and on JDK 24+ blocking inside synchronized, hold no carrier: not reported.
        assertTrue(run.events().where(e -> e.path("callSite").asText().startsWith(SCENARIO + ".sleep")).isEmpty(),
                run.events().toString());
        assertTrue(run.events().blockingCalls().isEmpty(), "virtual threads are not designated\n" + run.events());
        assertTrue(run.stderr().contains("loopguard: virtual thread \"initializer\" blocked in java.lang.Thread.sleep"
                + " while pinned ("), run.stderr());
        assertTrue(run.stderr().contains("fix: don't block in a static initializer"), run.stderr());
        assertTrue(run.stdout().matches("(?s).*METRIC loopguard_pinned_total\\{[^}]*operation=\"java.lang.Thread.sleep\"[^}]*\\}"
                + " [1-9].*"), run.stdout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aPatternThatMatchesEveryNameDesignatesNeitherVirtualThreadsNorTheirCarriers(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=vt-sleeper-.*|ForkJoinPool-.*|")
                .run(VirtualThreadsOnCarriers.class).assertSucceeded();
        assertTrue(run.stdout().contains(jdk.feature() < 21 ? "RESULT no virtual threads" : "RESULT done"), run.toString());
        assertTrue(run.events().blockingCalls().isEmpty(), run.events().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aPatternThatSaysVirtualDesignatesTheVirtualThreadsItNames(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=virtual:vt-sleeper-[0-3]")
                .run(VirtualThreadsOnCarriers.class).assertSucceeded();
        if (jdk.feature() < 21) {
            assertTrue(run.stdout().contains("RESULT no virtual threads"), run.toString());
            return;
        }
        List<JsonNode> calls = run.events().atCallSite(VirtualThreadsOnCarriers.class.getName(), "sleepOnVirtualThread");
        assertEquals(List.of("vt-sleeper-0", "vt-sleeper-1", "vt-sleeper-2", "vt-sleeper-3"),
                calls.stream().map(call -> call.path("thread").asText()).sorted().toList(), run.events().toString());
        calls.forEach(call -> assertEquals("java.lang.Thread.sleep", call.path("operation").asText()));
        assertNotNull(calls.get(0).path("stack"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
