package io.loopguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeCallSiteTransformerTest {
    private static final NativeCallSiteTransformer.Target SLEEP = new NativeCallSiteTransformer.Target(
            "java/lang/Thread", "sleep", "(J)V", false, 3);
    private static final NativeCallSiteTransformer.Target WAIT = new NativeCallSiteTransformer.Target(
            "java/lang/Object", "wait", "(J)V", true, 4);
    private final List<String> problems = new ArrayList<>();
    private final NativeCallSiteTransformer transformer = new NativeCallSiteTransformer(
            Map.of(SLEEP.key(), SLEEP, WAIT.key(), WAIT), ClassCache.OFF, problems::add);

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

    @Test
    void aClassFileItCannotReadIsLeftAsItIsAndSaidSo() {
        byte[] broken = "not a class file, though it says sleep".getBytes(StandardCharsets.UTF_8);
        assertNull(transformer.transform(getClass().getClassLoader(), "com/acme/Broken", null, null, broken));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("could not probe calls to native blocking methods in com.acme.Broken"),
                problems.toString());
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
