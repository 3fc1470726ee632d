package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import net.bytebuddy.asm.Advice;

/** Inlined into allowed methods: blocking inside them is accepted. */
final class AllowanceAdvice {
    private AllowanceAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter() {
        return Probe.allow();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.disallow(state);
    }
}
