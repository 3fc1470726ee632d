package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.frameworks.CommonPoolWork;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code common-pool} option designates the workers of {@code ForkJoinPool.commonPool()}; off by default. */
class CommonPoolIT {
    // With fewer than 3 cores the common pool has one worker, and CompletableFuture's async methods then start
    // a thread per task instead; this machine may have 2.
    private static final String TWO_WORKERS = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void withTheOptionCommonPoolWorkersAreDesignated(Jdk jdk) {
        Reported.by(ForkedJvm.on(jdk).agentOptions("common-pool=true").jvmOption(TWO_WORKERS).run(CommonPoolWork.class), CommonPoolWork.class)
                .once("sleepInRunAsync", "ForkJoinPool.commonPool-worker-")
                .andNothingElse(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void byDefaultTheyAreNot(Jdk jdk) {
        Reported.by(ForkedJvm.on(jdk).jvmOption(TWO_WORKERS).run(CommonPoolWork.class), CommonPoolWork.class)
                .never("sleepInRunAsync")
                .andNothingElse(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aBadValueIsOneLineAndTheDefaultIsKept(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption(TWO_WORKERS).jvmOption("-Dloopguard.common-pool=yes").run(CommonPoolWork.class);
        Reported.by(run, CommonPoolWork.class).never("sleepInRunAsync").andNothingElse(0);
        assertTrue(run.stderr().contains("loopguard: option common-pool: 'yes' is neither true nor false;"
                + " the common pool's workers are not designated\n"), run.stderr());
    }
}
