package io.loopguard.agent.detect;

import io.loopguard.BlockingCallError;
import io.loopguard.agent.accept.Acceptance;
import io.loopguard.agent.accept.Verdict;
import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.BlocksWhen;
import io.loopguard.agent.catalog.PublicApi;
import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.config.Mode;
import io.loopguard.agent.frameworks.BlockingMethod;
import io.loopguard.agent.threads.DesignatedThreads;
import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ProbeListener;
import io.loopguard.bootstrap.ThreadNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private final List<BlockingMethod> frameworkMethods;
    private final DesignatedThreads designatedThreads;
    private final Mode mode;
    private final long lockWaitNanos;
    private final BlockingCallCounter counter;
    private final Predicate<Supplier<Detection>> delivery;
    private volatile SelfTestCanary canary;
    /** Set once a JDK Flight Recorder recording has run: until then, no JFR class is loaded. */
    private volatile CallTimer callTimer;
    private volatile Runnable virtualThreadSeen;
    private volatile Acceptance acceptance = Acceptance.NOTHING;

    /**
     * @param operations       the catalogue: a probe's id is an index in it
     * @param frameworkMethods the frameworks' blocking methods, probed at their entry with the ids after the
     *                         catalogue's, in this order
     * @param lockWait how long a thread must wait for a lock or semaphore for that to be a blocking call
     * @param counter  told of each blocking call that is reported or dropped, so that the count equals reported
     *                 plus dropped; must not block: it may run on the designated thread
     * @param delivery must not block: it runs on the designated thread; the detection it gets is completed
     *                 ({@link Supplier#get}) on another thread, once, and may then turn out to be {@code null};
     *                 returns {@code false} if the detection was dropped
     */
    public Detector(List<BlockingOperation> operations, List<BlockingMethod> frameworkMethods,
                    DesignatedThreads designatedThreads, Mode mode, Duration lockWait, BlockingCallCounter counter,
                    Predicate<Supplier<Detection>> delivery) {
        this.operations = operations;
        this.frameworkMethods = frameworkMethods;
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

    /** From now on, blocking calls are judged by {@code value}: accepted by a rule, known from the baseline, or new. */
    public void acceptWith(Acceptance value) {
        acceptance = value;
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
        Throwable trace = new Throwable();
        SelfTestCanary current = canary;
        if (current != null && current.owns(Thread.currentThread())) {
            // The canary's probe throws; in a static initialiser that would break the class for good.
            return CallStack.inStaticInitializer(trace) ? null : current.fired(operationId);
        }
        if (Thread.currentThread() instanceof AgentThread) {
            return null; // the agent's own threads may block, even when a run-time thread pattern names them
        }
        String thread = name(Thread.currentThread());
        Instant time = Instant.now();
        CallTimer timer = callTimer;
        Consumer<Detection> callEnded = timer == null ? null : timer.start();
        if (operationId < operations.size()
                && operations.get(operationId).condition() == BlocksWhen.LOCK_WAITED_LONGER_THAN_THRESHOLD
                && LockAcquisition.current()) {
            long start = System.nanoTime();
            Probe.whenCallEnds(() -> lockWaitEnded(operationId, thread, time, System.nanoTime() - start, callEnded));
            return null;
        }
        return reported(operationId, trace, thread, time, null, callEnded);
    }

    /**
     * A lock or semaphore taken, when the wait has ended: a blocking call if it was longer than
     * {@code lock-wait-threshold}. In strict mode the acquisition then throws, once it gave the lock back. Its
     * stack is recorded only now, inside the same {@code acquire}: most waits are short and cost no stack.
     */
    private void lockWaitEnded(int operationId, String thread, Instant time, long waitedNanos,
                               Consumer<Detection> callEnded) {
        if (waitedNanos >= lockWaitNanos) {
            BlockingCallError error = reported(operationId, new Throwable(), thread, time,
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
    private BlockingCallError reported(int operationId, Throwable trace, String thread, Instant time,
                                       Long waitedMillis, Consumer<Detection> callEnded) {
        if (mode != Mode.STRICT && callEnded == null) {
            // Counted where it is decided: when the reporting thread completes it (a static initialiser's file access,
            // or a call a rule accepts, turns out not to be one), or here if it is dropped unseen.
            if (!delivery.test(() -> counted(detection(operationId, stack(operationId, trace), thread, time,
                    waitedMillis)))) {
                counter.count(name(operationId), thread, false);
            }
            return null;
        }
        // Strict mode needs the stack now for its error; a timed call needs it for its event when it returns.
        CallStack stack = stack(operationId, trace);
        Detection detection = counted(detection(operationId, stack, thread, time, waitedMillis));
        delivery.test(() -> detection);
        if (detection == null) {
            return null;
        }
        // Not thrown for a known finding, nor from a static initialiser: it runs once, and an error there would break
        // the class for good.
        BlockingCallError error = mode == Mode.STRICT && !detection.baseline() && !stack.inStaticInitializer()
                ? strictError(detection, stack) : null;
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
            // Dashboards show what the application called (CompletableFuture.join), not the JDK's internal wait.
            counter.count(PublicApi.operation(detection.operation(), detection.via()), detection.thread(),
                    detection.baseline());
        }
        return detection;
    }

    /** The catalogued operation or framework method the probe {@code operationId} is in, as reports name it. */
    private String name(int operationId) {
        return operationId < operations.size() ? operations.get(operationId).name()
                : frameworkMethods.get(operationId - operations.size()).name();
    }

    private CallStack stack(int operationId, Throwable trace) {
        return operationId < operations.size() ? CallStack.of(trace, name(operationId))
                : CallStack.ofFrameworkCall(trace, name(operationId));
    }

    /**
     * The detection, or {@code null} when a rule accepts the call, or for a static initialiser's file access (it
     * reads its class's resources).
     */
    private Detection detection(int operationId, CallStack stack, String thread, Instant time, Long waitedMillis) {
        String name = name(operationId);
        String via = null;
        String hint;
        if (operationId < operations.size()) {
            BlockingOperation operation = operations.get(operationId);
            if (stack.inStaticInitializer() && operation.remedy().acceptedInStaticInitializer()) {
                return null;
            }
            // Named as the application wrote it: java.net.http.HttpClient.send, not the JDK's HttpClientFacade.send.
            via = stack.via() == null || operation.probes(stack.via()) ? null : PublicApi.method(stack.via());
            if (name.equals(via)) {
                via = null;
            }
            hint = operation.remedy().hint();
        } else {
            hint = frameworkMethods.get(operationId - operations.size()).hint();
        }
        Acceptance judge = acceptance;
        if (judge.allows(name, via, thread, stack.elements())) {
            return null;
        }
        Verdict verdict = judge.judge(name, thread, stack.callSiteFrame(), stack.library());
        return new Detection(Detection.BLOCKING_CALL, name, via, thread, stack.callSite(), stack.lines(), time, hint,
                null, null, waitedMillis, verdict.baseline(), verdict.acceptWith());
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
