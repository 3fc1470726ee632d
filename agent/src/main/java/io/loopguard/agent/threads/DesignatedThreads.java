package io.loopguard.agent.threads;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.common.RelocatedNames;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.frameworks.TaskRunner;
import io.loopguard.bootstrap.ThreadNames;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether a thread must never block (when it first reaches a probe, and again when it is renamed),
 * or may always block (once); and, per task, whether a worker of a {@link TaskRunner} pool must not block.
 * Event loops are designated separately, while they run. A framework's types are recognised relocated too
 * ({@link RelocatedNames}).
 */
public final class DesignatedThreads {
    private final List<Pattern> threadNames;
    private final Set<String> nonBlockingTypes;
    private final List<MethodRef> blockingPermittedBy;
    private final List<TaskRunner> perTask;
    private final boolean commonPool;
    // The field that tells a worker's kind of task, found once per worker class; null for other classes.
    private final ClassValue<TaskState> taskStates = new ClassValue<>() {
        @Override
        protected TaskState computeValue(Class<?> workerClass) {
            for (TaskRunner runner : perTask) {
                if (RelocatedNames.matches(workerClass.getName(), runner.workerClass())) {
                    try {
                        return new TaskState(workerClass.getField(runner.stateField()), runner.nonBlockingState());
                    } catch (ReflectiveOperationException | RuntimeException absent) {
                        return null; // another version of the library: its tasks are not designated
                    }
                }
            }
            return null;
        }
    };

    /**
     * @param threadNames the {@code threads} option, or {@code null}
     * @param frameworks  what the frameworks say about their threads
     * @param commonPool  whether {@link ForkJoinPool#commonPool()} workers must never block
     */
    public DesignatedThreads(Pattern threadNames, FrameworkDescription frameworks, boolean commonPool) {
        List<Pattern> names = new ArrayList<>(frameworks.nonBlockingThreadNames());
        if (threadNames != null) {
            names.add(threadNames);
        }
        this.threadNames = List.copyOf(names);
        this.nonBlockingTypes = Set.copyOf(frameworks.nonBlockingThreadTypes());
        this.blockingPermittedBy = frameworks.blockingPermittedBy();
        this.perTask = frameworks.perTask();
        this.commonPool = commonPool;
    }

    public boolean isDesignated(Thread thread) {
        if (thread instanceof AgentThread) {
            return false;
        }
        for (Pattern names : threadNames) {
            if (ThreadNames.matches(names, thread)) {
                return true;
            }
        }
        if (commonPool && thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
            return true;
        }
        return !nonBlockingTypes.isEmpty() && findType(thread.getClass(),
                name -> nonBlockingTypes.stream().anyMatch(type -> RelocatedNames.matches(name, type))) != null;
    }

    /** Whether the framework that made {@code thread} says it may block (Netty's {@code permitBlockingCalls()}). */
    public boolean permitsBlocking(Thread thread) {
        for (MethodRef method : blockingPermittedBy) {
            Class<?> declaring = findType(thread.getClass(), name -> RelocatedNames.matches(name, method.className()));
            if (declaring != null) {
                try {
                    // Called through the public class that declares it: the thread's own class may be private.
                    return Boolean.TRUE.equals(declaring.getMethod(method.methodName()).invoke(thread));
                } catch (ReflectiveOperationException | RuntimeException unanswered) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Whether the current task of {@code thread}, a worker of a {@link TaskRunner} pool, must not block. */
    public boolean isTaskDesignated(Thread thread) {
        TaskState state = taskStates.get(thread.getClass());
        try {
            return state != null && state.nonBlockingValue().equals(String.valueOf(state.field().get(thread)));
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return false; // better a missed report than a false one
        }
    }

    /** The first of {@code type}, its superclasses and their interfaces whose name {@code test} accepts, or null. */
    private static Class<?> findType(Class<?> type, Predicate<String> test) {
        Deque<Class<?>> toVisit = new ArrayDeque<>();
        toVisit.add(type);
        while (!toVisit.isEmpty()) {
            Class<?> next = toVisit.poll();
            if (test.test(next.getName())) {
                return next;
            }
            if (next.getSuperclass() != null) {
                toVisit.add(next.getSuperclass());
            }
            toVisit.addAll(List.of(next.getInterfaces()));
        }
        return null;
    }

    private record TaskState(Field field, String nonBlockingValue) {
    }
}
