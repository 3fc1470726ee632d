package io.loopguard.agent.otlp;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.report.Reporter;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands findings to the OTLP export as log records: the first blocking call from each call site, and every
 * stall report. Later calls from a known call site are not resent: the meters count them.
 */
public final class OtlpFindingsReporter implements Reporter {
    private final OtlpExport export;
    private final Set<String> callSites = new HashSet<>();

    public OtlpFindingsReporter(OtlpExport export) {
        this.export = export;
    }

    @Override
    public void report(Detection detection) {
        if (detection.stall() != null
                || callSites.add(detection.type() + ' ' + detection.describeOperation() + ' ' + detection.callSite())) {
            export.offer(detection);
        }
    }

    @Override
    public void dropped(long count) {
        // Counted in loopguard.events.dropped, which the meters export.
    }
}
