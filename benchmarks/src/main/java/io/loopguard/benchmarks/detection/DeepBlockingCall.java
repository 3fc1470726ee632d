package io.loopguard.benchmarks.detection;

import java.util.concurrent.locks.LockSupport;

/**
 * A blocking call at the bottom of a stack about as deep as a Netty handler's: with JMH's or a thread's own
 * frames below, about 40 frames. The thread holds a permit, so the park itself returns at once and a
 * detection's cost stands out.
 */
public final class DeepBlockingCall {
    private static final int STACK_DEPTH = 32;

    private DeepBlockingCall() {
    }

    /** @return BlockHound's error, if it threw one (its way of reporting), else {@code null} */
    public static Object call() {
        return atDepth(STACK_DEPTH);
    }

    private static Object atDepth(int depth) {
        if (depth > 0) {
            return atDepth(depth - 1);
        }
        try {
            LockSupport.unpark(Thread.currentThread());
            LockSupport.parkNanos(1);
            return null;
        } catch (Error detected) {
            return detected;
        }
    }
}
