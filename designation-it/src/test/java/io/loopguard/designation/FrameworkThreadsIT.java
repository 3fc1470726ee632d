package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.frameworks.CoroutineThreads;
import io.loopguard.scenarios.frameworks.ReactorThreads;
import io.loopguard.scenarios.frameworks.RxJavaThreads;
import io.loopguard.scenarios.frameworks.VertxThreads;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The threads of Reactor, RxJava, Vert.x and kotlinx.coroutines that must not block are recognised with no
 * configuration; their threads meant for blocking work are not; and each framework's ordinary work is silent.
 */
class FrameworkThreadsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void reactorParallelAndSingleAreDesignatedNotBoundedElastic(Jdk jdk) {
        Reported.by(ForkedJvm.on(jdk).run(ReactorThreads.class), ReactorThreads.class)
                .once("sleepOnParallel", "parallel-")
                .once("sleepOnSingle", "single-")
                .never("sleepOnBoundedElastic")
                .andNothingElse(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void rxJavaComputationAndSingleAreDesignatedNotIo(Jdk jdk) {
        Reported.by(ForkedJvm.on(jdk).run(RxJavaThreads.class), RxJavaThreads.class)
                .once("sleepOnComputation", "RxComputationThreadPool-")
                .once("sleepOnSingle", "RxSingleScheduler-")
                .never("sleepOnIo")
                .andNothingElse(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void vertx5EventLoopsAreDesignatedNotExecuteBlockingWorkers(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(VertxThreads.class);
        Reported.by(run, VertxThreads.class)
                .once("sleepOnEventLoop", "vert.x-eventloop-thread-")
                .never("sleepInExecuteBlocking")
                .andNothingElse(1);
        assertTrue(run.stdout().contains("RESULT worker vert.x-worker-thread-"), run.stdout());
        assertTrue(run.stdout().contains("RESULT http pong /ping19"), run.stdout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void vertx4EventLoopsAreDesignatedNotExecuteBlockingWorkers(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).classpath(entry -> true, OwnClassPath.of("loopguard.test.vertx4", "loopguard.test.netty41"))
                .run(VertxThreads.class, "--vertx4");
        Reported.by(run, VertxThreads.class)
                .once("sleepOnEventLoop", "vert.x-eventloop-thread-")
                .never("sleepInExecuteBlocking")
                .andNothingElse(1);
        assertTrue(run.stdout().contains("RESULT worker vert.x-worker-thread-"), run.stdout());
        assertTrue(run.stdout().contains("RESULT event bus hello n19"), run.stdout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void coroutinesOnDefaultAreDesignatedPerTaskNotOnIo(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(CoroutineThreads.class);
        Reported.by(run, CoroutineThreads.class)
                .once("sleepOnDefault", "DefaultDispatcher-worker-")
                .never("sleepOnIo")
                .andNothingElse(1);
        // Dispatchers.IO ran on the very pool Dispatchers.Default uses: only a per-task decision tells them apart.
        assertTrue(run.stdout().contains("RESULT io DefaultDispatcher-worker-"), run.stdout());
    }
}
