package io.loopguard.agent.jfr;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import java.util.function.Consumer;

/** Records each stall report as a {@link StallEvent}, on the reporting thread. */
final class StallEvents implements Consumer<Detection> {

    @Override
    public void accept(Detection detection) {
        Stall stall = detection.stall();
        StallEvent event = new StallEvent();
        if (stall == null || !event.shouldCommit()) {
            return;
        }
        event.eventLoop = detection.thread();
        event.phase = stall.phase();
        event.taskStart = stall.started().toEpochMilli();
        event.stallDuration = stall.durationMillis();
        event.cause = stall.pause() != null ? stall.pause() : stall.blockedOn() != null ? "lock" : "task";
        event.hottestFrame = stall.hottestFrame();
        event.callSite = detection.callSite();
        event.blockedOn = stall.blockedOn();
        event.stack = detection.stack().isEmpty() ? null : String.join("\n", detection.stack());
        event.commit();
    }
}
