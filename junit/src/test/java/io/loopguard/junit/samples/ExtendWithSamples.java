package io.loopguard.junit.samples;

import io.loopguard.junit.AllowBlocking;
import io.loopguard.junit.LoopguardExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests that block a Netty event loop, or not, with the extension registered on the class. */
@ExtendWith(LoopguardExtension.class)
public class ExtendWithSamples extends EventLoopSample {
    /** Called on the event loop: the call site every failure must name. Thread.sleep(long) is native on JDK 17. */
    static void pause() throws InterruptedException {
        Thread.sleep(20);
    }

    @Test
    void sleepsOnTheEventLoop() throws Exception {
        loop.run(ExtendWithSamples::pause);
    }

    @Test
    void staysOffTheEventLoop() throws Exception {
        loop.run(() -> System.out.println("SAMPLE a non-blocking task ran on the event loop"));
        pause(); // blocking the test's own thread is fine
    }

    @Test
    void swallowsWhatTheBlockingCallThrew() throws Exception {
        loop.run(() -> {
            try {
                pause();
            } catch (Throwable swallowed) {
                System.out.println("SWALLOWED BY THE APPLICATION " + swallowed.getClass().getName());
            }
        });
    }

    @Test
    @AllowBlocking
    void allowedToBlock() throws Exception {
        loop.run(ExtendWithSamples::pause);
    }
}
