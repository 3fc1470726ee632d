package io.loopguard.scenarios;

/**
 * One blocking call site reached from two callers, three times each, on a thread named
 * {@code one-call-site} (the tests designate it with the {@code threads} option).
 */
public final class OneCallSiteTwoCallers {
    private static final int TIMES = 3;

    private OneCallSiteTwoCallers() {
    }

    public static void main(String[] args) throws Exception {
        Thread thread = new Thread(() -> {
            for (int i = 0; i < TIMES; i++) {
                firstCaller();
                secondCaller();
            }
        }, "one-call-site");
        thread.start();
        thread.join();
    }

    private static void firstCaller() {
        blockHere();
    }

    private static void secondCaller() {
        blockHere();
    }

    private static void blockHere() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
