package io.loopguard.agent.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A late wake-up of the watchdog: the JVM stood still, or the machine was short of CPUs, or nothing. */
class LateWakeUpsTest {

    @Test
    void lateWithNoLoopRunningMeansTheJvmStoodStill() {
        assertEquals(JvmPauses.JVM, LateWakeUps.verdict(millis(200), false));
    }

    @Test
    void lateWhileLoopsRanMeansTheMachineWasOverloaded() {
        assertEquals(JvmPauses.CPU, LateWakeUps.verdict(millis(200), true));
    }

    @Test
    void aLittleLateIsAnOverloadedMachineWhetherOrNotLoopsRan() {
        assertEquals(JvmPauses.CPU, LateWakeUps.verdict(millis(20), false));
        assertEquals(JvmPauses.CPU, LateWakeUps.verdict(millis(20), true));
    }

    @Test
    void onTimeIsNothing() {
        assertNull(LateWakeUps.verdict(millis(1), false));
        assertNull(LateWakeUps.verdict(-millis(1), true));
    }

    private static long millis(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
