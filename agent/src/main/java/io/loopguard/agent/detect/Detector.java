package io.loopguard.agent.detect;

import io.loopguard.BlockingCallError;
import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.config.Mode;
import io.loopguard.agent.threads.DesignatedThreads;
import io.loopguard.bootstrap.ProbeListener;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns a probe firing on a designated thread into a {@link Detection} and hands it on without blocking.
 *
 * <p>In {@code report} mode the designated thread only records its stack (natively, in a {@link Throwable})
 * and hands over a detection that the reporting thread completes: rendering a stack costs several times
 * more than recording it, and a handler that blocks on every request pays for each detection.
 */
public final class Detector implements ProbeListener {
    private final List<BlockingOperation> operations;
    private final DesignatedThreads designatedThreads;
    private final Mode mode;
    private final Consumer<Supplier<Detection>> delivery;
    private volatile SelfTestCanary canary;

    /**
     * @param delivery must not block: it runs on the designated thread; the detection it gets may be
     *                 completed ({@link Supplier#get}) on any other thread, once
     */
    public Detector(List<BlockingOperation> operations, DesignatedThreads designatedThreads, Mode mode,
                    Consumer<Supplier<Detection>> delivery) {
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
    public BlockingCallError blockingCall(int operationId) {
        SelfTestCanary current = canary;
        if (current != null && current.owns(Thread.currentThread())) {
            return current.fired(operationId);
        }
        BlockingOperation operation = operations.get(operationId);
        Throwable trace = new Throwable();
        String thread = Thread.currentThread().getName();
        Instant time = Instant.now();
        if (mode != Mode.STRICT) {
            delivery.accept(() -> detection(operation, CallStack.of(trace, operation.name()), thread, time));
            return null;
        }
        CallStack stack = CallStack.of(trace, operation.name());
        Detection detection = detection(operation, stack, thread, time);
        delivery.accept(() -> detection);
        return strictError(detection, stack);
    }

    private static Detection detection(BlockingOperation operation, CallStack stack, String thread, Instant time) {
        return new Detection(Detection.BLOCKING_CALL, operation.name(), stack.via(), thread, stack.callSite(),
                stack.lines(), time, operation.remedy().hint());
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
