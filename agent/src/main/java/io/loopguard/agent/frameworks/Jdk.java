package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/**
 * The JDK's own blocking that every framework's non-blocking threads do by design, each cheap or once only.
 * (The common pool's workers are designated by the {@code common-pool} option, not here: it is the user's call.)
 */
public final class Jdk implements LoopguardIntegration {
    private static final String IDLE_WORKER = "a pool thread waiting for its next task is idle, not blocked"
            + " (Reactor's parallel() and single() and RxJava's computation() threads are pool workers)";
    private static final String TIMER_QUEUE = "scheduling or cancelling a delayed task holds the timer queue's"
            + " lock for a moment; Reactor and RxJava do it on their non-blocking threads (delay, interval, timeout)";
    private static final String CLASS_PATH = "looking up a class-path resource checks the class path's folders and"
            + " jars, as loading a class does; libraries do it once, or their class loader caches it";
    private static final String SEEDING = "seeding reads /dev/urandom, which never waits once the kernel's pool is"
            + " initialised (at boot); TLS handshakes do it on the event loop";

    @Override
    public void describe(Framework jdk) {
        jdk
                .allowBlockingIn("java.util.concurrent.ThreadPoolExecutor#getTask", IDLE_WORKER)
                .allowBlockingIn("java.util.concurrent.ForkJoinPool#awaitWork", IDLE_WORKER)
                .allowBlockingIn("java.util.concurrent.ThreadPoolExecutor#processWorkerExit",
                        "a pool worker that exits (at shutdown) takes the pool's lock to deregister itself")
                .allowBlockingIn("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue#offer", TIMER_QUEUE)
                .allowBlockingIn("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue#remove", TIMER_QUEUE)
                .allowBlockingIn("java.lang.ClassLoader#loadClass",
                        "loading a class reads its class file or jar once; every first use of a class does it")
                // Finding a resource asks the file system for it in every class-path folder, as loading a class does.
                .allowBlockingIn("java.lang.ClassLoader#getResource", CLASS_PATH)
                .allowBlockingIn("java.lang.ClassLoader#getResources", CLASS_PATH)
                .allowBlockingIn("java.lang.ClassLoader#getResourceAsStream", CLASS_PATH)
                .allowBlockingIn("jdk.internal.loader.BuiltinClassLoader#findResource", CLASS_PATH)
                .allowBlockingIn("jdk.internal.loader.BuiltinClassLoader#findResources", CLASS_PATH)
                .allowBlockingIn("java.security.SecureRandom#nextBytes", SEEDING)
                .allowBlockingIn("java.security.SecureRandom#generateSeed", SEEDING)
                .allowBlockingIn("java.security.SecureRandom#setSeed", SEEDING)
                .allowBlockingIn("java.security.SecureRandom#reseed", SEEDING);
    }
}
