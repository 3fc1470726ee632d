package io.loopguard.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failure message of a test that blocked: each call site once, with its operation, threads and stack; then
 * each event-loop stall its code caused, with where the time went.
 */
final class BlockingReport {
    private static final int MAX_FRAMES = 40;

    private BlockingReport() {
    }

    /** @param during "this test" or "this test class, outside its tests" */
    static String describe(String during, List<BlockingCall> calls, List<LoopStall> stalls, long dropped,
                           Iterable<String> sharedWith) {
        Map<String, List<BlockingCall>> bySite = new LinkedHashMap<>();
        for (BlockingCall call : calls) {
            String site = call.describeOperation() + " at " + call.callSite();
            bySite.computeIfAbsent(site, key -> new ArrayList<>()).add(call);
        }
        StringBuilder text = new StringBuilder("Loopguard: during ").append(during).append(", ");
        if (!calls.isEmpty() || stalls.isEmpty()) {
            text.append("threads that must never block made ").append(count(calls.size(), "blocking call"));
            if (!bySite.isEmpty()) {
                text.append(", from ").append(count(bySite.size(), "call site"));
            }
            if (!stalls.isEmpty()) {
                text.append("; and ");
            }
        }
        if (!stalls.isEmpty()) {
            text.append(count(stalls.size(), "event-loop stall")).append(" (one task held an event loop longer than"
                    + " stall-threshold)");
        }
        text.append(':');
        int number = 0;
        for (List<BlockingCall> site : bySite.values()) {
            appendSite(text, ++number, site);
        }
        for (LoopStall stall : stalls) {
            appendStall(text, ++number, stall);
        }
        if (dropped > 0) {
            text.append("\n\n").append(count(dropped, "more detection")).append(" did not fit in the agent's queue"
                    + " and cannot be shown.");
        }
        String others = String.join(", ", sharedWith);
        if (!others.isEmpty()) {
            text.append("\n\nTests ran in parallel: a call is charged to every test running when it was made, and"
                    + " this one ran alongside ").append(others).append(". Annotate the tests with @NoBlocking to"
                    + " run each alone and charge every call to the test that made it.");
        }
        return text.toString();
    }

    private static void appendSite(StringBuilder text, int number, List<BlockingCall> site) {
        BlockingCall first = site.get(0);
        Set<String> threads = new LinkedHashSet<>();
        site.forEach(call -> threads.add('"' + call.thread() + '"'));
        text.append("\n\n").append(number).append(") ").append(first.describeOperation())
                .append(" on thread ").append(String.join(", ", threads))
                .append(", at ").append(first.callSite() != null ? first.callSite() : "(no application frame)");
        if (site.size() > 1) {
            text.append(" (").append(site.size()).append(" times)");
        }
        appendStackAndHint(text, first.stack(), first.hint());
        if (first.acceptWith() != null) {
            text.append("\n    accept: ").append(first.acceptWith());
        }
    }

    private static void appendStall(StringBuilder text, int number, LoopStall stall) {
        text.append("\n\n").append(number).append(") stall: thread \"").append(stall.thread()).append('"')
                .append(stall.ended() ? " ran one task for " : " had run one task for ")
                .append(stall.durationMillis()).append(" ms").append(stall.ended() ? "" : " (still running)")
                .append(", at ").append(stall.callSite() != null ? stall.callSite() : "(no application frame)");
        if (stall.blockedOn() != null) {
            text.append(", waiting to lock ").append(stall.blockedOn());
        }
        appendStackAndHint(text, stall.stack(), stall.hint());
    }

    private static void appendStackAndHint(StringBuilder text, List<String> stack, String hint) {
        stack.stream().limit(MAX_FRAMES).forEach(frame -> text.append("\n\tat ").append(frame));
        if (stack.size() > MAX_FRAMES) {
            text.append("\n\t... ").append(stack.size() - MAX_FRAMES).append(" more");
        }
        if (hint != null) {
            text.append("\n    fix: ").append(hint);
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
