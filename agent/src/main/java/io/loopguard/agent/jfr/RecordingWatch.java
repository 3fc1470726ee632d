package io.loopguard.agent.jfr;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.watchdog.LoopMonitor;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Waits for the first JDK Flight Recorder recording to run ({@code -XX:StartFlightRecording}, {@code jcmd
 * JFR.start}, JMC), then turns Loopguard's events on for good. Listening costs a few classes; loading an event
 * class before Flight Recorder runs would cost hundreds of milliseconds, so none is loaded until then.
 */
final class RecordingWatch implements FlightRecorderListener {
    private final AtomicBoolean started = new AtomicBoolean();
    private final LoopMonitor loops;
    private final Runnable turnOn;

    private RecordingWatch(LoopMonitor loops, Runnable turnOn) {
        this.loops = loops;
        this.turnOn = turnOn;
    }

    /** @param turnOn run once, on an agent thread of its own, when a recording first runs */
    static void start(LoopMonitor loops, Runnable turnOn) {
        FlightRecorder.addListener(new RecordingWatch(loops, turnOn));
    }

    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        if (recorder.getRecordings().stream().anyMatch(recording -> recording.getState() == RecordingState.RUNNING)) {
            recordingRuns();
        }
    }

    @Override
    public void recordingStateChanged(Recording recording) {
        if (recording.getState() == RecordingState.RUNNING) {
            recordingRuns();
        }
    }

    private void recordingRuns() {
        if (started.compareAndSet(false, true)) {
            // Not on the thread that starts the recording: it may hold Flight Recorder's locks.
            new AgentThread("loopguard-jfr", () -> {
                // Registered here, so that the first blocking call does not load its event class on an event loop.
                FlightRecorder.register(BlockingCallEvent.class);
                FlightRecorder.register(StallEvent.class);
                turnOn.run();
                FlightRecorder.addPeriodicEvent(LoopDelayEvent.class, new LoopDelayEvents(loops));
            }).start();
        }
    }
}
