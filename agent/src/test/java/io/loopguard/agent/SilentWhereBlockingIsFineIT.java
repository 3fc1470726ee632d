package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.AllowedBlocking;
import io.loopguard.scenarios.Blockers;
import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same blocking calls, where blocking is fine: threads meant for blocking work (moving work there is
 * the recommended fix), and an event loop inside a method the {@code allow} option names. All silent.
 */
class SilentWhereBlockingIsFineIT {

    static Stream<Arguments> placesOnEveryJdk() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of("thread:plain-worker", "event-executor",
                "global-executor", "thread-pool", "allowed-on-event-loop").map(where -> Arguments.of(jdk, where)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("placesOnEveryJdk")
    void noBlockingCallIsReported(Jdk jdk, String where) {
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .agentOptions("allow=" + AllowedBlocking.class.getName() + "#run")
                .run(BlockingCallsIn.class, BlockingCallsOnEventLoopIT.args(where, 1,
                        Blockers.OPERATIONS.keySet().stream()))
                .assertSucceeded();
        for (String call : BlockingCallsOnEventLoopIT.callsOn(jdk)) {
            assertTrue(run.stdout().contains("RESULT " + call + " ok"), call + " did not complete\n" + run);
        }
        assertEquals(0, run.events().blockingCalls().size(), run.events().toString());
        assertTrue(run.stderr().contains("loopguard: summary: no blocking calls"), run.stderr());
    }
}
