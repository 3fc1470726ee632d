package io.loopguard.agent.threads;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.common.RelocatedNames;
import java.lang.StackWalker.StackFrame;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Finds, on the thread of an event loop that was running before the agent came, the loop's executor: the
 * frameworks' {@code currentLoop} methods, called on the loop's own thread, in the class loader (and under the
 * relocated name) of the run method it is in. Runs once per adopted loop.
 */
final class LoopFinder implements Supplier<Object> {
    private final List<MethodRef> runMethods;
    private final List<MethodRef> currentLoops;

    LoopFinder(List<MethodRef> runMethods, List<MethodRef> currentLoops) {
        this.runMethods = runMethods;
        this.currentLoops = currentLoops;
    }

    @Override
    public Object get() {
        Optional<StackFrame> run = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(frame -> runMethod(frame) != null).findFirst());
        if (run.isEmpty()) {
            return null;
        }
        Class<?> runClass = run.get().getDeclaringClass();
        String name = runClass.getName();
        // io.grpc.netty.shaded.io.netty.channel.SingleThreadIoEventLoop: the prefix is io.grpc.netty.shaded.
        String prefix = name.substring(0, name.length() - runMethod(run.get()).className().length());
        for (MethodRef currentLoop : currentLoops) {
            try {
                Object loop = Class.forName(prefix + currentLoop.className(), true, runClass.getClassLoader())
                        .getMethod(currentLoop.methodName()).invoke(null);
                if (loop instanceof Executor) {
                    return loop;
                }
            } catch (ReflectiveOperationException | LinkageError notThisFramework) {
                // another framework's loop: try the next
            }
        }
        return null;
    }

    private MethodRef runMethod(StackFrame frame) {
        for (MethodRef method : runMethods) {
            if (method.methodName().equals(frame.getMethodName())
                    && RelocatedNames.matches(frame.getClassName(), method.className())) {
                return method;
            }
        }
        return null;
    }
}
