package io.loopguard.agent.jfr;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Detector;
import io.loopguard.agent.report.Reporter;
import io.loopguard.agent.watchdog.LoopMonitor;
import java.util.function.Consumer;

/**
 * Puts Loopguard's findings into JDK Flight Recorder recordings: blocking calls ({@code io.loopguard.BlockingCall},
 * recorded on the thread that blocked), stalls ({@code io.loopguard.Stall}) and each event loop's delay
 * ({@code io.loopguard.LoopDelay}, periodic). Nothing of Flight Recorder's events is loaded, and nothing is
 * recorded, until a recording runs.
 */
public final class JfrReporter implements Reporter {
    private final LoopMonitor loops;
    private final Consumer<String> problems;
    private volatile Consumer<Detection> stalls;

    public JfrReporter(LoopMonitor loops, Consumer<String> problems) {
        this.loops = loops;
        this.problems = problems;
    }

    /**
     * Listens for recordings; called on the reporting thread, off the application's start path.
     *
     * @param detector times each blocking call it reports once a recording runs
     */
    public void watchRecordings(Detector detector) {
        try {
            RecordingWatch.start(loops, () -> {
                stalls = new StallEvents();
                detector.timeCallsWith(new BlockingCallEvents());
            });
        } catch (LinkageError | RuntimeException unavailable) {
            problems.accept("JDK Flight Recorder is not available in this JVM (" + unavailable
                    + "); Loopguard's JFR events are off");
        }
    }

    @Override
    public void report(Detection detection) {
        Consumer<Detection> recorder = stalls;
        if (recorder != null && detection.stall() != null) {
            recorder.accept(detection);
        }
    }

    @Override
    public void dropped(long count) {
    }
}
