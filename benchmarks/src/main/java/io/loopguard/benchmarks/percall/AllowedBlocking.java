package io.loopguard.benchmarks.percall;

import java.util.concurrent.locks.LockSupport;

/** The method each agent is told to accept blocking in (Loopguard's {@code allow}, BlockHound's allowance). */
public final class AllowedBlocking {
    /** {@code Class#method}, as Loopguard's {@code allow} option takes it. */
    public static final String LOOPGUARD_ALLOW = "io.loopguard.benchmarks.percall.AllowedBlocking#parkNanos";

    private AllowedBlocking() {
    }

    static void parkNanos() {
        LockSupport.unpark(Thread.currentThread());
        LockSupport.parkNanos(1);
    }

    /** The same method name, so allowed as well: {@code parkNanos(0)}, which is probed and returns at once. */
    public static void parkNanos(long nanos) {
        LockSupport.parkNanos(nanos);
    }
}
