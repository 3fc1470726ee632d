package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Thread.setName}: a renamed thread is judged again by its new name. */
final class ThreadRenameAdvice {
    private ThreadRenameAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.This Thread thread) {
        Probe.renamed(thread);
    }
}
