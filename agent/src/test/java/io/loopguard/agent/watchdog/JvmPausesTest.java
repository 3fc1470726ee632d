package io.loopguard.agent.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How much of a task's time the JVM stood still or the machine was overloaded, each moment counted once. */
class JvmPausesTest {
    private final JvmPauses pauses = new JvmPauses();

    @Test
    void countsOnlyThePartInsideTheInterval() {
        pauses.stopped(50, 150);

        assertEquals(new JvmPauses.Overlap(50, JvmPauses.JVM), pauses.overlap(100, 200, false));
        assertEquals(new JvmPauses.Overlap(0, JvmPauses.CPU), pauses.overlap(200, 300, false));
    }

    @Test
    void countsOverlappingPausesOnce() {
        pauses.stopped(100, 200);
        pauses.overloaded(150, 250);

        assertEquals(new JvmPauses.Overlap(150, JvmPauses.JVM), pauses.overlap(100, 300, true));
    }

    @Test
    void anOverloadedMachineCountsOnlyForARunnableThread() {
        pauses.overloaded(100, 200);

        assertEquals(new JvmPauses.Overlap(100, JvmPauses.CPU), pauses.overlap(0, 300, true));
        assertEquals(new JvmPauses.Overlap(0, JvmPauses.CPU), pauses.overlap(0, 300, false));
    }

    @Test
    void aCollectionWhoseNotificationIsLateIsStillSeen() {
        pauses.listenToGarbageCollection();
        try {
            // Holding the monitor keeps the JVM's notification from being recorded, as on a busy machine.
            synchronized (pauses) {
                long before = System.nanoTime();
                System.gc();
                pauses.catchUp();
                long margin = TimeUnit.SECONDS.toNanos(1);
                assertEquals(JvmPauses.GC, pauses.overlap(before - margin, System.nanoTime() + margin, false).kind());
            }
        } finally {
            pauses.stopListening();
        }
    }
}
