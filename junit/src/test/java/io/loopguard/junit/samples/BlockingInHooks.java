package io.loopguard.junit.samples;

import io.loopguard.junit.NoBlocking;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking in lifecycle methods: in {@code @BeforeEach} it fails the test, in {@code @AfterAll} the class. */
@NoBlocking
public class BlockingInHooks extends EventLoopSample {
    @BeforeEach
    void prepare() throws Exception {
        loop.run(BlockingInHooks::pauseBeforeEach);
    }

    @AfterAll
    static void blockAfterAll() throws Exception {
        loop.run(BlockingInHooks::pauseAfterAll);
    }

    static void pauseBeforeEach() throws InterruptedException {
        Thread.sleep(20);
    }

    static void pauseAfterAll() throws InterruptedException {
        Thread.sleep(20);
    }

    @Test
    void doesNothingItself() {
    }
}
