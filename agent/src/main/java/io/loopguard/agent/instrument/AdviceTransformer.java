package io.loopguard.agent.instrument;

import io.loopguard.agent.common.RelocatedNameMap;
import io.loopguard.agent.common.RelocatedNames;
import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Inlines advice into the methods of the classes it names, or relocated copies of them, as they load or are
 * retransformed; and a framework's blocking-method probes into its subtypes ({@link InheritedAdvice}). A plain
 * {@link ClassFileTransformer} rather than ByteBuddy's {@code AgentBuilder}: it starts faster and injects no
 * classes, so the JVM prints no {@code sun.misc.Unsafe} warning.
 */
final class AdviceTransformer implements ClassFileTransformer {
    private final RelocatedNameMap<List<PlannedAdvice>> advicesByClass;
    private final InheritedAdvice inherited;
    private final ClassCache cache;
    private final Consumer<String> problems;
    /** The classes this changed, by internal name: what a detach must restore. */
    final Set<String> advised = ConcurrentHashMap.newKeySet();

    /** @param advicesByClass advice to apply, by internal class name ({@code java/lang/Thread}) */
    AdviceTransformer(Map<String, List<PlannedAdvice>> advicesByClass, InheritedAdvice inherited, ClassCache cache,
                      Consumer<String> problems) {
        this.advicesByClass = new RelocatedNameMap<>(advicesByClass);
        this.inherited = inherited;
        this.cache = cache;
        this.problems = problems;
        // Loaded now, before this is registered: loaded from inside transform, it would be handed to transform
        // while it loads, and fail there (a ClassCircularityError).
        RelocatedNames.matches("", "");
    }

    /** Whether a loaded class has advice planned for it, by its name or a supertype's: one to retransform. */
    boolean advises(Class<?> loaded) {
        return advicesByClass.find(loaded.getName().replace('.', '/')) != null
                || inherited.appliesTo(loaded);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null) {
            return null;
        }
        List<PlannedAdvice> named = advicesByClass.find(className);
        // Most of a framework's classes declare no method its blocking-method advice goes into: those are
        // passed over before any of their supertypes are read.
        boolean mayInherit = inherited.mayApply(className) && inherited.mayDeclareAdvisedMethod(classFile);
        if (named == null && !mayInherit) {
            return null;
        }
        // Reading class files here is the agent's own I/O, even when an event loop loads the class.
        ThreadState state = Probe.allow();
        try {
            List<PlannedAdvice> advices = new ArrayList<>(named == null ? List.of() : named);
            if (mayInherit) {
                advices.addAll(inherited.forClass(loader, className, classFile));
            }
            if (advices.isEmpty()) {
                return null;
            }
            String name = className.replace('/', '.');
            StringJoiner plan = new StringJoiner("; ");
            for (PlannedAdvice advice : advices) {
                plan.add(advice.describe());
            }
            byte[] woven = cache.transformed(className, classBeingRedefined, plan.toString(), classFile,
                    () -> AdviceWeaver.weave(loader, name, classBeingRedefined, classFile, advices));
            if (woven != null) {
                advised.add(className);
            }
            return woven;
        } catch (Throwable problem) {
            problems.accept("could not instrument " + className.replace('/', '.') + " (" + problem
                    + "); blocking calls inside it may be missed");
            return null;
        } finally {
            Probe.disallow(state);
        }
    }
}
