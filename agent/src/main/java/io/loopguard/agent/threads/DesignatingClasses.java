package io.loopguard.agent.threads;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.frameworks.TaskRunner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes without which no framework can make a thread one that must never block: the event loops' and the
 * other designating methods' classes, the per-task pools', the non-blocking thread types. The probes must be in
 * before the first of them is defined. Virtual threads are watched for pinning once the first one is made.
 */
public final class DesignatingClasses {
    /** Made with the first virtual thread, JDK 21 and later; {@code VirtualThread} itself loads with the JVM. */
    private static final String FIRST_VIRTUAL_THREAD = "java/lang/VirtualThread$VThreadContinuation";

    private DesignatingClasses() {
    }

    /** @return what each class is, by internal name */
    public static Map<String, String> of(FrameworkDescription frameworks, boolean pinned) {
        Map<String, String> classes = new HashMap<>();
        put(classes, frameworks.eventLoops(), "an event loop");
        put(classes, frameworks.nonBlockingWhile(), "code that must never block");
        put(classes, frameworks.nonBlockingAfter(), "code that must never block");
        for (TaskRunner runner : frameworks.perTask()) {
            classes.put(runner.taskMethod().internalClassName(), "a pool whose tasks must not block");
            classes.put(runner.workerClass().replace('.', '/'), "a pool whose tasks must not block");
        }
        for (String type : frameworks.nonBlockingThreadTypes()) {
            classes.put(type.replace('.', '/'), "a thread that must never block");
        }
        if (pinned && Runtime.version().feature() >= 21) {
            classes.put(FIRST_VIRTUAL_THREAD, "a virtual thread, watched for pinning");
        }
        return classes;
    }

    private static void put(Map<String, String> classes, List<MethodRef> methods, String what) {
        for (MethodRef method : methods) {
            classes.putIfAbsent(method.internalClassName(), what);
        }
    }
}
