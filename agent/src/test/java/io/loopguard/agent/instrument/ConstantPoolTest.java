package io.loopguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstantPoolTest {

    /** Wide constants first (a long and a double take two indices each), then calls to a class's and an interface's method. */
    static final class CallsAfterWideConstants {
        static final Object WIDE = new Object[] {Long.MAX_VALUE - 3, Math.PI * 3};

        void call(List<String> list) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE - 7);
            list.size();
        }
    }

    @Test
    void methodReferencesAreReadWithTheirOwnerNameAndDescriptor() throws IOException {
        ConstantPool pool = ConstantPool.of(classFile(CallsAfterWideConstants.class));
        Set<String> references = new HashSet<>();
        for (int entry = 1; entry < pool.size(); entry++) {
            if (pool.isMethodReference(entry)) {
                references.add(pool.owner(entry) + "." + pool.name(entry) + pool.descriptor(entry));
            }
        }
        assertTrue(references.contains("java/lang/Thread.sleep(J)V"), references.toString());
        assertTrue(references.contains("java/util/List.size()I"), "an interface's method: " + references);
        assertTrue(references.contains("java/lang/Long.valueOf(J)Ljava/lang/Long;"), references.toString());
    }

    @Test
    void whatIsNoClassFileOrIsCutShortIsNotRead() throws IOException {
        assertNull(ConstantPool.of("not a class file".getBytes(StandardCharsets.UTF_8)));
        byte[] whole = classFile(CallsAfterWideConstants.class);
        assertNull(ConstantPool.of(Arrays.copyOf(whole, 60)));
        assertEquals(-1, ConstantPool.entryCount(new byte[4]));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
