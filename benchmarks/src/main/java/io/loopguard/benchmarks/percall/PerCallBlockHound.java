package io.loopguard.benchmarks.percall;

import static io.loopguard.benchmarks.harness.JmhForks.BLOCKHOUND_FLAG;
import static io.loopguard.benchmarks.harness.JmhForks.WORKER;

import io.loopguard.benchmarks.harness.InProcessBlockHound;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/** {@link PerCall} with BlockHound, non-blocking threads and allowance set up as for Loopguard. */
@Fork(jvmArgsAppend = BLOCKHOUND_FLAG)
public class PerCallBlockHound extends PerCall {

    @Setup(Level.Trial)
    public void installBlockHound() {
        InProcessBlockHound.forJmhIterations(
                thread -> thread.getName().matches(".*OnDesignatedThread" + WORKER + "\\d+"),
                AllowedBlocking.class, "parkNanos");
    }

    @Override
    protected void measuring(boolean measuring) {
        InProcessBlockHound.measuring(measuring);
    }
}
