package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the stalls that are the time of a blocking call already reported: a handler that sleeps 300 ms is one
 * problem, the sleep, not a second one. Such a stall is given the call's call site and fix, and names the call.
 * Only the reporting thread calls it; the call is delivered before its stall, as it is detected when it starts.
 */
final class BlockingCallStalls {
    /** The stall's start is computed from the watchdog's clock, a little later than the task's true start. */
    private static final Duration START_SLACK = Duration.ofSeconds(1);
    private static final int MAX_THREADS = 1024;

    /** The last blocking call reported on each thread, by thread name. */
    private final Map<String, Detection> lastCall = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Detection> eldest) {
            return size() > MAX_THREADS;
        }
    };

    /** Returns {@code detection}, or, for a stall inside the thread's last blocking call, that call's stall. */
    Detection link(Detection detection) {
        if (detection.type().equals(Detection.BLOCKING_CALL)) {
            lastCall.put(detection.thread(), detection);
            return detection;
        }
        if (detection.stall() == null) {
            return detection;
        }
        Detection call = lastCall.get(detection.thread());
        if (call == null || call.time().isBefore(detection.stall().started().minus(START_SLACK))
                || !sampledInside(call, detection.stack())) {
            return detection;
        }
        return new Detection(Detection.STALL, null, null, detection.thread(), call.callSite(), detection.stack(),
                detection.time(), call.hint(), detection.stall().inBlockingCall(call.describeOperation()), null);
    }

    /**
     * Whether a sampled stack shows the call's call site in a call to the same method as in the call's own stack
     * (at another line of it: the probe is at its entry). A {@code native} method is probed at its call site
     * (the top frame then), whose line alone must match.
     */
    private static boolean sampledInside(Detection call, List<String> sampled) {
        int callSite = call.callSite() == null ? -1 : call.stack().indexOf(call.callSite());
        if (callSite < 0) {
            return false;
        }
        String called = callSite > 0 ? method(call.stack().get(callSite - 1)) : null;
        for (int i = 1; i < sampled.size(); i++) {
            if (sampled.get(i).equals(call.callSite())
                    && (called == null || method(sampled.get(i - 1)).equals(called))) {
                return true;
            }
        }
        return false;
    }

    /** The method of a stack line: {@code java.base/java.lang.Thread.sleep} of {@code ...sleep(Thread.java:536)}. */
    private static String method(String line) {
        int source = line.indexOf('(');
        return source < 0 ? line : line.substring(0, source);
    }
}
