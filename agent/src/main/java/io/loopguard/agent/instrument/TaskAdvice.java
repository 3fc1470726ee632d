package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.LoopClock;
import io.loopguard.bootstrap.Probe;
import net.bytebuddy.asm.Advice;

/** Inlined into the methods that run one unit of an event loop's work: times it on the loop's clock. */
final class TaskAdvice {
    private TaskAdvice() {
    }

    @Advice.OnMethodEnter
    static LoopClock enter() {
        return Probe.taskStarted();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter LoopClock clock) {
        Probe.taskEnded(clock);
    }
}
