package io.loopguard.scenarios.frameworks;

import io.loopguard.api.spi.LoopguardIntegration;
import java.util.List;

/**
 * What a framework ships to tell Loopguard about its threads, as {@link ApiDesignation} uses it. With
 * {@code -Dscenario.broken-integration=true} it names a method the agent cannot read.
 */
public final class ScenarioIntegration implements LoopguardIntegration {
    private static final String SCENARIO = "io.loopguard.scenarios.frameworks.ApiDesignation";

    @Override
    public List<String> nonBlockingThreadTypes() {
        return List.of(SCENARIO + "$MustNotBlock");
    }

    @Override
    public List<String> eventLoopMethods() {
        return List.of(SCENARIO + "#runOwnLoop");
    }

    @Override
    public List<String> allowedMethods() {
        return Boolean.getBoolean("scenario.broken-integration") ? List.of("not a method") : List.of(SCENARIO + "#legacyCall");
    }
}
