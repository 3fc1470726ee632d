package io.loopguard.benchmarks;

import io.loopguard.benchmarks.detection.DeepBlockingCall;
import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.InProcessBlockHound;
import io.loopguard.benchmarks.percall.AllowedBlocking;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The CPU time a thread spends per call, which, unlike JMH's wall time, other work on a shared machine
 * hardly changes. Runs one {@link Call} on its own thread, warmed up, then in rounds, and prints
 * {@code cpu-nanos-per-call <median of the rounds>}.
 *
 * <p>Arguments: the {@link Agent} the JVM runs with, and the {@link Call}.
 */
public final class CpuTimePerCall {
    private static final int ROUNDS = 5;
    /**
     * Read before every call, as JMH reads its own flag: a call whose probe reads only fields nothing in the
     * loop writes would otherwise be hoisted out of the loop by the JIT, and measured at nothing.
     */
    private static volatile boolean stop;

    /** What is called, on which thread, how often per round. */
    public enum Call {
        /** {@code parkNanos(0)}, probed and returning without parking, on a thread that may block: the probe alone. */
        PROBE_ONLY("may-block", 50_000_000, () -> LockSupport.parkNanos(0)),
        /** The same inside a method where blocking is accepted, on a designated thread: the allowed path. */
        ALLOWED_PROBE_ONLY(Call.DESIGNATED_THREAD, 50_000_000, () -> AllowedBlocking.parkNanos(0)),
        /** {@code parkNanos(1)} with a permit, on a thread that may block: the probe's fast path. */
        PARK_WITH_PERMIT("may-block", 5_000_000, () -> {
            LockSupport.unpark(Thread.currentThread());
            LockSupport.parkNanos(1);
        }),
        /** A repeated detection: a blocking call on a designated thread, ~40 frames deep. */
        REPEATED_DETECTION(Call.DESIGNATED_THREAD, 50_000, DeepBlockingCall::call);

        /** The thread name the agents are told must not block. */
        public static final String DESIGNATED_THREAD = "cpu-time-designated";

        private final String thread;
        private final int callsPerRound;
        private final Runnable call;

        Call(String thread, int callsPerRound, Runnable call) {
            this.thread = thread;
            this.callsPerRound = callsPerRound;
            this.call = call;
        }
    }

    private CpuTimePerCall() {
    }

    public static void main(String[] args) throws Exception {
        if (Agent.fromArgument(args[0]) == Agent.BLOCKHOUND) {
            InProcessBlockHound.install(thread -> Call.DESIGNATED_THREAD.equals(thread.getName()));
        }
        Call call = Call.valueOf(args[1]);
        double[] nanos = new double[ROUNDS];
        Thread thread = new Thread(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 2 * call.callsPerRound && !stop; i++) {
                call.call.run();
            }
            for (int round = 0; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < call.callsPerRound && !stop; i++) {
                    call.call.run();
                }
                nanos[round] = (threads.getCurrentThreadCpuTime() - start) / (double) call.callsPerRound;
            }
        }, call.thread);
        thread.start();
        thread.join();
        Arrays.sort(nanos);
        System.out.println("cpu-nanos-per-call " + nanos[ROUNDS / 2]);
    }
}
