package io.loopguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.BlocksWhen;
import io.loopguard.agent.catalog.Catalog;
import io.loopguard.agent.common.ClassOrigin;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.frameworks.TaskRunner;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the probes: advice in every catalogued method that has a body, a call-site probe for those
 * that are native on this JDK, and designation and allowance advice for the methods that need it.
 */
public final class Instrumenter {
    private final Instrumentation instrumentation;
    private final Consumer<String> problems;
    private final Map<String, List<AsmVisitorWrapper>> advicesByClass = new HashMap<>();
    private final Map<String, NativeCallSiteTransformer.Target> nativeTargets = new HashMap<>();
    private final Set<Class<?>> toRetransform = new LinkedHashSet<>();
    private final BitSet probed = new BitSet();
    private AdviceTransformer adviceTransformer;
    private NativeCallSiteTransformer nativeTransformer;

    public Instrumenter(Instrumentation instrumentation, Consumer<String> problems) {
        this.instrumentation = instrumentation;
        this.problems = problems;
    }

    /**
     * Also gives event loops the clocks the watchdog reads: {@code loopRuns} run for a loop's whole life,
     * one call of a {@code tasks} method is one unit of its work. Call it before {@link #install}.
     */
    public Instrumenter timeLoops(List<MethodRef> loopRuns, List<MethodRef> tasks) {
        advise(LoopRunAdvice.class, loopRuns);
        advise(TaskAdvice.class, tasks);
        return this;
    }

    /** Inlines {@code advice}, which calls only the bootstrap {@code Probe}, into every overload of {@code methods} with a body. */
    private void advise(Class<?> advice, List<MethodRef> methods) {
        Advice inlined = Advice.to(advice);
        methods.forEach(method -> plan(method.internalClassName(), inlined.on(withBody(method.methodName()))));
    }

    /**
     * Instruments everything and returns the ids of the operations that got a probe.
     *
     * @param frameworks   where the frameworks' threads become designated, and where blocking is accepted
     * @param userAllowed  the {@code allow} option's methods
     * @param attachedLate whether the application was already running (dynamic attach): then its
     *                     loaded classes are rewritten too
     */
    public BitSet install(List<BlockingOperation> operations, FrameworkDescription frameworks,
                          List<MethodRef> userAllowed, boolean attachedLate) {
        for (int id = 0; id < operations.size(); id++) {
            planOperation(id, operations.get(id));
        }
        advise(DesignationAdvice.class, frameworks.designatingWhileRunning());
        advise(AllowanceAdvice.class, frameworks.allowedMethods());
        advise(AllowanceAdvice.class, userAllowed);
        advise(PermanentDesignationAdvice.class, frameworks.nonBlockingAfter());
        advise(TaskDesignationAdvice.class, frameworks.perTask().stream().map(TaskRunner::taskMethod).toList());

        adviceTransformer = new AdviceTransformer(Map.copyOf(advicesByClass), problems);
        instrumentation.addTransformer(adviceTransformer, true);
        if (!nativeTargets.isEmpty()) {
            nativeTransformer = new NativeCallSiteTransformer(Map.copyOf(nativeTargets), problems);
            instrumentation.addTransformer(nativeTransformer, true);
            toRetransform.add(Catalog.class); // its self-test calls must be probed like the application's
        }
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            boolean named = advicesByClass.containsKey(loaded.getName().replace('.', '/'));
            if (named || attachedLate && nativeTransformer != null && isApplicationClass(loaded)
                    && mayCallNativeTargets(loaded)) {
                toRetransform.add(loaded);
            }
        }
        retransform();
        return probed;
    }

    private void planOperation(int id, BlockingOperation operation) {
        Class<?> owner;
        try {
            // The platform loader finds the JDK's classes outside the bootstrap loader too (java.net.http).
            owner = Class.forName(operation.className(), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException absent) {
            return; // not on this JDK: the self-test reports it as not probed
        }
        ElementMatcher.Junction<MethodDescription> methods = namedOneOf(operation.methodNames().toArray(String[]::new))
                .and(not(isNative())).and(not(isAbstract()));
        if (operation.parameterCount() != BlockingOperation.ANY_PARAMETERS) {
            methods = methods.and(takesArguments(operation.parameterCount()));
        }
        boolean withBody = false;
        for (Method method : owner.getDeclaredMethods()) {
            if (!operation.methodNames().contains(method.getName()) || operation.parameterCount()
                    != BlockingOperation.ANY_PARAMETERS && method.getParameterCount() != operation.parameterCount()) {
                continue;
            }
            if (Modifier.isNative(method.getModifiers()) && Modifier.isPrivate(method.getModifiers())) {
                continue; // called only by its own class's probed methods, never by the application
            }
            probed.set(id);
            if (Modifier.isNative(method.getModifiers())) {
                String descriptor = new MethodDescription.ForLoadedMethod(method).getDescriptor();
                NativeCallSiteTransformer.Target target = new NativeCallSiteTransformer.Target(
                        owner.getName().replace('.', '/'), method.getName(), descriptor,
                        owner == Object.class, id);
                nativeTargets.put(target.key(), target);
            } else {
                withBody = true;
            }
        }
        if (withBody) {
            plan(owner.getName().replace('.', '/'),
                    Advice.withCustomMapping().bind(OperationId.class, id).to(adviceFor(operation.condition())).on(methods));
            toRetransform.add(owner);
        }
    }

    private static Class<?> adviceFor(BlocksWhen condition) {
        return switch (condition) {
            case ALWAYS -> BlockingCallAdvice.class;
            case CHANNEL_IN_BLOCKING_MODE -> BlockingChannelCallAdvice.class;
            case NOT_TO_CONSOLE -> FileWriteAdvice.class;
        };
    }

    private static ElementMatcher.Junction<MethodDescription> withBody(String methodName) {
        return named(methodName).and(not(isNative())).and(not(isAbstract()));
    }

    private void plan(String internalClassName, AsmVisitorWrapper advice) {
        advicesByClass.computeIfAbsent(internalClassName, name -> new ArrayList<>()).add(advice);
    }

    /**
     * Whether a class loaded before the agent came may call a native blocking method, judged from its class file
     * as its loader has it: retransforming only those keeps an attach's pause short. A class without a class
     * file (generated at run time) is retransformed to be sure.
     */
    private boolean mayCallNativeTargets(Class<?> type) {
        try (InputStream classFile = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return classFile == null || nativeTransformer.mentionsAnyName(classFile.readAllBytes());
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }

    private boolean isApplicationClass(Class<?> type) {
        String name = type.getName();
        return type.getClassLoader() != null && instrumentation.isModifiableClass(type)
                && !ClassOrigin.isJdk(name) && !ClassOrigin.isLoopguard(name);
    }

    /**
     * Undoes {@link #install}: no class is instrumented any longer, and every class this changed gets back its
     * original bytecode. Methods running at that moment finish as they were.
     */
    public void uninstall() {
        instrumentation.removeTransformer(adviceTransformer);
        Set<String> changed = new HashSet<>(advicesByClass.keySet());
        if (nativeTransformer != null) {
            instrumentation.removeTransformer(nativeTransformer);
            changed.addAll(nativeTransformer.rewritten);
        }
        toRetransform.clear();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (changed.contains(loaded.getName().replace('.', '/'))) {
                toRetransform.add(loaded);
            }
        }
        retransform();
    }

    private void retransform() {
        Class<?>[] classes = toRetransform.stream().filter(instrumentation::isModifiableClass).toArray(Class<?>[]::new);
        try {
            instrumentation.retransformClasses(classes);
        } catch (Throwable batchFailed) {
            // One class that cannot be retransformed must not cost the others their probes.
            for (Class<?> type : classes) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (Throwable problem) {
                    problems.accept("could not instrument " + type.getName() + " (" + problem + ")");
                }
            }
        }
    }
}
