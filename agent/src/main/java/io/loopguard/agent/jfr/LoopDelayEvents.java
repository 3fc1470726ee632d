package io.loopguard.agent.jfr;

import io.loopguard.agent.watchdog.LoopMonitor;
import io.loopguard.agent.watchdog.LoopStats;

/** Emits one {@link LoopDelayEvent} per running event loop each period, when Flight Recorder asks. */
final class LoopDelayEvents implements Runnable {
    private final LoopMonitor monitor;

    LoopDelayEvents(LoopMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void run() {
        for (LoopStats loop : monitor.loops()) {
            if (!loop.running()) {
                continue;
            }
            LoopDelayEvent event = new LoopDelayEvent();
            event.eventLoop = loop.thread();
            event.delayP50 = loop.delayP50Nanos();
            event.delayP99 = loop.delayP99Nanos();
            event.delayMax = loop.delayMaxNanos();
            event.delaySamples = loop.delaySamples();
            event.utilization = loop.utilization();
            event.stalls = loop.stalls();
            event.commit();
        }
    }
}
