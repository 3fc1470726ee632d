package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.demo.scenarios.EveryModeUnderTheAgent;
import io.loopguard.demo.server.Mode;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the agent attached, every detection comes from the /blocking handler's call and names the demo's
 * code; the /offload and /async handlers, the legacy service and the Netty load generator — all on the
 * same event loops or beside them — are never reported.
 */
class LoopguardNamesTheBlockingHandlerIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theBlockingHandlerIsReportedAndTheFixedHandlersAreNot(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(EveryModeUnderTheAgent.class).assertSucceeded();
        for (String mode : Mode.NAMES) {
            assertTrue(run.stdout().contains("RESULT " + mode + " 0"), mode + " requests failed\n" + run);
        }
        List<JsonNode> calls = run.events().blockingCalls();
        assertFalse(calls.isEmpty(), "the blocking handler's call was not reported\n" + run);
        for (JsonNode call : calls) {
            assertEquals("io.loopguard.demo.backend.LegacyBackend.callBlocking", call.path("callSite").asText().split("\\(")[0],
                    "the call site is the demo's blocking client call\n" + call);
            String stack = call.path("stack").toString();
            assertTrue(stack.contains("io.loopguard.demo.server.BlockingHandler.handle("), "reached from the /blocking handler\n" + call);
            assertFalse(stack.contains("OffloadHandler") || stack.contains("AsyncHandler"), call.toString());
            assertTrue(call.path("thread").asText().startsWith("multiThreadIoEventLoopGroup-"), call.toString());
        }
    }
}
