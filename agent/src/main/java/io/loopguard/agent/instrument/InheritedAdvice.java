package io.loopguard.agent.instrument;

import io.loopguard.agent.common.RelocatedNameMap;
import io.loopguard.agent.common.RelocatedNames;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Advice planned on a framework's type that also goes into the methods of the same name its subtypes declare: a
 * framework's blocking method is often declared by an interface or a base class ({@code Future#sync},
 * {@code Mono#block}) and implemented, or overridden, by classes of its own ({@code DefaultPromise},
 * {@code MonoJust}). Only subtypes in the framework's own packages (its first two, as in {@code io.netty}) are
 * looked for, relocated copies included, so that other classes cost nothing when they load.
 */
final class InheritedAdvice {
    private final Map<String, List<PlannedAdvice>> byType;
    /** The planned types' names by themselves, to find them under relocated names too. */
    private final RelocatedNameMap<String> names;
    private final List<String> packages;
    /** The names of the methods the advice goes into. */
    private final ConstantPoolNames methodNames;
    /** The planned types each class seen is, itself or by inheritance (empty for most), by internal name. */
    private final Map<String, Set<String>> plannedSupertypes = new ConcurrentHashMap<>();

    /** @param byType advice by the internal name of the type that declares its methods */
    InheritedAdvice(Map<String, List<PlannedAdvice>> byType) {
        this.byType = byType;
        Map<String, String> names = new HashMap<>();
        Set<String> packages = new LinkedHashSet<>();
        List<String> methodNames = new ArrayList<>();
        for (Map.Entry<String, List<PlannedAdvice>> planned : byType.entrySet()) {
            names.put(planned.getKey(), planned.getKey());
            packages.add(frameworkPackage(planned.getKey()));
            for (PlannedAdvice advice : planned.getValue()) {
                methodNames.addAll(advice.methodNames());
            }
        }
        this.names = new RelocatedNameMap<>(names);
        this.packages = List.copyOf(packages);
        this.methodNames = new ConstantPoolNames(methodNames);
    }

    /** Whether a class of this name may be one of the types or a subtype of one: cheap, never wrong the other way. */
    boolean mayApply(String className) {
        for (String frameworkPackage : packages) {
            if (RelocatedNames.inPackage(className, frameworkPackage)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the class {@code classFile} defines may declare a method the advice goes into, judged by the names
     * in its constant pool: most classes of a framework's packages declare none, and need not have their
     * supertypes looked up at all. Never wrong the other way.
     */
    boolean mayDeclareAdvisedMethod(byte[] classFile) {
        return methodNames.anyIn(classFile);
    }

    /**
     * Whether a loaded class is one of the types or a subtype of one, as its loaded supertypes say: what a
     * retransformation must cover. Its supertypes are followed outside the frameworks' packages too, so it is
     * never wrong the other way.
     */
    boolean appliesTo(Class<?> loaded) {
        return mayApply(loaded.getName().replace('.', '/')) && isPlannedOrSubtype(loaded);
    }

    private boolean isPlannedOrSubtype(Class<?> type) {
        if (names.find(type.getName().replace('.', '/')) != null) {
            return true;
        }
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && isPlannedOrSubtype(superclass)) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (isPlannedOrSubtype(implemented)) {
                return true;
            }
        }
        return false;
    }

    /** The advice for the class {@code classFile} defines, as its loader sees its supertypes; empty for none. */
    List<PlannedAdvice> forClass(ClassLoader loader, String className, byte[] classFile) {
        if (!mayApply(className)) {
            return List.of();
        }
        ClassReader reader = OpenedClassReader.of(classFile);
        List<PlannedAdvice> advices = new ArrayList<>();
        for (String type : supertypes(loader, className, reader.getSuperName(), reader.getInterfaces())) {
            advices.addAll(byType.get(type));
        }
        return advices;
    }

    private Set<String> plannedSupertypes(ClassLoader loader, String className) {
        Set<String> known = plannedSupertypes.get(className);
        if (known != null) {
            return known;
        }
        if (!mayApply(className) || loader == null) {
            return Set.of();
        }
        try (InputStream in = loader.getResourceAsStream(className + ".class")) {
            if (in != null) {
                ClassReader reader = OpenedClassReader.of(in.readAllBytes());
                return supertypes(loader, className, reader.getSuperName(), reader.getInterfaces());
            }
        } catch (IOException | RuntimeException unreadable) {
            // a supertype its loader cannot give leaves its subtypes' methods unprobed, as without this
        }
        plannedSupertypes.put(className, Set.of());
        return Set.of();
    }

    private Set<String> supertypes(ClassLoader loader, String className, String superName, String[] interfaces) {
        Set<String> found = new HashSet<>();
        String self = names.find(className);
        if (self != null) {
            found.add(self);
        }
        if (superName != null) {
            found.addAll(plannedSupertypes(loader, superName));
        }
        for (String implemented : interfaces) {
            found.addAll(plannedSupertypes(loader, implemented));
        }
        Set<String> result = Set.copyOf(found);
        plannedSupertypes.put(className, result);
        return result;
    }

    /** {@code io/netty/util/concurrent/Future} is in {@code io/netty}: a framework's own packages, by their first two names. */
    static String frameworkPackage(String internalName) {
        int first = internalName.indexOf('/');
        int second = first < 0 ? -1 : internalName.indexOf('/', first + 1);
        return internalName.substring(0, second > 0 ? second : first > 0 ? first : internalName.length());
    }
}
