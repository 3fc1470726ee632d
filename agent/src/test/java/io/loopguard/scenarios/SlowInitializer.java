package io.loopguard.scenarios;

/** A class whose static initializer blocks: a virtual thread that initializes it is pinned (JDK 21+). */
final class SlowInitializer {

    static {
        try {
            Thread.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SlowInitializer() {
    }
}
