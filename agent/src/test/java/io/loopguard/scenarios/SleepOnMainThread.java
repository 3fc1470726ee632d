package io.loopguard.scenarios;

/** Sleeps on the main thread, for runs where the {@code threads} option designates {@code main}. */
public final class SleepOnMainThread {

    public static void main(String[] args) {
        try {
            Thread.sleep(1);
            System.out.println("RESULT sleep ok");
        } catch (Throwable thrown) {
            System.out.println("RESULT sleep threw " + thrown.getClass().getName());
        }
    }
}
