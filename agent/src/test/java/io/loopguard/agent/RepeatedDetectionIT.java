package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.OneCallSiteTwoCallers;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A call site that blocks again is reported again, each time with the stack it was really reached by,
 * even though a repeated stack is taken from a cache rather than rendered again.
 */
class RepeatedDetectionIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void everyDetectionCarriesItsOwnCallersStack(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=one-call-site")
                .run(OneCallSiteTwoCallers.class).assertSucceeded();
        List<JsonNode> detections = run.events().atCallSite(OneCallSiteTwoCallers.class.getName(), "blockHere");
        assertEquals(6, detections.size(), run.toString());
        assertEquals(3, reachedFrom(detections, "firstCaller"), run.toString());
        assertEquals(3, reachedFrom(detections, "secondCaller"), run.toString());
    }

    private static long reachedFrom(List<JsonNode> detections, String caller) {
        String frame = OneCallSiteTwoCallers.class.getName() + "." + caller + "(";
        return detections.stream()
                .filter(detection -> detection.path("stack").toString().contains(frame))
                .count();
    }
}
