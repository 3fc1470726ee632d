package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.LoopClock;
import io.loopguard.bootstrap.Probe;
import net.bytebuddy.asm.Advice;

/** Inlined into event-loop run methods: gives the loop a clock the watchdog can read. */
final class LoopRunAdvice {
    private LoopRunAdvice() {
    }

    @Advice.OnMethodEnter
    static LoopClock enter(@Advice.This Object loop) {
        return Probe.loopStarted(loop);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter LoopClock clock) {
        Probe.loopEnded(clock);
    }
}
