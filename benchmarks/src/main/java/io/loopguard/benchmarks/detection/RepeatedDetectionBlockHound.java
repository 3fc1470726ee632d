package io.loopguard.benchmarks.detection;

import static io.loopguard.benchmarks.harness.JmhForks.BLOCKHOUND_FLAG;
import static io.loopguard.benchmarks.harness.JmhForks.WORKER;

import io.loopguard.benchmarks.harness.InProcessBlockHound;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/** {@link RepeatedDetection} with BlockHound, whose detection builds and throws an {@code Error}. */
@Fork(jvmArgsAppend = BLOCKHOUND_FLAG)
public class RepeatedDetectionBlockHound extends RepeatedDetection {

    @Setup(Level.Trial)
    public void installBlockHound() {
        InProcessBlockHound.forJmhIterations(thread -> thread.getName().contains(WORKER));
    }

    @Override
    protected void measuring(boolean measuring) {
        InProcessBlockHound.measuring(measuring);
    }
}
