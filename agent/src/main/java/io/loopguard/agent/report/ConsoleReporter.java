package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Pinning;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes to stderr: each call site in full the first time, then only counts it; at exit, a summary of
 * the call sites by count.
 */
public final class ConsoleReporter implements Reporter {
    private static final int STACK_LINES = 40;
    private static final int SUMMARY_LINES = 20;

    private final PrintStream err;
    private final Map<String, CallSiteCount> callSites = new LinkedHashMap<>();
    private final StallConsoleLines stalls;
    private long total;
    private long pinned;
    private long dropped;
    private long known;

    public ConsoleReporter(PrintStream err) {
        this.err = err;
        this.stalls = new StallConsoleLines(err);
    }

    @Override
    public synchronized void report(Detection detection) {
        if (detection.stall() != null) {
            stalls.report(detection);
            return;
        }
        if (detection.baseline()) {
            known++; // counted in the meters and the events file, shown only in the summary's count
            return;
        }
        if (detection.pinning() != null) {
            pinned++;
        } else {
            total++;
        }
        String key = detection.type() + ' ' + detection.describeOperation() + ' ' + detection.callSite();
        CallSiteCount count = callSites.get(key);
        if (count != null) {
            count.calls++;
            return;
        }
        callSites.put(key, new CallSiteCount(detection));
        StringBuilder text = new StringBuilder(2048).append(headline(detection))
                .append(detection.callSite() != null ? detection.callSite() : "(no application frame)").append('\n');
        List<String> stack = detection.stack();
        for (int i = 0; i < Math.min(stack.size(), STACK_LINES); i++) {
            text.append("\tat ").append(stack.get(i)).append('\n');
        }
        if (stack.size() > STACK_LINES) {
            text.append("\t... ").append(stack.size() - STACK_LINES).append(" more\n");
        }
        text.append("    fix: ").append(detection.hint()).append('\n');
        if (detection.acceptWith() != null) {
            text.append("    accept: ").append(detection.acceptWith()).append('\n');
        }
        text.append("    (shown once per call site; later calls from it are counted in the summary at exit)");
        err.println(text);
    }

    private static String headline(Detection detection) {
        Pinning pinning = detection.pinning();
        if (pinning == null) {
            return "loopguard: blocking call " + detection.describeOperation() + " on thread \"" + detection.thread()
                    + "\", which must never block, " + (detection.waitedMillis() == null ? ""
                    : "waited " + detection.waitedMillis() + " ms for a lock another thread held, ") + "at ";
        }
        String carrier = pinning.carrier() != null ? "its carrier thread \"" + pinning.carrier() + "\"" : "its carrier thread";
        return "loopguard: virtual thread \"" + detection.thread() + "\" blocked in " + detection.operation()
                + " while pinned (" + pinning.reason() + "), holding " + carrier + " for " + pinning.durationMillis()
                + " ms, at ";
    }

    @Override
    public synchronized void dropped(long count) {
        dropped += count;
    }

    @Override
    public void close() {
        err.println(summary());
    }

    /**
     * What was found so far: stalls, pinned virtual threads and blocking calls, each call site with its count;
     * printed at exit, and asked for by {@code status} from another thread.
     */
    public synchronized String summary() {
        List<String> parts = new ArrayList<>();
        String stallLines = stalls.summary();
        if (!stallLines.isEmpty()) {
            parts.add(stallLines);
        }
        if (pinned > 0) {
            parts.add(summary(Detection.PINNED, "loopguard: summary: " + pinned
                    + (pinned == 1 ? " virtual thread blocked" : " virtual threads blocked") + " while pinned to"
                    + " their carrier thread, from " + callSites(Detection.PINNED)));
        }
        if (known > 0) {
            parts.add("loopguard: summary: " + known + (known == 1 ? " blocking call" : " blocking calls")
                    + " at call sites the baseline lists, not shown");
        }
        if (total == 0 && dropped == 0) {
            parts.add("loopguard: summary: no blocking calls on threads that must never block");
            return String.join("\n", parts);
        }
        String head = "loopguard: summary: " + total + (total == 1 ? " blocking call" : " blocking calls") + " from "
                + callSites(Detection.BLOCKING_CALL) + " on threads that must never block";
        if (dropped > 0) {
            head += ", and " + dropped + " more not reported because the report queue was full";
        }
        parts.add(summary(Detection.BLOCKING_CALL, head));
        return String.join("\n", parts);
    }

    private String callSites(String type) {
        long count = callSites.values().stream().filter(c -> c.first.type().equals(type)).count();
        return count + (count == 1 ? " call site" : " call sites");
    }

    /** {@code head}, then the call sites of detections of {@code type}, most frequent first. */
    private String summary(String type, String head) {
        StringBuilder text = new StringBuilder(head);
        List<CallSiteCount> ofType = callSites.values().stream().filter(c -> c.first.type().equals(type)).toList();
        ofType.stream()
                .sorted(Comparator.comparingLong((CallSiteCount c) -> c.calls).reversed())
                .limit(SUMMARY_LINES)
                .forEach(c -> text.append(String.format("%nloopguard: %8d  %s  at %s", c.calls,
                        c.first.describeOperation(), c.first.callSite())));
        if (ofType.size() > SUMMARY_LINES) {
            text.append("\nloopguard: ... and ").append(ofType.size() - SUMMARY_LINES).append(" more call sites");
        }
        return text.toString();
    }

    private static final class CallSiteCount {
        final Detection first;
        long calls = 1;

        CallSiteCount(Detection first) {
            this.first = first;
        }
    }
}
