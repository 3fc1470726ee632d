package io.loopguard.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs blocking calls on the main thread, which may block, before any event loop exists, so that their classes
 * (the JDK's and the scenarios') are loaded before the agent puts its probes in; then runs the same calls on a
 * Netty event loop, as {@link BlockingCallsIn} does.
 *
 * <p>Usage: {@code CallsBeforeTheFirstLoop <call>...}
 */
public final class CallsBeforeTheFirstLoop {

    public static void main(String[] args) throws Exception {
        for (String call : args) {
            if (IoBlockers.has(call)) {
                IoBlockers.run(call);
            } else {
                Blockers.run(call);
            }
        }
        System.out.println("the first event loop starts now");
        List<String> onTheLoop = new ArrayList<>(List.of("event-loop", "1"));
        onTheLoop.addAll(List.of(args));
        BlockingCallsIn.main(onTheLoop.toArray(String[]::new));
    }
}
