package io.loopguard.agent.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exit work runs step by step in the order of the steps, not in the order it was asked for. */
class ExitHookTest {
    private final List<String> ran = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final ExitHook hook = new ExitHook(problems::add);

    @Test
    void runsEachStepInOrderWhateverOrderItWasAskedIn() {
        hook.at(ExitHook.Step.SUMMARY, () -> ran.add("summary"));
        hook.at(ExitHook.Step.DELIVERY, () -> ran.add("delivery"));
        hook.at(ExitHook.Step.LAST_DETECTIONS, () -> ran.add("stalls"));
        hook.at(ExitHook.Step.LAST_DETECTIONS, () -> ran.add("more stalls"));

        hook.run();

        assertEquals(List.of("stalls", "more stalls", "delivery", "summary"), ran);
        assertEquals(List.of(), problems);
    }

    @Test
    void aFailingStepIsSaidAndTheLaterOnesStillRun() {
        hook.at(ExitHook.Step.DELIVERY, () -> {
            throw new IllegalStateException("events file gone");
        });
        hook.at(ExitHook.Step.SUMMARY, () -> ran.add("summary"));

        hook.run();

        assertEquals(List.of("summary"), ran);
        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).contains("events file gone"), problems.get(0));
    }
}
