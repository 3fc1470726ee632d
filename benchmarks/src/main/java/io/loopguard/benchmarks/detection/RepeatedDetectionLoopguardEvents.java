package io.loopguard.benchmarks.detection;

import static io.loopguard.benchmarks.JmhForks.LOOPGUARD;
import static io.loopguard.benchmarks.JmhForks.WORKER;

import org.openjdk.jmh.annotations.Fork;

/** {@link RepeatedDetection} with Loopguard in report mode, every detection also written to an events file. */
@Fork(jvmArgsAppend = LOOPGUARD + "mode=report,threads=.*" + WORKER + "\\d+,events=" + RepeatedDetectionLoopguardEvents.EVENTS)
public class RepeatedDetectionLoopguardEvents extends RepeatedDetection {
    static final String EVENTS = "target/repeated-detection-events.jsonl";
}
