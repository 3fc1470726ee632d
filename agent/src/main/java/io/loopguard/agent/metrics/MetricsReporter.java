package io.loopguard.agent.metrics;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.report.Reporter;

/**
 * Feeds the dropped-events meter from the reporting thread. Blocking calls are not counted here but by the
 * detector ({@link MeterStore#countBlockingCall}), which also counts those a full report queue dropped.
 */
public final class MetricsReporter implements Reporter {
    private final MeterSeries dropped;

    public MetricsReporter(MeterStore meters) {
        // Created up front so that dashboards show 0 rather than no data.
        this.dropped = meters.series(LoopguardMeters.EVENTS_DROPPED);
    }

    @Override
    public void report(Detection detection) {
        // Blocking calls are counted where they are detected; stalls and loop delay by LoopMeters.
    }

    @Override
    public void dropped(long count) {
        dropped.add(count);
    }
}
