package io.loopguard.junit.samples;

import io.loopguard.junit.NoBlocking;
import org.junit.jupiter.api.Test;

/** The per-test rules of {@code @NoBlocking}: allowed methods and extra thread names. */
public class NoBlockingSamples extends EventLoopSample {
    /** Blocking on purpose, like a legacy client the test accepts. */
    static void legacyLoad() throws InterruptedException {
        Thread.sleep(20);
    }

    static void workerPause() throws InterruptedException {
        Thread.sleep(20);
    }

    @Test
    @NoBlocking(allow = "io.loopguard.junit.samples.NoBlockingSamples#legacyLoad")
    void blocksOnlyInsideAnAllowedMethod() throws Exception {
        loop.run(NoBlockingSamples::legacyLoad);
    }

    @Test
    @NoBlocking(threads = "sample-worker-\\d+")
    void blocksOnANamedThread() throws Exception {
        runOnWorker();
    }

    @Test
    @NoBlocking
    void theSameThreadNameIsFreeWithoutTheRule() throws Exception {
        runOnWorker();
    }

    private static void runOnWorker() throws InterruptedException {
        Thread worker = new Thread(() -> {
            try {
                workerPause();
            } catch (Throwable swallowed) {
                System.out.println("SWALLOWED " + swallowed.getClass().getName());
            }
        }, "sample-worker-1");
        worker.start();
        worker.join();
    }
}
