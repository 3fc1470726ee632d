package io.loopguard.agent.detect;

import static io.loopguard.agent.common.ClassOrigin.isJdk;
import static io.loopguard.agent.common.ClassOrigin.isLoopguard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A stack as a report shows it: Loopguard's and reflection's frames removed, call site found (the first
 * application frame: not JDK, not Loopguard, not a {@link ClientLibraries client library}, unless the
 * stack has no other).
 *
 * <p>A handler that blocks on every request is detected on every request, so this must be cheap: the
 * stack is recorded by a {@link Throwable} (natively, several times faster than {@link StackWalker} on a
 * deep stack), and a stack seen before is taken from a cache keyed by its frames instead of rendered again.
 */
record CallStack(List<StackTraceElement> elements, List<String> lines, String callSite, String via,
                 boolean inStaticInitializer) {
    private static final int MAX_FRAMES = 128;
    /** Distinct stacks kept rendered; past this many, new ones are rendered each time (correct, slower). */
    private static final int MAX_RENDERED = 4096;
    private static final Map<Frames, CallStack> RENDERED = new ConcurrentHashMap<>();

    /** @param trace a throwable created on the thread whose stack this is, in the probe of {@code operation} */
    static CallStack of(Throwable trace, String operation) {
        return of(new Frames(operation, false, shown(trace.getStackTrace())));
    }

    /**
     * A stack probed at the entry of a framework's blocking method ({@code Mono.block}): its own frame is the top
     * one, and the call site is below it, even where the framework is the application's only code.
     */
    static CallStack ofFrameworkCall(Throwable trace, String method) {
        return of(new Frames(method, true, shown(trace.getStackTrace())));
    }

    /**
     * Whether the stack {@code of(trace, ...)} would give runs in a static initialiser, without rendering it: the
     * self-test asks this for every operation at start-up.
     */
    static boolean inStaticInitializer(Throwable trace) {
        for (StackTraceElement frame : shown(trace.getStackTrace())) {
            if (frame.getMethodName().equals("<clinit>")) {
                return true;
            }
        }
        return false;
    }

    private static CallStack of(Frames frames) {
        CallStack stack = RENDERED.get(frames);
        if (stack == null) {
            stack = render(frames);
            if (RENDERED.size() < MAX_RENDERED) {
                RENDERED.putIfAbsent(frames, stack);
            }
        }
        return stack;
    }

    /** A stack another thread sampled (the watchdog); it has no probed operation. */
    static CallStack sampled(StackTraceElement[] trace) {
        return render(new Frames("", false, Arrays.stream(shown(trace)).map(CallStack::withoutLoaderAndVersion)
                .toArray(StackTraceElement[]::new)));
    }

    /** Another thread's frames print as {@code app//com.acme.X.y(X.java:1)}: shown like the current thread's. */
    private static StackTraceElement withoutLoaderAndVersion(StackTraceElement frame) {
        return new StackTraceElement(null, frame.getModuleName(), null, frame.getClassName(),
                frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    }

    /** The method the call site called ({@code java.lang.Thread.sleep}), or {@code null} if it is the top frame. */
    String calledMethod() {
        int callSiteIndex = callSite == null ? -1 : lines.indexOf(callSite);
        if (callSiteIndex <= 0) {
            return null;
        }
        StackTraceElement called = elements.get(callSiteIndex - 1);
        return called.getClassName() + "." + called.getMethodName();
    }

    /** The frame of the call site, or {@code null} if there is none. */
    StackTraceElement callSiteFrame() {
        int callSiteIndex = callSite == null ? -1 : lines.indexOf(callSite);
        return callSiteIndex < 0 ? null : elements.get(callSiteIndex);
    }

    /** The client library the call blocks in, up to the call site: "the PostgreSQL JDBC driver"; or {@code null}. */
    String library() {
        int last = callSite == null ? elements.size() - 1 : lines.indexOf(callSite);
        for (int i = 0; i <= last; i++) {
            String name = ClientLibraries.named(elements.get(i).getClassName());
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static CallStack render(Frames frames) {
        List<StackTraceElement> elements = List.of(frames.elements);
        List<String> lines = elements.stream().map(StackTraceElement::toString).toList();
        boolean inStaticInitializer = elements.stream().anyMatch(frame -> frame.getMethodName().equals("<clinit>"));
        int from = frames.frameworkCall ? topClassFrames(elements) : 0;
        int callSite = firstFrame(elements, from, name -> !isJdk(name) && !ClientLibraries.contains(name));
        if (callSite < 0) {
            callSite = firstFrame(elements, from, name -> !isJdk(name));
        }
        if (callSite < 0) {
            return new CallStack(elements, lines, null, null, inStaticInitializer);
        }
        String via = callSite > 0 && !frames.frameworkCall ? via(elements.get(callSite - 1), frames.operation) : null;
        return new CallStack(elements, lines, lines.get(callSite), via, inStaticInitializer);
    }

    /** How many frames at the top are of the top frame's class: a method, and the overloads or bridges calling it. */
    private static int topClassFrames(List<StackTraceElement> frames) {
        int count = 0;
        while (count < frames.size() && frames.get(count).getClassName().equals(frames.get(0).getClassName())) {
            count++;
        }
        return count;
    }

    private static int firstFrame(List<StackTraceElement> frames, int from, Predicate<String> className) {
        for (int i = from; i < frames.size(); i++) {
            if (className.test(frames.get(i).getClassName())) {
                return i;
            }
        }
        return -1;
    }

    /** The frames a report shows: not Loopguard's, and not reflection's (as {@link StackWalker} hides them). */
    private static StackTraceElement[] shown(StackTraceElement[] all) {
        List<StackTraceElement> shown = new ArrayList<>(Math.min(all.length, MAX_FRAMES));
        for (StackTraceElement frame : all) {
            String className = frame.getClassName();
            if (!isLoopguard(className) && !isReflection(className)) {
                shown.add(frame);
                if (shown.size() == MAX_FRAMES) {
                    break;
                }
            }
        }
        return shown.toArray(new StackTraceElement[0]);
    }

    /** The JDK or library method the application called, when it is not the probed operation itself. */
    private static String via(StackTraceElement called, String operation) {
        String name = called.getClassName() + "." + called.getMethodName();
        return operation.isEmpty() || name.equals(operation) ? null : name;
    }

    private static boolean isReflection(String className) {
        return className.startsWith("jdk.internal.reflect.") || className.equals("java.lang.reflect.Method")
                || className.equals("java.lang.reflect.Constructor");
    }

    /**
     * A stack's identity: the operation probed (it decides {@code via}; empty for none), whether it is a framework's
     * blocking method probed at its entry, and the frames shown.
     */
    private record Frames(String operation, boolean frameworkCall, StackTraceElement[] elements) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Frames that && operation.equals(that.operation)
                    && frameworkCall == that.frameworkCall && Arrays.equals(elements, that.elements);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * operation.hashCode() + Boolean.hashCode(frameworkCall)) + Arrays.hashCode(elements);
        }

        @Override
        public String toString() {
            return operation + (frameworkCall ? " (framework) " : " ") + Arrays.toString(elements);
        }
    }
}
