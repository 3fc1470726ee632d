package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code AbstractQueuedSynchronizer.acquire(Node, int arg, boolean shared, ...)}, where a lock,
 * semaphore or latch waits: a lock wait is judged when it ends, and can then only be thrown after giving back
 * what it acquired.
 */
final class LockAcquireAdvice {
    private LockAcquireAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter(@OperationId int operation) {
        return Probe.enter(operation);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state, @Advice.This AbstractQueuedSynchronizer lock,
                     @Advice.Argument(1) int arg, @Advice.Argument(2) boolean shared, @Advice.Return int acquired,
                     @Advice.Thrown Throwable thrown) {
        if (state != null) {
            Probe.exitLockAcquire(state, lock, arg, shared, acquired, thrown != null);
        }
    }
}
