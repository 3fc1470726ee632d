package io.loopguard.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a pinned report says, from the stack and reason the JDK recorded. */
class PinnedDetectionTest {
    private static final StackTraceElement PARK = frame("java.lang.VirtualThread", "parkOnCarrierThread");
    private static final StackTraceElement SLEEP = frame("java.lang.Thread", "sleep");
    private static final StackTraceElement RUN = frame("java.lang.VirtualThread", "run");

    @Test
    void aClassInitializerOnTheStackIsTheReasonAndTheCallSite() {
        Detection pin = PinnedDetection.of("vt", new StackTraceElement[] {PARK, SLEEP,
                frame("com.acme.Config", "<clinit>"), RUN}, "VM call to com.acme.Config.<clinit> on stack", "carrier-1", 52, Instant.EPOCH);
        assertEquals(Detection.PINNED, pin.type());
        assertEquals("java.lang.Thread.sleep", pin.operation());
        assertEquals("com.acme.Config.<clinit>(Config.java:7)", pin.callSite());
        assertEquals(new Pinning("VM call to com.acme.Config.<clinit> on stack", "carrier-1", 52), pin.pinning());
        assertEquals(PinnedDetection.CLASS_INIT_HINT, pin.hint());
    }

    @Test
    void theJdksNativeReasonGivesTheNativeHint() {
        Detection pin = PinnedDetection.of("vt", new StackTraceElement[] {PARK, SLEEP, frame("com.acme.Sorter", "compare"),
                RUN}, "Native or VM frame on stack", "carrier-1", 40, Instant.EPOCH);
        assertEquals("com.acme.Sorter.compare(Sorter.java:7)", pin.callSite());
        assertEquals(PinnedDetection.NATIVE_HINT, pin.hint());
    }

    @Test
    void withoutAReasonJdk21To23PinsAreMostlyAMonitorHeld() {
        Detection pin = PinnedDetection.of("vt", new StackTraceElement[] {PARK, SLEEP, frame("com.acme.Cache", "load"), RUN},
                null, null, 30, Instant.EPOCH);
        assertEquals("holding a monitor (synchronized), or a native frame", pin.pinning().reason());
        assertNull(pin.pinning().carrier());
        assertEquals(PinnedDetection.MONITOR_HINT, pin.hint());
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1) + ".java", 7);
    }
}
