package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import net.bytebuddy.asm.Advice;

/** Inlined into the method that runs one task of a mixed pool: the thread must not block if this task must not. */
final class TaskDesignationAdvice {
    private TaskDesignationAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter() {
        return Probe.designateTask();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.undesignate(state);
    }
}
