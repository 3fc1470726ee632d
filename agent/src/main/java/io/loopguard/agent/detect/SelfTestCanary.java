package io.loopguard.agent.detect;

import io.loopguard.BlockingCallError;
import java.util.BitSet;

/**
 * The threads on which the start-up self-test makes each probe fire. There a probe throws at once, so a
 * working probe never blocks, and its firing is recorded instead of reported.
 */
public final class SelfTestCanary {
    private final BitSet fired = new BitSet();

    /** A daemon thread, designated, on which {@code exercise} runs. */
    public Thread newThread(Runnable exercise) {
        return new CanaryThread(exercise);
    }

    boolean owns(Thread candidate) {
        return candidate instanceof CanaryThread;
    }

    BlockingCallError fired(int operationId) {
        synchronized (fired) {
            fired.set(operationId);
        }
        return new BlockingCallError("Loopguard self-test: the probe fired");
    }

    public boolean hasFired(int operationId) {
        synchronized (fired) {
            return fired.get(operationId);
        }
    }

    private static final class CanaryThread extends Thread {
        CanaryThread(Runnable exercise) {
            super(exercise, "loopguard-self-test");
            setDaemon(true);
        }
    }
}
