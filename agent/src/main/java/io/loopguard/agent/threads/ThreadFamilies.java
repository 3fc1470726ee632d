package io.loopguard.agent.threads;

import java.util.List;

/**
 * Thread families recognised by the type of the thread, judged once per thread: by binary class or interface
 * name, found anywhere in the thread's class hierarchy, so the agent needs no compile dependency on them.
 */
public final class ThreadFamilies {

    /** Threads of these types (or their subtypes) must never block, for their whole life. */
    public static final List<String> NON_BLOCKING_TYPES = List.of(
            // Project Reactor marks the threads of Schedulers.parallel() and single() (not boundedElastic()).
            "reactor.core.scheduler.NonBlocking",
            // RxJava 3 marks the threads of Schedulers.computation() and single() (not io()).
            "io.reactivex.rxjava3.internal.schedulers.NonBlockingThread");

    /**
     * Threads of these types may always block when this {@code boolean} method says so, even while they run an
     * event loop: the framework made them for blocking work.
     */
    public static final List<MethodRef> BLOCKING_PERMITTED_BY = List.of(
            // Netty 4.1 and 4.2; Vert.x's worker threads (VertxThread) answer true.
            new MethodRef("io.netty.util.concurrent.FastThreadLocalThread", "permitBlockingCalls"));

    /**
     * Pools that run both CPU work and blocking work on the same threads: a thread must not block while it runs
     * a task of the CPU kind only. See {@link TaskRunner}.
     */
    public static final List<TaskRunner> PER_TASK = List.of(
            // kotlinx.coroutines: Dispatchers.Default and Dispatchers.IO share one scheduler. A worker runs a
            // Default (CPU) task only while it holds a CPU permit (state CPU_ACQUIRED); for an IO task it gives
            // the permit back first (state BLOCKING). Stable from kotlinx-coroutines 1.6 to 1.11.
            new TaskRunner(new MethodRef("kotlinx.coroutines.scheduling.CoroutineScheduler", "runSafely"),
                    "kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "state", "CPU_ACQUIRED"));

    private ThreadFamilies() {
    }
}
