package io.loopguard.junit.samples;

import io.loopguard.junit.NoBlocking;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking in lifecycle methods: in {@code @BeforeEach} it fails the test, in {@code @AfterAll} the class. */
@NoBlocking
public class BlockingInHooks {
    private static EventLoop loop;

    @BeforeAll
    static void startLoop() {
        loop = new EventLoop();
    }

    @BeforeEach
    void prepare() throws Exception {
        loop.run(BlockingInHooks::pauseBeforeEach);
    }

    @AfterAll
    static void stopLoop() throws Exception {
        loop.run(BlockingInHooks::pauseAfterAll);
        loop.close();
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
