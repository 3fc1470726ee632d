package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.frameworks.FrameworkBlockingApis;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A framework's own blocking API called on a thread that must never block is reported once, when the call starts:
 * also where the framework refuses it before anything waits (Reactor), and never a second time for the wait inside
 * it (Netty). The same calls on threads that may block are silent.
 */
class FrameworkBlockingApisIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void frameworksBlockingApisOnDesignatedThreadsAreReportedOnce(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(FrameworkBlockingApis.class);
        Reported.by(run, FrameworkBlockingApis.class)
                .once("blockOnParallel", "parallel-", "reactor.core.publisher.Mono.block")
                .once("blockFirstOnParallel", "parallel-", "reactor.core.publisher.Flux.blockFirst")
                .once("syncOnAnotherLoop", "multiThreadIoEventLoopGroup-", "io.netty.util.concurrent.Future.sync")
                .once("blockingGetOnComputation", "RxComputationThreadPool-", "io.reactivex.rxjava3.core.Single.blockingGet")
                .once("existsBlockingOnEventLoop", "vert.x-eventloop-thread-",
                        "io.vertx.core.file.FileSystem.existsBlocking")
                .once("runBlockingOnDefault", "DefaultDispatcher-worker-", "kotlinx.coroutines.BuildersKt.runBlocking")
                .never("blockCompletedOnBoundedElastic")
                .never("blockOnMainThread")
                .never("syncOnMainThread")
                .andNothingElse(6);
        // Reactor refused both calls, and the chain swallowed its exception: only Loopguard tells.
        assertTrue(run.stdout().contains("RESULT block on parallel refused"), run.stdout());
        assertTrue(run.stdout().contains("RESULT blockFirst on parallel refused"), run.stdout());
        assertTrue(run.stdout().contains("RESULT sync on another loop done"), run.stdout());
        assertTrue(run.stdout().contains("RESULT runBlocking on Default done"), run.stdout());
        assertTrue(run.stderr().contains("instead"), run.stderr());
    }
}
