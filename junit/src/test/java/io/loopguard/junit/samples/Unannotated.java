package io.loopguard.junit.samples;

import org.junit.jupiter.api.Test;

/** No annotation at all: checked only when JUnit's extension autodetection finds the extension. */
public class Unannotated {

    static void pause() throws InterruptedException {
        Thread.sleep(20);
    }

    @Test
    void sleepsOnTheEventLoop() throws Exception {
        try (EventLoop loop = new EventLoop()) {
            loop.run(Unannotated::pause);
        }
    }
}
