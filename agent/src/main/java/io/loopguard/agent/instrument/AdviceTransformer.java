package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Inlines advice into the methods of the classes it names, as they load or are retransformed. A plain
 * {@link ClassFileTransformer} rather than ByteBuddy's {@code AgentBuilder}: it starts faster and
 * injects no classes, so the JVM prints no {@code sun.misc.Unsafe} warning.
 */
final class AdviceTransformer implements ClassFileTransformer {
    private final Map<String, List<PlannedAdvice>> advicesByClass;
    private final Map<String, String> plans;
    private final ClassCache cache;
    private final Consumer<String> problems;

    /** @param advicesByClass advice to apply, by internal class name ({@code java/lang/Thread}) */
    AdviceTransformer(Map<String, List<PlannedAdvice>> advicesByClass, ClassCache cache, Consumer<String> problems) {
        this.advicesByClass = advicesByClass;
        this.plans = advicesByClass.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(PlannedAdvice::describe).collect(Collectors.joining("; "))));
        this.cache = cache;
        this.problems = problems;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        List<PlannedAdvice> advices = className == null ? null : advicesByClass.get(className);
        if (advices == null) {
            return null;
        }
        // Reading class files here is the agent's own I/O, even when an event loop loads the class.
        ThreadState state = Probe.allow();
        try {
            String name = className.replace('/', '.');
            return cache.transformed(className, classBeingRedefined, plans.get(className), classFile,
                    () -> AdviceWeaver.weave(loader, name, classBeingRedefined, classFile, advices));
        } catch (Throwable problem) {
            problems.accept("could not instrument " + className.replace('/', '.') + " (" + problem
                    + "); blocking calls inside it may be missed");
            return null;
        } finally {
            Probe.disallow(state);
        }
    }
}
