package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.Blockers;
import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalogued blocking call made on a Netty event loop is reported once, at its own call site. */
class BlockingCallsOnEventLoopIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void everyBlockingCallOnANetty42EventLoopIsReportedAtItsCallSite(Jdk jdk) {
        assertEachCallReportedOnce(jdk, "event-loop", "multiThreadIoEventLoopGroup-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theDeprecatedNioEventLoopGroupIsAnEventLoopToo(Jdk jdk) {
        assertEachCallReportedOnce(jdk, "legacy-event-loop", "nioEventLoopGroup-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theThreadsOptionDesignatesAPlainThreadByName(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=my-loop-\\d+")
                .run(BlockingCallsIn.class, args("thread:my-loop-7", 1, Blockers.OPERATIONS.keySet().stream()))
                .assertSucceeded();
        for (String call : callsOn(jdk)) {
            List<JsonNode> found = run.events().atCallSite(Blockers.class.getName(), call);
            assertEquals(1, found.size(), call + " on a thread named by the threads option\n" + run.events());
            assertEquals("my-loop-7", found.get(0).path("thread").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void probesKeepFiringAfterTheJitCompiledTheCaller(Jdk jdk) {
        int calls = 20_000;
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .run(BlockingCallsIn.class, "event-loop", String.valueOf(calls), "parkNanos", "uncontendedLock")
                .assertSucceeded();
        // Nothing is lost silently: each call is either an event or counted in a dropped line.
        long reported = run.events().atCallSite(Blockers.class.getName(), "parkNanos").size();
        assertEquals(calls, reported + run.events().dropped(), run.stderr());
        assertTrue(run.events().atCallSite(Blockers.class.getName(), "uncontendedLock").isEmpty());
    }

    private static void assertEachCallReportedOnce(Jdk jdk, String where, String threadPrefix) {
        Stream<String> calls = Stream.concat(Blockers.OPERATIONS.keySet().stream(), Stream.of(Blockers.NON_BLOCKING));
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(BlockingCallsIn.class, args(where, 1, calls)).assertSucceeded();
        for (String call : callsOn(jdk)) {
            assertTrue(run.stdout().contains("RESULT " + call + " ok"), call + " did not complete\n" + run);
            List<JsonNode> found = run.events().atCallSite(Blockers.class.getName(), call);
            assertEquals(1, found.size(), call + " should be reported exactly once\n" + run.events());
            JsonNode event = found.get(0);
            assertEquals(Blockers.OPERATIONS.get(call), event.path("operation").asText(), call);
            assertTrue(event.path("thread").asText().startsWith(threadPrefix), event.toString());
        }
        for (String call : Blockers.NON_BLOCKING) {
            assertTrue(run.events().atCallSite(Blockers.class.getName(), call).isEmpty(),
                    call + " never waits and must not be reported\n" + run.events());
        }
        assertEquals(callsOn(jdk).size(), run.events().blockingCalls().size(),
                "nothing but the scenario's calls is reported (not Netty, not the helpers)\n" + run.events());
    }

    static List<String> callsOn(Jdk jdk) {
        List<String> calls = new ArrayList<>();
        for (String call : Blockers.OPERATIONS.keySet()) {
            if (!call.equals("threadSleepDuration") || jdk.feature() >= 19) {
                calls.add(call);
            }
        }
        return calls;
    }

    static String[] args(String where, int repetitions, Stream<String> calls) {
        return Stream.concat(Stream.of(where, String.valueOf(repetitions)), calls).toArray(String[]::new);
    }
}
