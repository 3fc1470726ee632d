package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.bootstrap.DetectionSubscribers;
import java.time.Instant;

/**
 * Hands detections to in-process subscribers ({@link DetectionSubscribers}) as maps with the fields of the
 * events file ({@link DetectionFields}), so that they need no agent type.
 */
public final class SubscribersReporter implements Reporter {

    @Override
    public void report(Detection detection) {
        DetectionSubscribers.publish(DetectionFields.of(detection));
    }

    @Override
    public void dropped(long count) {
        DetectionSubscribers.publish(DetectionFields.dropped(count, Instant.now()));
    }
}
