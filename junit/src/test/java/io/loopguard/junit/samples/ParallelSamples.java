package io.loopguard.junit.samples;

import io.loopguard.junit.NoBlocking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Run with parallel execution enabled: {@code @NoBlocking} tests run alone, so only the test that blocked
 * fails, however the others were scheduled.
 */
@Execution(ExecutionMode.CONCURRENT)
public class ParallelSamples extends EventLoopSample {
    static void pause() throws InterruptedException {
        Thread.sleep(50);
    }

    @Test
    @NoBlocking
    void blocks() throws Exception {
        loop.run(ParallelSamples::pause);
    }

    @Test
    @NoBlocking
    void clean1() throws Exception {
        loop.run(() -> { });
        pause();
    }

    @Test
    @NoBlocking
    void clean2() throws Exception {
        loop.run(() -> { });
        pause();
    }

    @Test
    @NoBlocking
    void clean3() throws Exception {
        loop.run(() -> { });
        pause();
    }
}
