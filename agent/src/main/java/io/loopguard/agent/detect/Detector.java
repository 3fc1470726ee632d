package io.loopguard.agent.detect;

import io.loopguard.BlockingCallError;
import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.config.Mode;
import io.loopguard.agent.threads.AgentThread;
import io.loopguard.agent.threads.DesignatedThreads;
import io.loopguard.bootstrap.ProbeListener;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a probe firing on a designated thread into a {@link Detection} and hands it on without blocking.
 */
public final class Detector implements ProbeListener {
    private final List<BlockingOperation> operations;
    private final DesignatedThreads designatedThreads;
    private final Mode mode;
    private final Consumer<Detection> delivery;
    private volatile SelfTestCanary canary;

    /** @param delivery must not block: it runs on the designated thread */
    public Detector(List<BlockingOperation> operations, DesignatedThreads designatedThreads, Mode mode,
                    Consumer<Detection> delivery) {
        this.operations = operations;
        this.designatedThreads = designatedThreads;
        this.mode = mode;
        this.delivery = delivery;
    }

    /** While set, probe firings on the canary's thread are recorded by it and never reported. */
    public void useCanary(SelfTestCanary value) {
        canary = value;
    }

    @Override
    public boolean isDesignated(Thread thread) {
        SelfTestCanary current = canary;
        return current != null && current.owns(thread) || designatedThreads.isDesignated(thread);
    }

    @Override
    public boolean permitsBlocking(Thread thread) {
        return designatedThreads.permitsBlocking(thread);
    }

    @Override
    public boolean isTaskDesignated(Thread thread) {
        return designatedThreads.isTaskDesignated(thread);
    }

    @Override
    public BlockingCallError blockingCall(int operationId) {
        BlockingOperation operation = operations.get(operationId);
        CallStack stack = CallStack.capture(operation.name());
        if (stack.inStaticInitializer()) {
            // A class's static initialiser runs once, on whichever thread first uses the class; and an
            // error thrown there would break the class for good.
            return null;
        }
        SelfTestCanary current = canary;
        if (current != null && current.owns(Thread.currentThread())) {
            return current.fired(operationId);
        }
        if (Thread.currentThread() instanceof AgentThread) {
            return null; // the agent's own threads may block, even when a run-time thread pattern names them
        }
        String via = stack.via() == null || operation.probes(stack.via()) ? null : stack.via();
        Detection detection = new Detection(Detection.BLOCKING_CALL, operation.name(), via,
                Thread.currentThread().getName(), stack.callSite(), stack.lines(), Instant.now(),
                operation.remedy().hint());
        delivery.accept(detection);
        return mode == Mode.STRICT ? strictError(detection, stack) : null;
    }

    private static BlockingCallError strictError(Detection detection, CallStack stack) {
        BlockingCallError error = new BlockingCallError("blocking call " + detection.describeOperation()
                + " on thread \"" + detection.thread() + "\", which must never block (Loopguard strict mode): "
                + detection.hint());
        // The error's own trace would start inside the agent; show the application's instead.
        error.setStackTrace(stack.elements().toArray(new StackTraceElement[0]));
        return error;
    }
}
