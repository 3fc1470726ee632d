package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import java.util.LinkedHashMap;
import java.util.Map;

/** How often each problem was found so far, by kind, operation and call site: what {@code status} shows. */
public final class FindingsTally implements Reporter {
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long dropped;

    @Override
    public synchronized void report(Detection detection) {
        String key = Detection.STALL.equals(detection.type())
                ? "stall on thread \"" + detection.thread() + "\" at " + detection.callSite()
                : detection.describeOperation() + " at " + detection.callSite();
        counts.merge(key, 1L, Long::sum);
    }

    @Override
    public synchronized void dropped(long count) {
        dropped += count;
    }

    /** One line per problem, most frequent first. */
    public synchronized String describe() {
        if (counts.isEmpty()) {
            return "no blocking call and no stall on a thread that must not block, so far";
        }
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> text.append(String.format("%8d × %s%n", entry.getValue(), entry.getKey())));
        if (dropped > 0) {
            text.append(dropped).append(" more detections were dropped (the queue was full); the meters count them\n");
        }
        return text.toString().stripTrailing();
    }
}
