package io.loopguard.benchmarks.detection;

import static io.loopguard.benchmarks.harness.JmhForks.LOOPGUARD;
import static io.loopguard.benchmarks.harness.JmhForks.WORKER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/** {@link RepeatedDetection} with Loopguard in report mode, every detection also written to an events file. */
@Fork(jvmArgsAppend = LOOPGUARD + "mode=report,threads=.*" + WORKER + "\\d+,events=" + RepeatedDetectionLoopguardEvents.EVENTS)
public class RepeatedDetectionLoopguardEvents extends RepeatedDetection {
    static final String EVENTS = "target/repeated-detection-events.jsonl";

    /** The file grows by hundreds of megabytes a second; its space is freed when the fork ends. */
    @TearDown(Level.Trial)
    public void deleteEvents() throws IOException {
        Files.deleteIfExists(Path.of(EVENTS));
    }
}
