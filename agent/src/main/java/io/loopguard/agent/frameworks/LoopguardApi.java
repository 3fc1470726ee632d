package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/** loopguard-api's {@code Loopguard} class: what the application itself designates and allows. */
public final class LoopguardApi implements LoopguardIntegration {
    private static final String LOOPGUARD = "io.loopguard.api.Loopguard";

    @Override
    public void describe(Framework api) {
        api
                // A block the application runs as designated; also Loopguard.designating(factory)'s threads.
                .nonBlockingWhile(LOOPGUARD + "#runDesignated")
                // For the build-time scan: the block runs as on an event loop.
                .handsToEventLoop(LOOPGUARD + "#runDesignated")
                .nonBlockingAfter(LOOPGUARD + "#designateCurrentThread")
                .allowBlockingIn(LOOPGUARD + "#runAllowed", "the application says blocking is fine in this block")
                .allowBlockingIn(LOOPGUARD + "#callAllowed", "the application says blocking is fine in this block");
    }
}
