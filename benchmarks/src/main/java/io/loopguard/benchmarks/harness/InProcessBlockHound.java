package io.loopguard.benchmarks.harness;

import java.util.function.Predicate;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound the way its users do, from inside the application: it attaches itself as an agent.
 * Its default integrations are loaded too (Netty's marks Netty's event loops as non-blocking).
 */
public final class InProcessBlockHound {
    /** Whether the current thread is inside a measured JMH iteration; see {@link #forJmhIterations}. */
    private static final ThreadLocal<Boolean> MEASURING = ThreadLocal.withInitial(() -> false);

    private InProcessBlockHound() {
    }

    /** Installs BlockHound, also treating {@code nonBlocking} threads as ones that must not block. */
    public static void install(Predicate<Thread> nonBlocking) {
        BlockHound.install(builder -> builder.nonBlockingThreadPredicate(current -> current.or(nonBlocking)));
    }

    /** Installs BlockHound, accepting blocking inside {@code allowed.allowedMethod}. */
    public static void install(Class<?> allowed, String allowedMethod) {
        BlockHound.install(builder -> builder.allowBlockingCallsInside(allowed.getName(), allowedMethod));
    }

    /**
     * Installs BlockHound so that {@code benchmarkThreads} must not block while a JMH iteration runs
     * ({@link #measuring}), and accepting blocking inside {@code allowed.allowedMethod}. Not for their whole
     * life: BlockHound throws, and JMH's own waits between iterations would break the run.
     */
    public static void forJmhIterations(Predicate<Thread> benchmarkThreads, Class<?> allowed, String allowedMethod) {
        BlockHound.install(builder -> builder
                .addDynamicThreadPredicate(benchmarkThreads)
                .nonBlockingThreadPredicate(current -> current.or(thread -> benchmarkThreads.test(thread) && MEASURING.get()))
                .allowBlockingCallsInside(allowed.getName(), allowedMethod));
    }

    /** As {@link #forJmhIterations(Predicate, Class, String)}, with no method where blocking is accepted. */
    public static void forJmhIterations(Predicate<Thread> benchmarkThreads) {
        BlockHound.install(builder -> builder
                .addDynamicThreadPredicate(benchmarkThreads)
                .nonBlockingThreadPredicate(current -> current.or(thread -> benchmarkThreads.test(thread) && MEASURING.get())));
    }

    /** Call at the start and end of each iteration, on the benchmark thread. */
    public static void measuring(boolean value) {
        MEASURING.set(value);
    }
}
