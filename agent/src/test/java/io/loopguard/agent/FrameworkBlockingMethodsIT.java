package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.NettyFutureWaits;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Netty's own blocking methods on an event loop are reported once each, when the call starts: where Netty refuses
 * the call, and where it waits (not also as the wait inside). The fix and the main thread are silent.
 */
class FrameworkBlockingMethodsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void nettyFutureWaitsOnAnEventLoopAreReportedOnceEach(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(NettyFutureWaits.class).assertSucceeded();
        assertReportedOnce(run, "syncOnOwnLoop", "io.netty.util.concurrent.Future.sync");
        assertReportedOnce(run, "awaitOnAnotherLoop", "io.netty.util.concurrent.Future.await");
        assertEquals(2, run.events().blockingCalls().size(), run.events().toString());
        assertTrue(run.stdout().contains("RESULT own loop refused"), run.stdout());
        assertTrue(run.stdout().contains("RESULT other loop done"), run.stdout());
        assertTrue(run.stdout().contains("RESULT listener done"), run.stdout());
        assertTrue(run.stdout().contains("RESULT main thread done"), run.stdout());
    }

    private static void assertReportedOnce(ForkedJvm.Run run, String method, String operation) {
        List<JsonNode> found = run.events().atCallSite(NettyFutureWaits.class.getName(), method);
        assertEquals(1, found.size(), method + " must be reported once\n" + run.events());
        assertEquals(operation, found.get(0).path("operation").asText(), found.get(0).toString());
        assertTrue(found.get(0).path("hint").asText().contains("addListener"), found.get(0).toString());
    }
}
