package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.RenamedThreads;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code threads} option designates a thread by its current name: a thread renamed to match it is
 * designated from then on, whether it renamed itself or another thread did, and no longer once renamed back.
 */
class RenamedThreadIT {
    private static final String SCENARIO = RenamedThreads.class.getName();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aThreadIsDesignatedWhileItsNameMatches(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=" + RenamedThreads.THREADS)
                .run(RenamedThreads.class).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT renamed threads done"), run.toString());

        List<JsonNode> afterRename = run.events().atCallSite(SCENARIO, "sleepAfterRename");
        Set<String> threads = afterRename.stream().map(e -> e.path("thread").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("renamed-loop-1", "renamed-loop-2"), threads, run.events().toString());
        assertEquals(2, afterRename.size(), run.events().toString());
        assertTrue(run.events().atCallSite(SCENARIO, "sleepBeforeRename").isEmpty(), run.events().toString());
        assertTrue(run.events().atCallSite(SCENARIO, "sleepAfterRenameBack").isEmpty(), run.events().toString());
        assertEquals(2, run.events().blockingCalls().size(), run.events().toString());
    }
}
