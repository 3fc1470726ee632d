package io.loopguard.benchmarks.detection;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What one more detection costs the thread that blocked, at a call site already reported: a bad handler
 * that blocks on every request. The benchmark thread is designated in the agent forks (the subclasses),
 * and calls {@code parkNanos} at the bottom of a stack about as deep as a Netty handler's, holding a
 * permit so that the park itself returns at once and the detection's cost stands out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class RepeatedDetection {
    /** With JMH's own frames below, about the 40 frames of a blocking call in a Netty handler. */
    private static final int STACK_DEPTH = 32;

    @Benchmark
    public Object repeatedDetection() {
        return blockAtDepth(STACK_DEPTH);
    }

    private static Object blockAtDepth(int depth) {
        if (depth > 0) {
            return blockAtDepth(depth - 1);
        }
        try {
            LockSupport.unpark(Thread.currentThread());
            LockSupport.parkNanos(1);
            return null;
        } catch (Error detected) {
            return detected; // BlockHound's way of reporting: an Error from the blocking call
        }
    }
}
