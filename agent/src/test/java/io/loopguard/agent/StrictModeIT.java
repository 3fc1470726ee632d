package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.Blockers;
import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.scenarios.StrictQueueTake;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** In strict mode a blocking call on an event loop is reported, then throws BlockingCallError to its caller. */
class StrictModeIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void everyBlockingCallThrowsBlockingCallErrorAfterBeingReported(Jdk jdk) {
        Stream<String> calls = Stream.concat(Blockers.OPERATIONS.keySet().stream(), Stream.of(Blockers.NON_BLOCKING));
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("mode=strict")
                .run(BlockingCallsIn.class, BlockingCallsOnEventLoopIT.args("event-loop", 1, calls))
                .assertSucceeded();
        for (String call : BlockingCallsOnEventLoopIT.callsOn(jdk)) {
            assertTrue(run.stdout().contains("RESULT " + call + " threw io.loopguard.BlockingCallError"),
                    call + " should have thrown BlockingCallError\n" + run);
            assertEquals(1, run.events().atCallSite(Blockers.class.getName(), call).size(), call);
        }
        for (String call : Blockers.NON_BLOCKING) {
            assertTrue(run.stdout().contains("RESULT " + call + " ok"), call + "\n" + run);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void queueTakeSurfacesTheErrorAndLeavesTheQueueUsable(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("mode=strict").run(StrictQueueTake.class).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT take threw io.loopguard.BlockingCallError"), run.toString());
        assertTrue(run.stdout().contains("RESULT queue still works: true"), run.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void reportModeNeverChangesWhatTheApplicationSees(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(StrictQueueTake.class, "report").assertSucceeded();
        assertTrue(run.stdout().contains("RESULT take returned"), run.toString());
    }
}
