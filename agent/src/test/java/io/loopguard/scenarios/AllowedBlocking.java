package io.loopguard.scenarios;

/** A method the tests name in the {@code allow} option: blocking calls made inside it are accepted. */
public final class AllowedBlocking {
    private AllowedBlocking() {
    }

    public static void run(String call) throws Exception {
        Blockers.run(call);
    }
}
