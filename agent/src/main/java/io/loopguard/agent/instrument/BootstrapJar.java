package io.loopguard.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Defines the bootstrap module ({@code loopguard-bootstrap.jar}, embedded in the agent jar at build time)
 * whole in the bootstrap class loader, so that {@code java.lang.Thread} can see the probe.
 *
 * <p>Not with {@code appendToBootstrapClassLoaderSearch}: that makes the JVM print a class-data-sharing
 * warning. Instead {@code jdk.internal.misc} is opened to the agent through the supported
 * {@link Instrumentation#redefineModule} and its {@code Unsafe.defineClass} defines them, which prints
 * nothing and needs no JVM flag. {@code java.lang} is opened to the classes it defines once the probes are
 * needed ({@link #openThreadFields}), so that the probe reads a thread's id from {@code Thread}'s field. It
 * must run before anything loads those classes through the application class loader, which would then hold a
 * second, useless copy.
 */
public final class BootstrapJar {
    private static final String RESOURCE = "loopguard-bootstrap.jar";
    private static final String INTERNAL_PACKAGE = "jdk.internal.misc";
    private static final String THREAD_PACKAGE = "java.lang";
    private static final String PROBE = "io.loopguard.bootstrap.Probe";

    private BootstrapJar() {
    }

    public static void define(Instrumentation instrumentation) throws Throwable {
        if (alreadyDefined()) {
            return; // attached again after a detach: the classes stay, as a class loader never forgets one
        }
        Module javaBase = Object.class.getModule();
        Module agent = BootstrapJar.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(INTERNAL_PACKAGE, Set.of(agent)),
                Map.of(INTERNAL_PACKAGE, Set.of(agent)), Set.of(), Map.of());
        // Method handles with exact types, not reflection: on JDK 18 and later a reflective call spins method-handle
        // classes for its argument list, tens of milliseconds at every start.
        Class<?> unsafeType = Class.forName(INTERNAL_PACKAGE + ".Unsafe");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Object unsafe = lookup.findStatic(unsafeType, "getUnsafe", MethodType.methodType(unsafeType)).invoke();
        MethodHandle defineClass = lookup.findVirtual(unsafeType, "defineClass", MethodType.methodType(Class.class,
                String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class))
                .bindTo(unsafe);
        List<ClassFile> pending = classes();
        // Defining a class resolves its supertypes: one whose supertype is not defined yet waits a round.
        while (!pending.isEmpty()) {
            List<ClassFile> waiting = new ArrayList<>();
            Throwable lastProblem = null;
            for (ClassFile classFile : pending) {
                try {
                    Class<?> defined = (Class<?>) defineClass.invokeExact(classFile.name(), classFile.bytes(), 0,
                            classFile.bytes().length, (ClassLoader) null, (ProtectionDomain) null);
                } catch (NoClassDefFoundError supertypeNotYet) {
                    waiting.add(classFile);
                    lastProblem = supertypeNotYet;
                }
            }
            if (waiting.size() == pending.size()) {
                throw new IllegalStateException("cannot define the bootstrap classes " + waiting, lastProblem);
            }
            pending = waiting;
        }
    }

    /**
     * Opens {@code java.lang} to the bootstrap classes: the probe reads a thread's id from {@code Thread}'s own
     * field, which {@code getId()} may hide ({@code ThreadStates}). Called before the first probe, not in
     * {@code premain}: a JVM that never needs the probes is spared a module redefinition.
     */
    public static void openThreadFields(Instrumentation instrumentation) {
        try {
            Module bootstrapClasses = Class.forName(PROBE, false, null).getModule();
            instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of(THREAD_PACKAGE, Set.of(bootstrapClasses)), Set.of(), Map.of());
        } catch (ClassNotFoundException | RuntimeException notOpened) {
            // the probe finds each thread's state through a ThreadLocal instead: slower, as correct
        }
    }

    /** Every class of the embedded bootstrap jar. */
    private static List<ClassFile> classes() throws IOException {
        List<ClassFile> classes = new ArrayList<>();
        InputStream embedded = BootstrapJar.class.getResourceAsStream(RESOURCE);
        if (embedded == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the agent jar");
        }
        try (JarInputStream jar = new JarInputStream(embedded)) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class")) {
                    classes.add(new ClassFile(name.substring(0, name.length() - 6).replace('/', '.'), jar.readAllBytes()));
                }
            }
        }
        return classes;
    }

    private record ClassFile(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static boolean alreadyDefined() {
        try {
            Class.forName(PROBE, false, null);
            return true;
        } catch (ClassNotFoundException notYet) {
            return false;
        }
    }
}
