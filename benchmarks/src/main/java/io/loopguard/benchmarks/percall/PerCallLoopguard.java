package io.loopguard.benchmarks.percall;

import static io.loopguard.benchmarks.harness.JmhForks.LOOPGUARD;
import static io.loopguard.benchmarks.harness.JmhForks.WORKER;

import org.openjdk.jmh.annotations.Fork;

/** {@link PerCall} with the Loopguard agent, designating the {@code OnDesignatedThread} benchmarks' threads. */
@Fork(jvmArgsAppend = LOOPGUARD + "threads=.*OnDesignatedThread" + WORKER + "\\d+,allow="
        + AllowedBlocking.LOOPGUARD_ALLOW)
public class PerCallLoopguard extends PerCall {
}
