package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Probes blocking methods that are {@code native} on this JDK ({@code Thread.sleep(long)} and
 * {@code Object.wait(long)} on JDK 17), which have no body to put advice in: in application classes
 * as they load, each call to one gets a probe call just before it. Retransforming a JDK class may
 * not add methods, so this is how it is done with no JVM flag.
 */
final class NativeCallSiteTransformer implements ClassFileTransformer {
    private static final String PROBE = "io/loopguard/bootstrap/Probe";

    /**
     * A native blocking method. A call matches on name and descriptor, and on the owner too unless
     * {@code anyOwner} (a final method of {@code Object}: whatever class a call names, it is that one).
     */
    record Target(String owner, String name, String descriptor, boolean anyOwner, int operation) {
        String key() {
            return name + descriptor;
        }

        /** For the cache key; not the record's own toString, whose first call spins method handles at start. */
        String describe() {
            return owner + "." + name + descriptor + (anyOwner ? " any owner " : " ") + operation;
        }
    }

    private final Map<String, Target> targets;
    /** The targets' names: a class whose constant pool holds none of them calls none. */
    private final ConstantPoolNames names;
    private final String plan;
    private final ClassCache cache;
    private final Consumer<String> problems;
    /** The classes whose calls this rewrote, by internal name: what a detach must restore. */
    final Set<String> rewritten = ConcurrentHashMap.newKeySet();

    /** @param targets by {@link Target#key()} */
    NativeCallSiteTransformer(Map<String, Target> targets, ClassCache cache, Consumer<String> problems) {
        this.targets = targets;
        List<String> names = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (Target target : targets.values()) {
            names.add(target.name());
            described.add(target.describe());
        }
        Collections.sort(described);
        this.names = new ConstantPoolNames(names);
        this.plan = "call sites " + String.join("; ", described);
        this.cache = cache;
        this.problems = problems;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null || loader == null || isJdkOrShaded(className) || !names.anyIn(classFile)) {
            return null;
        }
        // Reading the cache is the agent's own I/O, even when an event loop loads the class.
        ThreadState state = Probe.allow();
        try {
            if (!constantPoolRefersToAnyTarget(classFile)) {
                return null;
            }
            byte[] rewritten = cache.transformed(className, classBeingRedefined, plan, classFile, () -> rewrite(classFile));
            if (rewritten != null) {
                this.rewritten.add(className);
            }
            return rewritten;
        } catch (Throwable problem) {
            problems.accept("could not probe calls to native blocking methods in " + className.replace('/', '.')
                    + " (" + problem + ")");
            return null;
        } finally {
            Probe.disallow(state);
        }
    }

    private byte[] rewrite(byte[] classFile) {
        ClassReader reader = OpenedClassReader.of(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(OpenedClassReader.ASM_API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(OpenedClassReader.ASM_API, method) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String calledName, String calledDescriptor,
                                                boolean isInterface) {
                        Target target = targets.get(calledName + calledDescriptor);
                        if (target != null && (target.anyOwner() || target.owner().equals(owner))) {
                            super.visitLdcInsn(target.operation());
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, PROBE, "beforeNativeCall", "(I)V", false);
                            changed[0] = true;
                        }
                        super.visitMethodInsn(opcode, owner, calledName, calledDescriptor, isInterface);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    /**
     * Whether this class file refers to a target, as a call to it would: one of the methods its constant pool
     * names, with the target's name, descriptor and owner. Never wrong the other way, and checked before the
     * cache is read or a loaded class is retransformed for nothing: many classes say "wait" without calling it.
     */
    boolean refersToAnyTarget(byte[] classFile) {
        return names.anyIn(classFile) && constantPoolRefersToAnyTarget(classFile);
    }

    private boolean constantPoolRefersToAnyTarget(byte[] classFile) {
        ConstantPool pool = ConstantPool.of(classFile);
        if (pool == null) {
            return true; // read in full, by the rewrite
        }
        for (int entry = 1; entry < pool.size(); entry++) {
            if (pool.isMethodReference(entry)) {
                Target target = targets.get(pool.name(entry) + pool.descriptor(entry));
                if (target != null && (target.anyOwner() || target.owner().equals(pool.owner(entry)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The JDK's classes and the libraries inside the agent; the agent's own are rewritten too, so that the
     * catalogue's self-test calls are probed like the application's. Self-contained, like everything
     * {@code transform} runs: a class it loaded would be handed to it while loading (not {@code ClassOrigin}).
     */
    private static boolean isJdkOrShaded(String className) {
        return className.startsWith("java/") || className.startsWith("javax/") || className.startsWith("jdk/")
                || className.startsWith("sun/") || className.startsWith("com/sun/")
                || className.startsWith("io/loopguard/shaded/") || className.startsWith("io/loopguard/bootstrap/");
    }
}
