package com.example.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.loopguard.junit.NoBlocking;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What a test of the legacy endpoint looks like with Loopguard: it gets its answer, yet fails, because the
 * event loop blocked to serve it. Run here through JUnit's test kit, so that this build can check the failure.
 */
class LoopguardCatchesTheLegacyEndpointTest {

    /** Not run by itself (surefire skips nested classes): the test below runs it. */
    @NoBlocking
    static class LegacyEndpointTest {
        @Test
        void servesAQuote() throws Exception {
            try (QuoteServer server = new QuoteServer(0, new PriceFeed())) {
                assertEquals(200, QuoteServerTest.get(server, "/legacy/quote/ACME").statusCode());
            }
        }
    }

    @Test
    void failsTheTestAndNamesTheBlockingLine() {
        Event failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LegacyEndpointTest.class))
                .execute().testEvents().failed().stream().findFirst()
                .orElseThrow(() -> new AssertionError("the legacy endpoint's test should fail"));
        Throwable failure = failed.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable().orElseThrow();
        String message = failure.getMessage();
        System.out.println("The legacy endpoint's test failed, as it should:\n" + message);
        assertTrue(message.contains("made 1 blocking call")
                && message.contains("java.lang.Thread.sleep on thread \"multiThreadIoEventLoopGroup-")
                && message.contains("at com.example.quotes.PriceFeed.latestPrice(PriceFeed.java:"), message);
    }
}
