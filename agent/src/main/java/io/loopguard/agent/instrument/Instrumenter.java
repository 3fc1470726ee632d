package io.loopguard.agent.instrument;

import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.BlocksWhen;
import io.loopguard.agent.catalog.Exercises;
import io.loopguard.agent.common.ClassOrigin;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.frameworks.TaskRunner;
import io.loopguard.bootstrap.AllowRuleUse;
import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Installs the probes: advice in every catalogued method that has a body, a call-site probe for those
 * that are native on this JDK, and designation and allowance advice for the methods that need it.
 */
public final class Instrumenter {
    private static final long CACHE_WRITES_AT_EXIT_MILLIS = 1_000;
    /** Where a thread's name changes: the {@code threads} option judges it by its name. */
    private static final MethodRef THREAD_SET_NAME = new MethodRef("java.lang.Thread", "setName");
    private final Instrumentation instrumentation;
    private final AgentTransformer transformer;
    private final Consumer<String> problems;
    private final ClassCache cache;
    private final Map<String, List<PlannedAdvice>> advicesByClass = new HashMap<>();
    private final Map<String, NativeCallSiteTransformer.Target> nativeTargets = new HashMap<>();
    private final Set<Class<?>> toRetransform = new LinkedHashSet<>();
    /** The classes loaded when the transformers were handed classes: the JDK's are woven at once, the rest later. */
    private final Set<Class<?>> firstLook = new HashSet<>();
    private final BitSet probed = new BitSet();
    private AdviceTransformer adviceTransformer;
    private NativeCallSiteTransformer nativeTransformer;

    /**
     * @param transformer  the agent's registered transformer, which this hands its own to
     * @param cacheSetting the {@code cache} option: {@code on}, {@code off} or a directory for woven classes
     */
    public Instrumenter(Instrumentation instrumentation, AgentTransformer transformer, String cacheSetting,
                        Consumer<String> problems) {
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.cache = ClassCache.open(cacheSetting, problems);
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
        for (MethodRef method : methods) {
            plan(method.internalClassName(), new PlannedAdvice(advice, List.of(method.methodName()),
                    PlannedAdvice.ANY_PARAMETERS, PlannedAdvice.NO_OPERATION));
        }
    }

    /**
     * Instruments every class that loads from now on, and the JDK's classes already loaded, and returns the ids
     * of the operations that got a probe. The frameworks' blocking methods are probed too, with the ids that
     * follow the operations', in their order. The other classes already loaded (the agent may start while the
     * application runs: attached to it, or at its first event loop) are {@link #weaveLoadedClasses}'.
     *
     * @param frameworks where the frameworks' threads become designated, where blocking is accepted, and their
     *                   own blocking methods
     * @param allowRules the {@code allow} rules that name one method exactly, by their index: woven into it
     */
    public BitSet install(List<BlockingOperation> operations, FrameworkDescription frameworks,
                          Map<Integer, MethodRef> allowRules) {
        for (int id = 0; id < operations.size(); id++) {
            planOperation(id, operations.get(id));
        }
        advise(DesignationAdvice.class, frameworks.designatingWhileRunning());
        advise(AllowanceAdvice.class, frameworks.allowedMethods());
        int rules = 0;
        for (Map.Entry<Integer, MethodRef> rule : allowRules.entrySet()) {
            rules = Math.max(rules, rule.getKey() + 1);
            plan(rule.getValue().internalClassName(), new PlannedAdvice(AllowRuleAdvice.class,
                    List.of(rule.getValue().methodName()), PlannedAdvice.ANY_PARAMETERS, rule.getKey()));
        }
        AllowRuleUse.reset(rules);
        advise(PermanentDesignationAdvice.class, frameworks.nonBlockingAfter());
        List<MethodRef> taskMethods = new ArrayList<>();
        for (TaskRunner runner : frameworks.perTask()) {
            taskMethods.add(runner.taskMethod());
        }
        advise(TaskDesignationAdvice.class, taskMethods);
        advise(ThreadRenameAdvice.class, List.of(THREAD_SET_NAME));
        Map<String, List<PlannedAdvice>> blockingMethods = new HashMap<>();
        for (int i = 0; i < frameworks.blockingMethods().size(); i++) {
            MethodRef method = frameworks.blockingMethods().get(i).method();
            plan(blockingMethods, method.internalClassName(), new PlannedAdvice(BlockingCallAdvice.class,
                    List.of(method.methodName()), PlannedAdvice.ANY_PARAMETERS, operations.size() + i));
        }

        // The classes are loaded first and retransformed after: a class loading through the transformer
        // could be one the transformer itself needs (a ClassCircularityError).
        Map<Class<?>, Method[]> declaredMethods = new HashMap<>(); // several operations share a class
        for (int id = 0; id < operations.size(); id++) {
            findMethods(id, operations.get(id), declaredMethods);
        }
        adviceTransformer = new AdviceTransformer(Map.copyOf(advicesByClass),
                new InheritedAdvice(Map.copyOf(blockingMethods)), cache, problems);
        if (nativeTargets.isEmpty()) {
            transformer.handTo(adviceTransformer);
        } else {
            // The self-test's calls must be probed like the application's. Loaded before the transformers are
            // handed classes, so that it is rewritten once, when retransformed, not also as it loads.
            toRetransform.add(Exercises.class);
            nativeTransformer = new NativeCallSiteTransformer(Map.copyOf(nativeTargets), cache, problems);
            transformer.handTo(adviceTransformer, nativeTransformer);
        }
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        firstLook.addAll(Arrays.asList(loaded));
        List<Class<?>> jdk = new ArrayList<>();
        for (Class<?> type : loaded) {
            if (isJdkClass(type)) {
                jdk.add(type);
            }
        }
        retransformThoseToChange(jdk);
        return probed;
    }

    /**
     * Weaves the application's and the frameworks' classes loaded before {@link #install}: after it, once no
     * thread waits for the probes in a class's loading (this links the classes it retransforms, which a thread
     * that waits while it links one of them would hold up for good). The agent's {@code Probe} has a thread
     * that becomes one that must never block wait meanwhile.
     */
    public void weaveLoadedClasses() {
        List<Class<?>> toWeave = new ArrayList<>();
        for (Class<?> type : firstLook) {
            if (!isJdkClass(type)) {
                toWeave.add(type);
            }
        }
        // A class another thread began to load before the transformers had it may be defined only after the look
        // in install: the transformer kept the names it passed over meanwhile.
        Set<String> passedOver = transformer.passedOverWhileStarting();
        for (Class<?> late : instrumentation.getAllLoadedClasses()) {
            if (!firstLook.contains(late) && passedOver.contains(late.getName().replace('.', '/'))) {
                toWeave.add(late);
            }
        }
        passedOver.clear();
        firstLook.clear();
        retransformThoseToChange(toWeave);
    }

    /** The JDK's own classes, which no application thread holds up while it waits for the probes. */
    private static boolean isJdkClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private void retransformThoseToChange(List<Class<?>> loaded) {
        for (Class<?> type : loaded) {
            if (adviceTransformer.advises(type) || nativeTransformer != null && isApplicationClass(type)
                    && mayCallNativeTargets(type)) {
                toRetransform.add(type);
            }
        }
        retransform();
        toRetransform.clear();
    }

    /** At exit: lets the woven classes still being written to the cache land, for a moment at most. */
    public void finishCacheWrites() {
        cache.finishWrites(CACHE_WRITES_AT_EXIT_MILLIS);
    }

    /** Ends the cache's writer thread, at a detach: the JVM runs on without the agent. */
    public void stopCacheWriter() {
        cache.stopWriter();
    }

    /** Plans the operation's advice by name, without loading its class: ByteBuddy's matcher skips native methods. */
    private void planOperation(int id, BlockingOperation operation) {
        int parameters = operation.parameterCount() == BlockingOperation.ANY_PARAMETERS
                ? PlannedAdvice.ANY_PARAMETERS : operation.parameterCount();
        plan(operation.className().replace('.', '/'), new PlannedAdvice(adviceFor(operation.condition()),
                List.copyOf(operation.methodNames()), parameters, id));
    }

    /** Loads the operation's class to learn whether it has the methods on this JDK, and which are native. */
    private void findMethods(int id, BlockingOperation operation, Map<Class<?>, Method[]> declaredMethods) {
        Class<?> owner;
        try {
            // The platform loader finds the JDK's classes outside the bootstrap loader too (java.net.http).
            owner = Class.forName(operation.className(), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException absent) {
            return; // not on this JDK: the self-test reports it as not probed
        }
        Method[] methods = declaredMethods.get(owner);
        if (methods == null) {
            methods = owner.getDeclaredMethods(); // a copy of every method at each call
            declaredMethods.put(owner, methods);
        }
        for (Method method : methods) {
            if (!operation.methodNames().contains(method.getName()) || operation.parameterCount()
                    != BlockingOperation.ANY_PARAMETERS && method.getParameterCount() != operation.parameterCount()) {
                continue;
            }
            if (Modifier.isNative(method.getModifiers()) && Modifier.isPrivate(method.getModifiers())) {
                continue; // called only by its own class's probed methods, never by the application
            }
            probed.set(id);
            if (Modifier.isNative(method.getModifiers())) {
                String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                        .toMethodDescriptorString();
                NativeCallSiteTransformer.Target target = new NativeCallSiteTransformer.Target(
                        owner.getName().replace('.', '/'), method.getName(), descriptor,
                        owner == Object.class, id);
                nativeTargets.put(target.key(), target);
            }
        }
    }

    private static Class<?> adviceFor(BlocksWhen condition) {
        return switch (condition) {
            case ALWAYS -> BlockingCallAdvice.class;
            case CHANNEL_IN_BLOCKING_MODE -> BlockingChannelCallAdvice.class;
            case NOT_TO_CONSOLE -> FileWriteAdvice.class;
            case NOT_BETWEEN_LOOP_TASKS -> SelectAdvice.class;
            case LOCK_WAITED_LONGER_THAN_THRESHOLD -> LockAcquireAdvice.class;
        };
    }

    private void plan(String internalClassName, PlannedAdvice advice) {
        plan(advicesByClass, internalClassName, advice);
    }

    private static void plan(Map<String, List<PlannedAdvice>> advices, String internalClassName, PlannedAdvice advice) {
        List<PlannedAdvice> ofClass = advices.get(internalClassName);
        if (ofClass == null) {
            ofClass = new ArrayList<>();
            advices.put(internalClassName, ofClass);
        }
        ofClass.add(advice);
    }

    /**
     * Whether a class loaded before the probes went in calls a native blocking method, judged from its class file
     * as its loader has it: retransforming only those keeps the pause short. A class without a class file
     * (generated at run time) is retransformed to be sure.
     */
    private boolean mayCallNativeTargets(Class<?> type) {
        // Reading class files is the agent's own I/O, even on a thread the threads option names.
        ThreadState state = Probe.allow();
        try (InputStream classFile = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return classFile == null || nativeTransformer.refersToAnyTarget(classFile.readAllBytes());
        } catch (IOException | RuntimeException unreadable) {
            return true;
        } finally {
            Probe.disallow(state);
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
        instrumentation.removeTransformer(transformer);
        Set<String> changed = new HashSet<>(adviceTransformer.advised);
        if (nativeTransformer != null) {
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
        List<Class<?>> modifiable = new ArrayList<>();
        for (Class<?> type : toRetransform) {
            if (instrumentation.isModifiableClass(type)) {
                modifiable.add(type);
            }
        }
        retransform(modifiable.toArray(new Class<?>[0]));
    }

    /**
     * Retransforms the classes in one go, which the JVM does all or nothing. When that fails, each half is tried
     * again: one class that cannot be retransformed (one whose linking failed) costs the others neither their
     * probes nor a safepoint each.
     */
    private void retransform(Class<?>[] classes) {
        if (classes.length == 0) {
            return;
        }
        try {
            instrumentation.retransformClasses(classes);
        } catch (Throwable failed) {
            if (classes.length == 1) {
                problems.accept("could not instrument " + classes[0].getName() + " (" + failed + ")");
                return;
            }
            int half = classes.length / 2;
            retransform(Arrays.copyOfRange(classes, 0, half));
            retransform(Arrays.copyOfRange(classes, half, classes.length));
        }
    }
}
