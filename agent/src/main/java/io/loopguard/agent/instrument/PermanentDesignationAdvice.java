package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Loopguard.designateCurrentThread()}: from then on the thread must never block. */
final class PermanentDesignationAdvice {
    private PermanentDesignationAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter() {
        Probe.designate(); // never undone: the designation lasts as long as the thread
    }
}
