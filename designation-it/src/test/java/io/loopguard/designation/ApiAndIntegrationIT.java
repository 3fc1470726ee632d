package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.frameworks.ApiDesignation;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * loopguard-api designates the current thread, a thread factory's threads and a block, and allows blocks;
 * an SPI integration on the class path designates by thread type and run method and allows a method; and
 * the application runs the same without the agent.
 */
class ApiAndIntegrationIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theApiAndAnIntegrationDesignateAndAllow(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(ApiDesignation.class);
        assertTrue(run.stderr().contains("loopguard: integration io.loopguard.scenarios.frameworks.ScenarioIntegration"
                + " adds 1 thread type, 1 non-blocking method, 1 allowed method\n"), run.stderr());
        Reported.by(run, ApiDesignation.class)
                .once("sleepAfterDesignateCurrentThread", "designated-by-api")
                .once("sleepOnDesignatingFactoryThread", "api-loop")
                .never("sleepInRunAllowed")
                .never("sleepInCallAllowed")
                .once("sleepInRunDesignated", "main")
                .never("sleepAfterRunDesignated")
                .never("sleepOnPlainThread")
                .once("sleepOnThreadOfANamedType", "own-loop-thread")
                .once("sleepInOwnLoop", "own-loop")
                .never("legacyCall")
                .andNothingElse(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void withoutTheAgentTheApiOnlyRunsTheBlocks(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).withoutAgent().run(ApiDesignation.class).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT done"), run.toString());
        assertEquals("", run.stderr(), run.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void anIntegrationThatCannotBeReadIsNamedAndIgnoredWhole(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption("-Dscenario.broken-integration=true").run(ApiDesignation.class);
        Reported.by(run, ApiDesignation.class)
                .once("sleepAfterDesignateCurrentThread", "designated-by-api")
                .never("sleepOnThreadOfANamedType")
                .never("sleepInOwnLoop");
        assertTrue(run.stderr().contains("loopguard: integration io.loopguard.scenarios.frameworks.ScenarioIntegration:"
                + " 'not a method' is not of the form Class#method"), run.stderr());
        assertTrue(run.stderr().contains("loopguard: active on JDK"), run.stderr());
        assertFalse(run.stderr().contains("ScenarioIntegration adds"), "a broken integration adds nothing\n" + run.stderr());
    }
}
