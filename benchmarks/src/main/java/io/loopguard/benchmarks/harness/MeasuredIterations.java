package io.loopguard.benchmarks.harness;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Base of the JMH benchmarks: a variant may act as each iteration starts and ends, on the benchmark thread. */
@State(Scope.Thread)
public abstract class MeasuredIterations {

    @Setup(Level.Iteration)
    public void iterationStarts() {
        measuring(true);
    }

    @TearDown(Level.Iteration)
    public void iterationEnds() {
        measuring(false);
    }

    /** Does nothing; BlockHound's variants designate their thread here (see {@link InProcessBlockHound}). */
    protected void measuring(boolean measuring) {
    }
}
