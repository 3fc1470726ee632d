package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import net.bytebuddy.asm.Advice;

/** Inlined at the entry and exit of every catalogued blocking method. */
final class BlockingCallAdvice {
    private BlockingCallAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter(@OperationId int operation) {
        return Probe.enter(operation);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.exit(state);
    }
}
