package io.loopguard.benchmarks.detection;

import io.loopguard.benchmarks.harness.MeasuredIterations;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * What one more detection costs the thread that blocked, at a call site already reported: a bad handler
 * that blocks on every request. The benchmark thread is designated in the agent forks (the subclasses).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class RepeatedDetection extends MeasuredIterations {

    @Benchmark
    public Object repeatedDetection() {
        return DeepBlockingCall.call();
    }
}
