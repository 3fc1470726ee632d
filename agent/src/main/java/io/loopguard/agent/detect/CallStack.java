package io.loopguard.agent.detect;

import java.lang.StackWalker.StackFrame;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A stack as a report shows it: Loopguard's frames removed, call site found (the first application
 * frame: not JDK, not Loopguard, not a {@link ClientLibraries client library}, unless the stack has no other).
 */
record CallStack(List<StackTraceElement> elements, String callSite, String via, boolean inStaticInitializer) {
    private static final int MAX_FRAMES = 128;
    private static final StackWalker WALKER = StackWalker.getInstance();

    /** The current thread's stack, inside the probe of {@code operation}. */
    static CallStack capture(String operation) {
        List<StackTraceElement> elements = WALKER.walk(s -> s
                .filter(frame -> !isLoopguard(frame.getClassName()))
                .limit(MAX_FRAMES)
                .map(StackFrame::toStackTraceElement)
                .collect(Collectors.toList()));
        return of(elements, operation);
    }

    /** A stack another thread sampled (the watchdog); it has no probed operation. */
    static CallStack sampled(StackTraceElement[] trace) {
        return of(Arrays.stream(trace).filter(frame -> !isLoopguard(frame.getClassName())).limit(MAX_FRAMES)
                .map(CallStack::withoutLoaderAndVersion).toList(), null);
    }

    /** Another thread's frames print as {@code app//com.acme.X.y(X.java:1)}: shown like the current thread's. */
    private static StackTraceElement withoutLoaderAndVersion(StackTraceElement frame) {
        return new StackTraceElement(null, frame.getModuleName(), null, frame.getClassName(),
                frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    private static CallStack of(List<StackTraceElement> elements, String operation) {
        boolean inStaticInitializer = elements.stream().anyMatch(frame -> frame.getMethodName().equals("<clinit>"));
        int callSite = firstFrame(elements, name -> !isJdk(name) && !ClientLibraries.contains(name));
        if (callSite < 0) {
            callSite = firstFrame(elements, name -> !isJdk(name));
        }
        if (callSite < 0) {
            return new CallStack(elements, null, null, inStaticInitializer);
        }
        String via = callSite > 0 && operation != null ? via(elements.get(callSite - 1), operation) : null;
        return new CallStack(elements, elements.get(callSite).toString(), via, inStaticInitializer);
    }

    private static int firstFrame(List<StackTraceElement> frames, Predicate<String> className) {
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
    private static String via(StackTraceElement called, String operation) {
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
