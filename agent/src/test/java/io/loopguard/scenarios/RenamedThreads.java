package io.loopguard.scenarios;

/**
 * Threads whose names change while they run, with {@code threads=renamed-loop-\d+}: each sleeps once under
 * a name the pattern does not match, once after it was renamed to match it, and once after it was renamed
 * back. One renames itself; the other is renamed by the main thread while it runs. Each sleep is its own
 * call site, named for when it happens.
 */
public final class RenamedThreads {
    public static final String THREADS = "renamed-loop-\\d+";

    private static volatile int step;

    public static void main(String[] args) throws Exception {
        Thread renamesItself = started("plain-worker-1", () -> {
            sleepBeforeRename();
            Thread.currentThread().setName("renamed-loop-1");
            sleepAfterRename();
            Thread.currentThread().setName("plain-again-1");
            sleepAfterRenameBack();
        });
        renamesItself.join();

        Thread renamed = started("plain-worker-2", () -> {
            sleepBeforeRename();
            step = 1;
            awaitStep(2);
            sleepAfterRename();
            step = 3;
            awaitStep(4);
            sleepAfterRenameBack();
        });
        awaitStep(1);
        renamed.setName("renamed-loop-2");
        step = 2;
        awaitStep(3);
        renamed.setName("plain-again-2");
        step = 4;
        renamed.join();
        System.out.println("RESULT renamed threads done");
    }

    /** Spins: a blocking wait would be a blocking call of its own. */
    private static void awaitStep(int expected) {
        while (step < expected) {
            Thread.onSpinWait();
        }
    }

    static void sleepBeforeRename() throws InterruptedException {
        Thread.sleep(1);
    }

    static void sleepAfterRename() throws InterruptedException {
        Thread.sleep(1);
    }

    static void sleepAfterRenameBack() throws InterruptedException {
        Thread.sleep(1);
    }

    /** Runs {@code steps} on a new thread named {@code name}. */
    private static Thread started(String name, Steps steps) {
        Thread thread = new Thread(() -> {
            try {
                steps.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.start();
        return thread;
    }

    private interface Steps {
        void run() throws InterruptedException;
    }
}
