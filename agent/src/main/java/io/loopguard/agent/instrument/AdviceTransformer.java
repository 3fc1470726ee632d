package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines advice into the methods of the classes it names, as they load or are retransformed. A plain
 * {@link ClassFileTransformer} rather than ByteBuddy's {@code AgentBuilder}: it starts faster and
 * injects no classes, so the JVM prints no {@code sun.misc.Unsafe} warning.
 */
final class AdviceTransformer implements ClassFileTransformer {
    // Only method bodies change: no new members, which retransformation of loaded classes forbids.
    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN)
            .with(VisibilityBridgeStrategy.Default.NEVER)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);

    private final Map<String, List<AsmVisitorWrapper>> advicesByClass;
    private final Consumer<String> problems;

    /** @param advicesByClass advice to apply, by internal class name ({@code java/lang/Thread}) */
    AdviceTransformer(Map<String, List<AsmVisitorWrapper>> advicesByClass, Consumer<String> problems) {
        this.advicesByClass = advicesByClass;
        this.problems = problems;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        List<AsmVisitorWrapper> advices = className == null ? null : advicesByClass.get(className);
        if (advices == null) {
            return null;
        }
        // Reading class files here is the agent's own I/O, even when an event loop loads the class.
        ThreadState state = Probe.allow();
        try {
            return instrument(loader, className.replace('/', '.'), classBeingRedefined, classFile, advices);
        } catch (Throwable problem) {
            problems.accept("could not instrument " + className.replace('/', '.') + " (" + problem
                    + "); blocking calls inside it may be missed");
            return null;
        } finally {
            Probe.disallow(state);
        }
    }

    private static byte[] instrument(ClassLoader loader, String name, Class<?> loaded, byte[] classFile,
                                     List<AsmVisitorWrapper> advices) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
        TypeDescription type = loaded != null ? TypeDescription.ForLoadedType.of(loaded) : pool.describe(name).resolve();
        DynamicType.Builder<?> builder = BYTE_BUDDY.redefine(type, locator);
        for (AsmVisitorWrapper advice : advices) {
            builder = builder.visit(advice);
        }
        return builder.make(pool).getBytes();
    }
}
