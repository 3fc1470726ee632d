package io.loopguard.scenarios.legacy;

/** A cache that loads synchronously: {@link #loadUser} blocks in {@link #fetch}, a frame further in. */
public final class UserCache {
    private UserCache() {
    }

    public static void loadUser() throws InterruptedException {
        fetch();
    }

    public static void evict() throws InterruptedException {
        Thread.sleep(1);
    }

    private static void fetch() throws InterruptedException {
        Thread.sleep(1);
    }
}
