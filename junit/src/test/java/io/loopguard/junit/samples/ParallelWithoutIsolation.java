package io.loopguard.junit.samples;

import io.loopguard.junit.LoopguardExtension;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Run with parallel execution enabled, without {@code @NoBlocking}'s isolation: two tests that are
 * surely running at the same time (they meet at a barrier) are both charged the call one of them made,
 * and each names the other.
 */
@ExtendWith(LoopguardExtension.class)
@Execution(ExecutionMode.CONCURRENT)
public class ParallelWithoutIsolation extends EventLoopSample {
    private static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);
    static void pause() throws InterruptedException {
        Thread.sleep(20);
    }

    @Test
    void blocks() throws Exception {
        BOTH_RUNNING.await(30, TimeUnit.SECONDS);
        loop.run(ParallelWithoutIsolation::pause);
        BOTH_RUNNING.await(30, TimeUnit.SECONDS);
    }

    @Test
    void runsAtTheSameTime() throws Exception {
        BOTH_RUNNING.await(30, TimeUnit.SECONDS);
        BOTH_RUNNING.await(30, TimeUnit.SECONDS);
    }
}
