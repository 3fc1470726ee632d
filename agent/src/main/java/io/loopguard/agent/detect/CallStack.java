package io.loopguard.agent.detect;

import java.lang.StackWalker.StackFrame;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The current thread's stack as a report shows it: Loopguard's frames removed, call site found. */
record CallStack(List<StackTraceElement> elements, String callSite, String via) {
    private static final int MAX_FRAMES = 128;
    private static final StackWalker WALKER = StackWalker.getInstance();

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
        for (int i = 0; i < elements.size(); i++) {
            if (!isJdk(elements.get(i).getClassName())) {
                String via = i > 0 && operation != null ? via(elements.get(i - 1), operation) : null;
                return new CallStack(elements, elements.get(i).toString(), via);
            }
        }
        return new CallStack(elements, null, null);
    }

    List<String> lines() {
        return elements.stream().map(StackTraceElement::toString).toList();
    }

    /** The JDK method the application called, when it is not the probed operation itself. */
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
