package io.loopguard.scenarios;

import java.util.concurrent.locks.LockSupport;

/**
 * Blocks on a thread whose name is not valid Unicode (a lone surrogate, which any code may put in a
 * string), then on a well-named one: the events file must stay whole and valid for both.
 */
public final class LoneSurrogateThreadName {
    public static final String BAD_NAME = "loop-bad-\ud800";
    public static final String GOOD_NAME = "loop-good";
    public static final int CALLS = 3;

    public static void main(String[] args) throws Exception {
        for (String name : new String[] {BAD_NAME, GOOD_NAME}) {
            Thread loop = new Thread(() -> {
                for (int i = 0; i < CALLS; i++) {
                    LockSupport.parkNanos(1_000);
                }
            }, name);
            loop.start();
            loop.join();
        }
        System.out.println("RESULT done");
    }
}
