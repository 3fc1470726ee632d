package io.loopguard.agent.detect;

import io.loopguard.BlockingCallError;
import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.BlocksWhen;
import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.config.Mode;
import io.loopguard.agent.threads.DesignatedThreads;
import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ProbeListener;
import io.loopguard.bootstrap.ThreadNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
    private final long lockWaitNanos;
    private final BiConsumer<String, String> counter;
    private final Predicate<Supplier<Detection>> delivery;
    private volatile SelfTestCanary canary;
    /** Set once a JDK Flight Recorder recording has run: until then, no JFR class is loaded. */
    private volatile CallTimer callTimer;
    private volatile Runnable virtualThreadSeen;

    /**
     * @param lockWait how long a thread must wait for a lock or semaphore for that to be a blocking call
     * @param counter  told of each blocking call (operation, thread name) that is reported or dropped, so that
     *                 the count equals reported plus dropped; must not block: it may run on the designated thread
     * @param delivery must not block: it runs on the designated thread; the detection it gets is completed
     *                 ({@link Supplier#get}) on another thread, once, and may then turn out to be {@code null};
     *                 returns {@code false} if the detection was dropped
     */
    public Detector(List<BlockingOperation> operations, DesignatedThreads designatedThreads, Mode mode,
                    Duration lockWait, BiConsumer<String, String> counter, Predicate<Supplier<Detection>> delivery) {
        this.operations = operations;
        this.designatedThreads = designatedThreads;
        this.mode = mode;
        this.lockWaitNanos = lockWait.toNanos();
        this.counter = counter;
        this.delivery = delivery;
    }

    /** While set, probe firings on the canary's thread are recorded by it and never reported. */
    public void useCanary(SelfTestCanary value) {
        canary = value;
    }

    /** From now on, each blocking call reported is also timed by {@code timer} (a JFR event). */
    public void timeCallsWith(CallTimer timer) {
        callTimer = timer;
    }

    /** Runs {@code action} each time a virtual thread first reaches a probe; it must return at once. */
    public void onVirtualThread(Runnable action) {
        virtualThreadSeen = action;
    }

    @Override
    public boolean isDesignated(Thread thread) {
        Runnable virtual = virtualThreadSeen;
        if (virtual != null && ThreadNames.isVirtual(thread)) {
            virtual.run();
        }
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
        SelfTestCanary current = canary;
        if (current != null && current.owns(Thread.currentThread())) {
            // The canary's probe throws; in a static initialiser that would break the class for good.
            return CallStack.of(new Throwable(), operation.name()).inStaticInitializer() ? null
                    : current.fired(operationId);
        }
        if (Thread.currentThread() instanceof AgentThread) {
            return null; // the agent's own threads may block, even when a run-time thread pattern names them
        }
        String thread = name(Thread.currentThread());
        Instant time = Instant.now();
        CallTimer timer = callTimer;
        Consumer<Detection> callEnded = timer == null ? null : timer.start();
        if (operation.condition() == BlocksWhen.LOCK_WAITED_LONGER_THAN_THRESHOLD && LockAcquisition.current()) {
            long start = System.nanoTime();
            Probe.whenCallEnds(() -> lockWaitEnded(operation, thread, time, System.nanoTime() - start, callEnded));
            return null;
        }
        return reported(operation, new Throwable(), thread, time, null, callEnded);
    }

    /**
     * A lock or semaphore taken, when the wait has ended: a blocking call if it was longer than
     * {@code lock-wait-threshold}. In strict mode the acquisition then throws, once it gave the lock back. Its
     * stack is recorded only now, inside the same {@code acquire}: most waits are short and cost no stack.
     */
    private void lockWaitEnded(BlockingOperation operation, String thread, Instant time, long waitedNanos,
                               Consumer<Detection> callEnded) {
        if (waitedNanos >= lockWaitNanos) {
            BlockingCallError error = reported(operation, new Throwable(), thread, time,
                    TimeUnit.NANOSECONDS.toMillis(waitedNanos), callEnded);
            if (error != null) {
                Probe.throwWhenCallEnds(error);
            }
        }
    }

    /**
     * Delivers the detection of a blocking call; returns the error to throw in strict mode.
     *
     * @param waitedMillis for a lock wait, which has ended: how long it took; {@code null} for a call starting
     */
    private BlockingCallError reported(BlockingOperation operation, Throwable trace, String thread, Instant time,
                                       Long waitedMillis, Consumer<Detection> callEnded) {
        if (mode != Mode.STRICT && callEnded == null) {
            // Counted where it is decided: when the reporting thread completes it (a static initialiser's call
            // turns out not to be one), or here if it is dropped unseen.
            if (!delivery.test(() -> counted(detection(operation, CallStack.of(trace, operation.name()), thread, time,
                    waitedMillis)))) {
                counter.accept(operation.name(), thread);
            }
            return null;
        }
        // Strict mode needs the stack now for its error; a timed call needs it for its event when it returns.
        CallStack stack = CallStack.of(trace, operation.name());
        Detection detection = counted(detection(operation, stack, thread, time, waitedMillis));
        delivery.test(() -> detection);
        if (detection == null) {
            return null;
        }
        BlockingCallError error = mode == Mode.STRICT ? strictError(detection, stack) : null;
        if (callEnded != null && (error != null || waitedMillis != null)) {
            callEnded.accept(detection); // the call will not happen (the error is thrown in its place), or is over
        } else if (callEnded != null) {
            Probe.whenCallEnds(() -> callEnded.accept(detection));
        }
        return error;
    }

    /** A virtual thread has no name unless the application gave it one: as pinned reports name it. */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
    private static String name(Thread thread) {
        String name = thread.getName();
        return name.isEmpty() && ThreadNames.isVirtual(thread) ? "virtual thread #" + thread.getId() : name;
    }

    private Detection counted(Detection detection) {
        if (detection != null) {
            counter.accept(detection.operation(), detection.thread());
        }
        return detection;
    }

    /**
     * The detection, or {@code null} inside a static initialiser: it runs once, on whichever thread first
     * uses the class, and an error thrown there would break the class for good.
     */
    private static Detection detection(BlockingOperation operation, CallStack stack, String thread, Instant time,
                                       Long waitedMillis) {
        if (stack.inStaticInitializer()) {
            return null;
        }
        String via = stack.via() == null || operation.probes(stack.via()) ? null : stack.via();
        return new Detection(Detection.BLOCKING_CALL, operation.name(), via, thread, stack.callSite(),
                stack.lines(), time, operation.remedy().hint(), null, null, waitedMillis);
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
