package io.loopguard.benchmarks.detection;

import static io.loopguard.benchmarks.harness.JmhForks.LOOPGUARD;
import static io.loopguard.benchmarks.harness.JmhForks.WORKER;

import org.openjdk.jmh.annotations.Fork;

/** {@link RepeatedDetection} with Loopguard in report mode, detections on stderr only (counted after the first). */
@Fork(jvmArgsAppend = LOOPGUARD + "mode=report,threads=.*" + WORKER + "\\d+")
public class RepeatedDetectionLoopguard extends RepeatedDetection {
}
