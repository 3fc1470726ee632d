package io.loopguard.scenarios.legacy.store;

/** A class of a sub-package of {@code legacy}: a single {@code *} after {@code legacy.} does not reach it. */
public final class Store {
    private Store() {
    }

    public static void flush() throws InterruptedException {
        Thread.sleep(1);
    }

    public static void sync() throws InterruptedException {
        Thread.sleep(1);
    }
}
