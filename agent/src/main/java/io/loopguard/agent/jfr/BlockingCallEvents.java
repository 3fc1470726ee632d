package io.loopguard.agent.jfr;

import io.loopguard.agent.detect.CallTimer;
import io.loopguard.agent.detect.Detection;
import java.util.function.Consumer;

/**
 * Records each reported blocking call as a {@link BlockingCallEvent} on the thread that made it, begun at the
 * probe and committed as the call returns: so JDK Mission Control shows it on that thread's lane, for as long
 * as the call took, with that thread's stack (the application's frames under the blocking JDK method).
 */
final class BlockingCallEvents implements CallTimer {

    @Override
    public Consumer<Detection> start() {
        BlockingCallEvent event = new BlockingCallEvent();
        if (!event.isEnabled()) {
            return null; // no recording wants it: nothing more is done for this call
        }
        event.begin();
        return detection -> {
            event.end();
            if (event.shouldCommit()) {
                event.operation = detection.operation();
                event.calledMethod = detection.via();
                event.callSite = detection.callSite();
                event.hint = detection.hint();
                event.commit();
            }
        };
    }
}
