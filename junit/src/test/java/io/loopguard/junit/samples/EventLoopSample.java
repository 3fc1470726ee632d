package io.loopguard.junit.samples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the sample test classes: a real Netty event loop, started before a class's tests and closed after them. */
public abstract class EventLoopSample {
    protected static EventLoop loop;

    @BeforeAll
    static void startLoop() {
        loop = new EventLoop();
    }

    @AfterAll
    static void stopLoop() {
        loop.close();
    }
}
