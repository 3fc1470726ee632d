package io.loopguard.agent.instrument;

import io.loopguard.agent.common.RelocatedNameMap;
import io.loopguard.agent.common.RelocatedNames;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one transformer the agent registers, from its first moment. Until the probes go in, it only watches the
 * classes that load for the first of a framework that can make a thread one that must never block (Netty,
 * Reactor, RxJava, kotlinx.coroutines, an integration's; relocated copies too), or of the agent's API, or a
 * first virtual thread; and has the probes put in before that class is defined. So no such thread ever runs
 * unprobed, and no class of the framework needs to be retransformed (which would drop a debugger's breakpoints in
 * it). From then on it hands every class to the {@link Instrumenter}'s transformers.
 *
 * <p>Self-contained (only JDK types and the agent's name matching), as it runs for every class that loads.
 */
public final class AgentTransformer implements ClassFileTransformer {
    /** The classes that designate threads, by internal name, each with what it is. */
    private final RelocatedNameMap<String> designating;
    /** Their frameworks' packages, by their first two names ({@code io/netty}); not the agent's, not the JDK's. */
    private final List<String> frameworks = new ArrayList<>();
    private final Start start;
    private volatile ClassFileTransformer[] transformers;
    private volatile boolean starting;
    /** The classes passed over while the start ran, before the transformers had them: some may need them. */
    private final Set<String> passedOverWhileStarting = ConcurrentHashMap.newKeySet();

    /** The agent's start, which puts the probes in. */
    @FunctionalInterface
    public interface Start {
        /** Called on the thread that loads {@code className}, before it is defined; returns once the probes are in. */
        void probesNeeded(String className, String why);
    }

    /** @param designating what each class that can designate a thread is, by its internal name */
    public AgentTransformer(Map<String, String> designating, Start start) {
        this.designating = new RelocatedNameMap<>(designating);
        for (String name : designating.keySet()) {
            // Not the agent's API (its class is designating itself) nor the JDK's (the first virtual thread).
            String framework = InheritedAdvice.frameworkPackage(name);
            if (!framework.equals("io/loopguard") && !framework.startsWith("java/") && !frameworks.contains(framework)) {
                frameworks.add(framework);
            }
        }
        this.start = start;
    }

    /** The start begins: a class passed over from now on until the transformers have it gets a second look. */
    public void startBegins() {
        starting = true;
    }

    /** From now on every class that loads, or is retransformed, goes through {@code transformers}, in this order. */
    void handTo(ClassFileTransformer... transformers) {
        this.transformers = transformers.clone();
    }

    /** The classes passed over while the start ran, by internal name; read once they are handed to the transformers. */
    Set<String> passedOverWhileStarting() {
        return passedOverWhileStarting;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        ClassFileTransformer[] chain = transformers;
        if (chain == null && className != null) {
            String why = designating.find(className);
            if (why == null && inFramework(className)) {
                why = "the first class of a framework whose threads must never block";
            }
            if (why != null) {
                startBegins();
                start.probesNeeded(className.replace('/', '.'), why);
                chain = transformers;
            } else if (starting) {
                passedOverWhileStarting.add(className);
            }
        }
        if (chain == null) {
            return null;
        }
        byte[] current = classFile;
        boolean changed = false;
        for (ClassFileTransformer transformer : chain) {
            try {
                byte[] next = transformer.transform(loader, className, classBeingRedefined, protectionDomain, current);
                if (next != null) {
                    current = next;
                    changed = true;
                }
            } catch (IllegalClassFormatException notThrown) {
                // the agent's transformers report their own problems and return null instead
            }
        }
        return changed ? current : null;
    }

    private boolean inFramework(String className) {
        for (String framework : frameworks) {
            if (RelocatedNames.inPackage(className, framework)) {
                return true;
            }
        }
        return false;
    }
}
