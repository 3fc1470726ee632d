package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.testkit.ForkedJvm;
import java.util.List;

/** Assertions on what a forked scenario run reported, by the scenario method that made each blocking call. */
final class Reported {
    private final ForkedJvm.Run run;
    private final Class<?> scenario;

    private Reported(ForkedJvm.Run run, Class<?> scenario) {
        this.run = run;
        this.scenario = scenario;
    }

    static Reported by(ForkedJvm.Run run, Class<?> scenario) {
        run.assertSucceeded();
        return new Reported(run, scenario);
    }

    /** The blocking call made in {@code method} was reported exactly once, on a thread whose name starts so. */
    Reported once(String method, String threadPrefix) {
        List<JsonNode> found = run.events().atCallSite(scenario.getName(), method);
        assertEquals(1, found.size(), method + " must be reported once\n" + run.events() + "\n" + run);
        String thread = found.get(0).path("thread").asText();
        assertTrue(thread.startsWith(threadPrefix), method + " ran on " + thread + ", not on " + threadPrefix + "*");
        return this;
    }

    /** As {@link #once(String, String)}, and reported as a call of {@code operation}. */
    Reported once(String method, String threadPrefix, String operation) {
        once(method, threadPrefix);
        JsonNode found = run.events().atCallSite(scenario.getName(), method).get(0);
        assertEquals(operation, found.path("operation").asText(), method + " must be reported as " + operation
                + "\n" + found);
        return this;
    }

    /** The blocking call made in {@code method} was not reported. */
    Reported never(String method) {
        assertTrue(run.events().atCallSite(scenario.getName(), method).isEmpty(),
                method + " must not be reported\n" + run.events());
        return this;
    }

    /** Nothing else was reported: the framework's own internals stayed silent. */
    void andNothingElse(int expected) {
        assertEquals(expected, run.events().blockingCalls().size(),
                "only the scenario's own blocking calls may be reported\n" + run.events());
        assertEquals(0, run.events().dropped(), run.stderr());
    }
}
