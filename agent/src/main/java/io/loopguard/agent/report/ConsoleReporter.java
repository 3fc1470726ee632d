package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import java.io.PrintStream;
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
    private long dropped;

    public ConsoleReporter(PrintStream err) {
        this.err = err;
        this.stalls = new StallConsoleLines(err);
    }

    @Override
    public void report(Detection detection) {
        if (detection.stall() != null) {
            stalls.report(detection);
            return;
        }
        total++;
        String key = detection.type() + ' ' + detection.describeOperation() + ' ' + detection.callSite();
        CallSiteCount count = callSites.get(key);
        if (count != null) {
            count.calls++;
            return;
        }
        callSites.put(key, new CallSiteCount(detection));
        StringBuilder text = new StringBuilder(2048)
                .append("loopguard: blocking call ").append(detection.describeOperation())
                .append(" on thread \"").append(detection.thread()).append("\", which must never block, at ")
                .append(detection.callSite() != null ? detection.callSite() : "(no application frame)").append('\n');
        List<String> stack = detection.stack();
        for (int i = 0; i < Math.min(stack.size(), STACK_LINES); i++) {
            text.append("\tat ").append(stack.get(i)).append('\n');
        }
        if (stack.size() > STACK_LINES) {
            text.append("\t... ").append(stack.size() - STACK_LINES).append(" more\n");
        }
        text.append("    fix: ").append(detection.hint()).append('\n')
                .append("    (shown once per call site; later calls from it are counted in the summary at exit)");
        err.println(text);
    }

    @Override
    public void dropped(long count) {
        dropped += count;
    }

    @Override
    public void close() {
        stalls.summary();
        if (total == 0 && dropped == 0) {
            err.println("loopguard: summary: no blocking calls on threads that must never block");
            return;
        }
        StringBuilder text = new StringBuilder("loopguard: summary: ").append(total)
                .append(total == 1 ? " blocking call" : " blocking calls").append(" from ")
                .append(callSites.size()).append(callSites.size() == 1 ? " call site" : " call sites")
                .append(" on threads that must never block");
        if (dropped > 0) {
            text.append(", and ").append(dropped).append(" more not reported because the report queue was full");
        }
        callSites.values().stream()
                .sorted(Comparator.comparingLong((CallSiteCount c) -> c.calls).reversed())
                .limit(SUMMARY_LINES)
                .forEach(c -> text.append(String.format("%nloopguard: %8d  %s  at %s", c.calls,
                        c.first.describeOperation(), c.first.callSite())));
        if (callSites.size() > SUMMARY_LINES) {
            text.append("\nloopguard: ... and ").append(callSites.size() - SUMMARY_LINES).append(" more call sites");
        }
        err.println(text);
    }

    private static final class CallSiteCount {
        final Detection first;
        long calls = 1;

        CallSiteCount(Detection first) {
            this.first = first;
        }
    }
}
