package io.loopguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Inlines {@link PlannedAdvice} into a class file with ByteBuddy: the only class of the start path that
 * names ByteBuddy's weaving types, so they load only when a class must really be woven.
 */
final class AdviceWeaver {
    // Only method bodies change: no new members, which retransformation of loaded classes forbids.
    private static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN)
            .with(VisibilityBridgeStrategy.Default.NEVER)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
    /** Reading an advice class is the costly part: once per advice, whichever class it goes into. */
    private static final Map<PlannedAdvice, AsmVisitorWrapper> WRAPPERS = new ConcurrentHashMap<>();

    private AdviceWeaver() {
    }

    static byte[] weave(ClassLoader loader, String name, Class<?> loaded, byte[] classFile,
                        List<PlannedAdvice> advices) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader() : ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
        TypeDescription type = loaded != null ? TypeDescription.ForLoadedType.of(loaded) : pool.describe(name).resolve();
        DynamicType.Builder<?> builder = BYTE_BUDDY.redefine(type, locator);
        for (PlannedAdvice advice : advices) {
            builder = builder.visit(WRAPPERS.computeIfAbsent(advice, AdviceWeaver::wrapper));
        }
        return builder.make(pool).getBytes();
    }

    private static AsmVisitorWrapper wrapper(PlannedAdvice planned) {
        ElementMatcher.Junction<MethodDescription> methods = namedOneOf(planned.methodNames().toArray(String[]::new))
                .and(not(isNative())).and(not(isAbstract()));
        if (planned.parameterCount() != PlannedAdvice.ANY_PARAMETERS) {
            methods = methods.and(takesArguments(planned.parameterCount()));
        }
        Advice advice = planned.operation() == PlannedAdvice.NO_OPERATION ? Advice.to(planned.advice())
                : Advice.withCustomMapping().bind(OperationId.class, planned.operation()).to(planned.advice());
        return advice.on(methods);
    }
}
