package io.loopguard.benchmarks.detection;

import io.loopguard.benchmarks.Agent;
import io.loopguard.benchmarks.InProcessBlockHound;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The CPU time a designated thread spends per repeated detection, which, unlike JMH's wall time, other
 * work on a shared machine hardly changes. Runs {@link DeepBlockingCall} on a thread named {@link #THREAD}
 * (designated by the agent options the caller gives) and prints {@code cpu-micros-per-call <median>}.
 *
 * <p>Argument: the {@link Agent} the JVM runs with.
 */
public final class DetectionCpuTime {
    public static final String THREAD = "designated-detection-cpu-time";
    private static final int WARMUP_CALLS = 100_000;
    private static final int CALLS_PER_ROUND = 50_000;
    private static final int ROUNDS = 5;

    private DetectionCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        if (Agent.fromArgument(args[0]) == Agent.BLOCKHOUND) {
            InProcessBlockHound.install(thread -> THREAD.equals(thread.getName()));
        }
        double[] micros = new double[ROUNDS];
        Thread designated = new Thread(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < WARMUP_CALLS; i++) {
                DeepBlockingCall.call();
            }
            for (int round = 0; round < ROUNDS; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < CALLS_PER_ROUND; i++) {
                    DeepBlockingCall.call();
                }
                micros[round] = (threads.getCurrentThreadCpuTime() - start) / 1_000.0 / CALLS_PER_ROUND;
            }
        }, THREAD);
        designated.start();
        designated.join();
        Arrays.sort(micros);
        System.out.println("cpu-micros-per-call " + micros[ROUNDS / 2]);
    }
}
