package io.loopguard.agent.allow;

import io.loopguard.agent.threads.MethodRef;
import java.util.ArrayList;
import java.util.List;

/** Methods inside which a designated thread may block: the built-in ones and the {@code allow} option's. */
public final class Allowances {

    /** Blocking that frameworks and the JDK do on event loops by design, each cheap or once only. */
    static final List<MethodRef> BUILT_IN = List.of(
            // Netty's graceful shutdown polls its task queue every 100 ms with Thread.sleep on the loop.
            new MethodRef("io.netty.util.concurrent.SingleThreadEventExecutor", "confirmShutdown"),
            // A pool thread waiting for its next task is idle, not blocked: Reactor's parallel() and single()
            // and RxJava's computation() threads are ThreadPoolExecutor workers; common-pool workers wait here.
            new MethodRef("java.util.concurrent.ThreadPoolExecutor", "getTask"),
            new MethodRef("java.util.concurrent.ForkJoinPool", "awaitWork"),
            // A pool worker that exits (at shutdown) takes the pool's lock to deregister itself.
            new MethodRef("java.util.concurrent.ThreadPoolExecutor", "processWorkerExit"),
            // Scheduling or cancelling a delayed task holds the timer queue's lock for a moment; Reactor and
            // RxJava do it on their own non-blocking threads all the time (Mono.delay, intervals, timeouts).
            new MethodRef("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "offer"),
            new MethodRef("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove"),
            // loopguard-api: blocks the application runs as allowed.
            new MethodRef("io.loopguard.api.Loopguard", "runAllowed"),
            new MethodRef("io.loopguard.api.Loopguard", "callAllowed"),
            // A timer's first newTimeout waits for its worker thread to start, once per timer.
            new MethodRef("io.netty.util.HashedWheelTimer", "start"),
            // Loading a class reads its class file or jar once; every first use of a class does it.
            new MethodRef("java.lang.ClassLoader", "loadClass"),
            // Seeding reads /dev/urandom, which never waits once the kernel's pool is initialised (at boot);
            // TLS handshakes do it on the event loop.
            new MethodRef("java.security.SecureRandom", "nextBytes"),
            new MethodRef("java.security.SecureRandom", "generateSeed"),
            new MethodRef("java.security.SecureRandom", "setSeed"),
            new MethodRef("java.security.SecureRandom", "reseed"));

    private Allowances() {
    }

    /** The built-in allowances followed by the user's. */
    public static List<MethodRef> with(List<MethodRef> userAllowances) {
        List<MethodRef> all = new ArrayList<>(BUILT_IN);
        all.addAll(userAllowances);
        return List.copyOf(all);
    }
}
