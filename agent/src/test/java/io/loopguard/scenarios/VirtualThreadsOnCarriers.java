package io.loopguard.scenarios;

/**
 * Virtual threads named {@code vt-sleeper-<n>} that each sleep a little, enough of them at once that every
 * carrier thread runs some; for runs whose {@code threads} option names them, or names the carriers.
 */
public final class VirtualThreadsOnCarriers {

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 21) {
            System.out.println("RESULT no virtual threads");
            return;
        }
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = VirtualThreadsThatBlock.virtual("vt-sleeper-" + i, VirtualThreadsOnCarriers::sleepOnVirtualThread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("RESULT done");
    }

    static void sleepOnVirtualThread() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
