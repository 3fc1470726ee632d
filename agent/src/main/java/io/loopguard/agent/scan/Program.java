package io.loopguard.agent.scan;

import io.loopguard.agent.common.ClassOrigin;
import io.loopguard.agent.scan.ClassModel.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The classes of a scan and their type hierarchy: the scanned ones, and the JDK's, read on demand from the JDK
 * that runs the scan (for their types only: the JDK's code is never followed).
 */
final class Program {
    private final Map<String, ClassModel> scanned;
    private final Set<String> instantiated = new HashSet<>();
    private final ClassModelReader reader;
    private final Map<String, Optional<ClassModel>> jdk = new HashMap<>();
    private final Map<String, Set<String>> supertypes = new HashMap<>();
    private final Map<String, List<String>> directSubtypes = new HashMap<>();
    private final Map<String, List<String>> subtypes = new HashMap<>();

    Program(Map<String, ClassModel> scanned, ClassModelReader reader) {
        this.scanned = scanned;
        this.reader = reader;
        for (ClassModel model : scanned.values()) {
            if (model.superName() != null) {
                directSubtypes.computeIfAbsent(model.superName(), key -> new ArrayList<>()).add(model.name());
            }
            for (String implemented : model.interfaces()) {
                directSubtypes.computeIfAbsent(implemented, key -> new ArrayList<>()).add(model.name());
            }
        }
    }

    Iterable<ClassModel> scannedClasses() {
        return scanned.values();
    }

    int size() {
        return scanned.size();
    }

    /** The class named {@code name}, scanned or the JDK's; null when it is on none of the paths. */
    ClassModel type(String name) {
        ClassModel model = scanned.get(name);
        if (model != null || !ClassOrigin.isJdk(name)) {
            return model;
        }
        return jdk.computeIfAbsent(name, this::readJdkClass).orElse(null);
    }

    private Optional<ClassModel> readJdkClass(String name) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            return in == null ? Optional.empty() : Optional.of(reader.read(in.readAllBytes(), Origin.OPAQUE));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the program creates instances of {@code name}, as far as {@link CreatedClasses} found. */
    boolean isInstantiated(String name) {
        return instantiated.contains(name);
    }

    /** Adds classes the program creates; whether any was new. */
    boolean instantiate(Set<String> created) {
        return instantiated.addAll(created);
    }

    /** {@code name} and every class and interface above it that the scan can see. */
    Set<String> supertypes(String name) {
        Set<String> known = supertypes.get(name);
        if (known != null) {
            return known;
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(name);
        ClassModel model = type(name);
        if (model != null) {
            if (model.superName() != null) {
                all.addAll(supertypes(model.superName()));
            }
            for (String implemented : model.interfaces()) {
                all.addAll(supertypes(implemented));
            }
        }
        supertypes.put(name, all);
        return all;
    }

    /** The scanned classes below {@code name}, at any depth. */
    List<String> subtypes(String name) {
        List<String> known = subtypes.get(name);
        if (known != null) {
            return known;
        }
        Set<String> all = new LinkedHashSet<>();
        List<String> work = new ArrayList<>(directSubtypes.getOrDefault(name, List.of()));
        while (!work.isEmpty()) {
            String next = work.remove(work.size() - 1);
            if (all.add(next)) {
                work.addAll(directSubtypes.getOrDefault(next, List.of()));
            }
        }
        List<String> result = List.copyOf(all);
        subtypes.put(name, result);
        return result;
    }

    /** The method a call of {@code name descriptor} on an instance of {@code className} runs; null when unknown. */
    ResolvedMethod implementation(String className, String name, String descriptor) {
        for (String type : supertypes(className)) {
            ClassModel model = type(type);
            MethodModel method = model == null ? null : model.method(name, descriptor);
            if (method != null && !method.isAbstract()) {
                return new ResolvedMethod(model, method);
            }
        }
        return null;
    }

    /** A method and the class that declares it. */
    record ResolvedMethod(ClassModel type, MethodModel method) {
    }
}
