package io.loopguard.agent.scan;

import io.loopguard.agent.scan.BlockingCalls.BlockingCall;
import java.util.List;

/**
 * A blocking call that an entry point reaches: the call, and the shortest path to it as a stack (the blocking
 * method's caller first, the entry point last). {@code otherEntryPoints} more entry points reach it too.
 */
record Finding(BlockingCall call, List<Frame> stack, EntryPoint entryPoint, int otherEntryPoints) {

    /** What identifies the finding across builds, in a baseline: the calling method and what it calls, no line. */
    String id() {
        Frame caller = stack.get(0);
        return caller.className() + "#" + caller.methodName() + " -> " + call.method();
    }

    Finding alsoReachedFromAnother() {
        return new Finding(call, stack, entryPoint, otherEntryPoints + 1);
    }
}
