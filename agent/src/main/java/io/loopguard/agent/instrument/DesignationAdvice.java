package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import net.bytebuddy.asm.Advice;

/** Inlined into event-loop run methods: the thread must not block while it is inside. */
final class DesignationAdvice {
    private DesignationAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter() {
        return Probe.designate();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.undesignate(state);
    }
}
