package io.loopguard.junit.samples;

import io.loopguard.junit.NoBlocking;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A test that ends with a burst of blocking calls, followed by a clean test: every call of the burst is
 * charged to the first, none late to the second, however far behind the agent's reporting thread is.
 */
@NoBlocking
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class BurstAtTheEnd extends EventLoopSample {
    public static final int BURST = 300;
    static void pause() throws InterruptedException {
        Thread.sleep(0);
    }

    @Test
    @Order(1)
    void endsWithABurst() throws Exception {
        loop.run(() -> {
            for (int i = 0; i < BURST; i++) {
                try {
                    pause();
                } catch (Throwable swallowed) {
                    // strict mode's error, swallowed so that the burst goes on
                }
            }
        });
    }

    @Test
    @Order(2)
    void runsRightAfterIt() {
    }
}
