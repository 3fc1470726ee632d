package io.loopguard.scenarios.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/**
 * What a framework ships to tell Loopguard about its threads, as {@link ApiDesignation} uses it. With
 * {@code -Dscenario.broken-integration=true} it names a method the agent cannot read.
 */
public final class ScenarioIntegration implements LoopguardIntegration {
    private static final String SCENARIO = "io.loopguard.scenarios.frameworks.ApiDesignation";

    @Override
    public void describe(Framework framework) {
        framework
                .nonBlockingThreadType(SCENARIO + "$MustNotBlock")
                .nonBlockingWhile(SCENARIO + "#runOwnLoop")
                .allowBlockingIn(Boolean.getBoolean("scenario.broken-integration") ? "not a method" : SCENARIO + "#legacyCall",
                        "the scenario's legacy client blocks by design");
    }
}
