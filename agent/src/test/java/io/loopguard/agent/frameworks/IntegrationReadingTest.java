package io.loopguard.agent.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.api.spi.LoopguardIntegration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the agent reads what an integration declares through the SPI. */
class IntegrationReadingTest {

    @Test
    void everyKindOfEntryIsRead() {
        FrameworkDescription acme = Frameworks.describe(framework -> framework
                .nonBlockingThreadType("com.acme.LoopThread")
                .nonBlockingThreadNames("acme-loop-\\d+")
                .blockingPermittedBy("com.acme.LoopThread#mayBlock")
                .eventLoop("com.acme.Loop#run")
                .nonBlockingWhile("com.acme.Loop#runOnce")
                .nonBlockingAfter("com.acme.Loop#adopt")
                .task("com.acme.Loop#runTask")
                .nonBlockingPerTask("com.acme.Pool#runTask", "com.acme.Pool$Worker", "kind", "CPU")
                .allowBlockingIn("com.acme.Loop#shutdown", "shutdown waits once, at the end")
                .blockingMethod("com.acme.Result#get", "onComplete")
                .runsOnEventLoop("com.acme.Handler#handle")
                .handsToEventLoop("com.acme.Loop#execute"));
        assertEquals("1 thread type, 1 thread-name pattern, 1 blocking-permitted method, 1 event loop,"
                + " 1 non-blocking method, 1 designating method, 1 task method, 1 per-task pool, 1 allowed method,"
                + " 1 blocking method, 1 handler method, 1 hand-off method", acme.summary());
        assertEquals(List.of(MethodRef.parse("com.acme.Loop#run"), MethodRef.parse("com.acme.Loop#runOnce")),
                acme.designatingWhileRunning());
        assertTrue(acme.nonBlockingThreadNames().get(0).matcher("acme-loop-3").matches());
        assertEquals("nothing", Frameworks.describe(framework -> { }).summary());
    }

    @Test
    void anUnreadableEntrySaysWhy() {
        assertEquals("'com.acme.Loop.run' is not of the form Class#method (for example com.acme.LegacyClient#fetch)",
                refused(framework -> framework.eventLoop("com.acme.Loop.run")));
        assertEquals("'com.acme.Loop#run' is not a binary class name (for example com.acme.LoopThread)",
                refused(framework -> framework.nonBlockingThreadType("com.acme.Loop#run")));
        assertEquals("an entry lacks a reason", refused(framework -> framework.allowBlockingIn("com.acme.A#b", " ")));
        assertTrue(refused(framework -> framework.nonBlockingThreadNames("acme-(")).startsWith("'acme-(' is not a regular expression"));
    }

    @Test
    void mergingKeepsEveryEntryInOrder() {
        FrameworkDescription first = Frameworks.describe(framework -> framework.nonBlockingThreadType("a.First"));
        FrameworkDescription second = Frameworks.describe(framework -> framework.nonBlockingThreadType("b.Second")
                .allowBlockingIn("b.Second#close", "closes once"));
        FrameworkDescription merged = FrameworkDescription.merge(List.of(first, second));
        assertEquals(List.of("a.First", "b.Second"), merged.nonBlockingThreadTypes());
        assertEquals(List.of(MethodRef.parse("b.Second#close")), merged.allowedMethods());
    }

    private static String refused(LoopguardIntegration integration) {
        return assertThrows(IllegalArgumentException.class, () -> Frameworks.describe(integration)).getMessage();
    }
}
