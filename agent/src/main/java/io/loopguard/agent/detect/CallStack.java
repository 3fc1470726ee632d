package io.loopguard.agent.detect;

import java.lang.StackWalker.StackFrame;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The current thread's stack as a report shows it: Loopguard's frames removed, call site found (the
 * first application frame: not JDK, not Loopguard, not a {@link ClientLibraries client library}, unless
 * the stack has no other).
 */
record CallStack(List<StackTraceElement> elements, String callSite, String via, boolean inStaticInitializer) {
    private static final int MAX_FRAMES = 128;
    private static final StackWalker WALKER = StackWalker.getInstance();

    static CallStack capture(String operation) {
        List<StackFrame> frames = WALKER.walk(s -> s
                .filter(frame -> !isLoopguard(frame.getClassName()))
                .limit(MAX_FRAMES)
                .collect(Collectors.toList()));
        List<StackTraceElement> elements = frames.stream().map(StackFrame::toStackTraceElement).toList();
        boolean inStaticInitializer = frames.stream().anyMatch(frame -> frame.getMethodName().equals("<clinit>"));
        int callSite = firstFrame(frames, name -> !isJdk(name) && !ClientLibraries.contains(name));
        if (callSite < 0) {
            callSite = firstFrame(frames, name -> !isJdk(name));
        }
        if (callSite < 0) {
            return new CallStack(elements, null, null, inStaticInitializer);
        }
        return new CallStack(elements, elements.get(callSite).toString(),
                callSite > 0 ? via(frames.get(callSite - 1), operation) : null, inStaticInitializer);
    }

    private static int firstFrame(List<StackFrame> frames, Predicate<String> className) {
        for (int i = 0; i < frames.size(); i++) {
            if (className.test(frames.get(i).getClassName())) {
                return i;
            }
        }
        return -1;
    }

    List<String> lines() {
        return elements.stream().map(StackTraceElement::toString).toList();
    }

    /** The JDK or library method the application called, when it is not the probed operation itself. */
    private static String via(StackFrame called, String operation) {
        String name = called.getClassName() + "." + called.getMethodName();
        return name.equals(operation) ? null : name;
    }

    static boolean isLoopguard(String className) {
        return className.startsWith("io.loopguard.bootstrap.")
                || className.startsWith("io.loopguard.agent.")
                || className.startsWith("io.loopguard.shaded.");
    }

    static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
