package io.loopguard.scenarios.legacy;

/** A class of the package {@code legacy} itself. */
public final class Journal {
    private Journal() {
    }

    public static void flush() throws InterruptedException {
        Thread.sleep(1);
    }
}
