package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Selector.select}: an event loop's own select, between its tasks, is not probed. */
final class SelectAdvice {
    private SelectAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter(@OperationId int operation) {
        return Probe.enterUnlessBetweenLoopTasks(operation);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.exit(state);
    }
}
