package io.loopguard.agent.instrument;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the classes that instrumented JDK code calls ({@code io.loopguard.bootstrap} and
 * {@code BlockingCallError}) in the bootstrap class loader, so that {@code java.lang.Thread} can see them.
 *
 * <p>Not with {@code appendToBootstrapClassLoaderSearch}: that makes the JVM print a class-data-sharing
 * warning. Instead {@code jdk.internal.misc} is opened to the agent through the supported
 * {@link Instrumentation#redefineModule} and its {@code Unsafe.defineClass} defines them, which prints
 * nothing and needs no JVM flag. It must run before anything loads those classes through the
 * application class loader, which would then hold a second, useless copy.
 */
public final class BootstrapJar {
    private static final String BOOTSTRAP_PACKAGE = "io/loopguard/bootstrap/";
    private static final String ERROR_CLASS = "io/loopguard/BlockingCallError.class";
    private static final String INTERNAL_PACKAGE = "jdk.internal.misc";

    private BootstrapJar() {
    }

    public static void define(Instrumentation instrumentation, Path agentJar) throws Exception {
        Module javaBase = Object.class.getModule();
        Module agent = BootstrapJar.class.getModule();
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(INTERNAL_PACKAGE, Set.of(agent)),
                Map.of(INTERNAL_PACKAGE, Set.of(agent)), Set.of(), Map.of());
        Class<?> unsafeType = Class.forName(INTERNAL_PACKAGE + ".Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method defineClass = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);
        for (ClassFile classFile : bootstrapClasses(agentJar)) {
            defineClass.invoke(unsafe, classFile.name(), classFile.bytes(), 0, classFile.bytes().length, null, null);
        }
    }

    /** The jar the agent was loaded from. */
    public static Path agentJar() {
        try {
            return new File(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toPath();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the Loopguard agent jar", e);
        }
    }

    /** Superclasses and interfaces first: defining a class resolves them. */
    private static List<ClassFile> bootstrapClasses(Path agentJar) throws IOException {
        List<ClassFile> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(agentJar.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(BOOTSTRAP_PACKAGE) && name.endsWith(".class") || name.equals(ERROR_CLASS)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.add(new ClassFile(name.substring(0, name.length() - 6).replace('/', '.'),
                                in.readAllBytes()));
                    }
                }
            }
        }
        classes.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        return classes;
    }

    private record ClassFile(String name, byte[] bytes) {
        /** The only supertypes within the set: the error, the listener interface. */
        int rank() {
            return name.endsWith("BlockingCallError") || name.endsWith("ProbeListener") ? 0 : 1;
        }
    }
}
