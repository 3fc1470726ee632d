package io.loopguard.benchmarks.detection;

import org.openjdk.jmh.annotations.Fork;

/** {@link RepeatedDetection} with no agent: the cost of the blocking call itself, to subtract. */
@Fork(jvmArgsAppend = {})
public class RepeatedDetectionNoAgent extends RepeatedDetection {
}
