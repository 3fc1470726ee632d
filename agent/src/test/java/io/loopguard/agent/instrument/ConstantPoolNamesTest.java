package io.loopguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantPoolNamesTest {
    private final ConstantPoolNames await = new ConstantPoolNames(List.of("await", "awaitUninterruptibly"));

    static final class DeclaresAwait {
        void await() {
        }
    }

    static final class CallsAwait {
        void call(DeclaresAwait other) {
            other.await();
        }
    }

    /** Long and double constants take two entries of the pool; the names come after them. */
    static final class AwaitsAfterWideConstants {
        static final Object WIDE = new Object[] {Long.MAX_VALUE - 3, Math.PI * 3, 1.5f, 123_456_789};

        void awaitUninterruptibly() {
        }
    }

    /** Says "await" only inside longer names and strings. */
    static final class OnlySaysItInLongerNames {
        String awaitTermination() {
            return "await all";
        }
    }

    @Test
    void aDeclaredOrCalledMethodIsFoundByItsName() throws IOException {
        assertTrue(await.anyIn(classFile(DeclaresAwait.class)));
        assertTrue(await.anyIn(classFile(CallsAwait.class)));
        assertTrue(await.anyIn(classFile(AwaitsAfterWideConstants.class)));
    }

    @Test
    void aNameInsideALongerStringIsNotTheName() throws IOException {
        assertFalse(await.anyIn(classFile(OnlySaysItInLongerNames.class)));
        assertFalse(new ConstantPoolNames(List.of("sleep")).anyIn(classFile(DeclaresAwait.class)));
    }

    @Test
    void whatIsNoClassFileOrIsCutShortMayHoldThem() throws IOException {
        assertTrue(await.anyIn("not a class file".getBytes(StandardCharsets.UTF_8)));
        byte[] whole = classFile(OnlySaysItInLongerNames.class);
        assertTrue(await.anyIn(Arrays.copyOf(whole, 40)));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
