package io.loopguard.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The failure message of a test that blocked: each call site once, with its operation, threads and stack. */
final class BlockingReport {
    private static final int MAX_FRAMES = 40;

    private BlockingReport() {
    }

    /** @param during "this test" or "this test class, outside its tests" */
    static String describe(String during, List<BlockingCall> calls, long dropped, Iterable<String> sharedWith) {
        Map<String, List<BlockingCall>> bySite = new LinkedHashMap<>();
        for (BlockingCall call : calls) {
            String site = call.describeOperation() + " at " + call.callSite();
            bySite.computeIfAbsent(site, key -> new ArrayList<>()).add(call);
        }
        StringBuilder text = new StringBuilder("Loopguard: during ").append(during)
                .append(", threads that must never block made ").append(count(calls.size(), "blocking call"));
        if (!bySite.isEmpty()) {
            text.append(", from ").append(count(bySite.size(), "call site"));
        }
        text.append(':');
        int number = 0;
        for (List<BlockingCall> site : bySite.values()) {
            appendSite(text, ++number, site);
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
        site.stream().map(BlockingCall::durationMillis).filter(Objects::nonNull).max(Long::compare).ifPresent(
                longest -> text.append("; one task held the event loop for ").append(longest).append(" ms"));
        List<String> stack = first.stack();
        stack.stream().limit(MAX_FRAMES).forEach(frame -> text.append("\n\tat ").append(frame));
        if (stack.size() > MAX_FRAMES) {
            text.append("\n\t... ").append(stack.size() - MAX_FRAMES).append(" more");
        }
        if (first.hint() != null) {
            text.append("\n    fix: ").append(first.hint());
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
