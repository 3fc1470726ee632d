package io.loopguard.scenarios;

/**
 * Sleeps on a thread whose name is empty, as every virtual thread's is: an empty {@code threads} option
 * once designated all of them.
 */
public final class SleepOnUnnamedThread {

    public static void main(String[] args) throws Exception {
        Thread unnamed = new Thread(() -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "");
        unnamed.start();
        unnamed.join();
        System.out.println("RESULT slept on a thread named ''");
    }
}
