package io.loopguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeCallSiteTransformerTest {
    private static final NativeCallSiteTransformer.Target SLEEP = new NativeCallSiteTransformer.Target(
            "java/lang/Thread", "sleep", "(J)V", false, 3);
    private static final NativeCallSiteTransformer.Target WAIT = new NativeCallSiteTransformer.Target(
            "java/lang/Object", "wait", "(J)V", true, 4);
    private final NativeCallSiteTransformer transformer = new NativeCallSiteTransformer(
            Map.of(SLEEP.key(), SLEEP, WAIT.key(), WAIT), ClassCache.OFF, problem -> { });

    static final class CallsThreadSleep {
        void pause() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    static final class WaitsOnItsLock {
        private final String lock = "lock";

        void pause() throws InterruptedException {
            synchronized (lock) {
                lock.wait(1);
            }
        }
    }

    /** Says "sleep" and "wait" (a method of its own, a string, "await") and calls neither target. */
    static final class OnlyMentionsTheNames {
        private int waiters;

        void sleep(long millis) {
            waiters += (int) millis;
        }

        String await() {
            sleep(waiters);
            return "wait";
        }
    }

    @Test
    void aClassThatCallsATargetRefersToIt() throws IOException {
        assertTrue(transformer.refersToAnyTarget(classFile(CallsThreadSleep.class)));
        assertTrue(transformer.refersToAnyTarget(classFile(WaitsOnItsLock.class)), "Object.wait called on a String");
    }

    @Test
    void aClassThatOnlyMentionsTheNamesDoesNot() throws IOException {
        assertFalse(transformer.refersToAnyTarget(classFile(OnlyMentionsTheNames.class)));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
