package io.loopguard.agent.scan;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription.ScanFacts;
import io.loopguard.agent.scan.ClassModel.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reads one class file into a {@link ClassModel}, with ByteBuddy's bundled ASM. Opaque classes are read for their
 * types and method names only; the code of the others is read for calls, lambdas and the classes it creates.
 */
final class ClassModelReader {
    /** The annotation that marks a user's own entry point (the scan reads it by name: loopguard-api is optional). */
    static final String ENTRY_ANNOTATION = "Lio/loopguard/api/RunsOnEventLoop;";
    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final int API = Opcodes.ASM9;

    private final ScanFacts frameworks;

    ClassModelReader(ScanFacts frameworks) {
        this.frameworks = frameworks;
    }

    ClassModel read(byte[] bytes, Origin origin) {
        ClassReader reader = new ClassReader(bytes);
        ClassCollector collector = new ClassCollector(origin);
        reader.accept(collector, origin == Origin.OPAQUE
                ? ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES
                : ClassReader.SKIP_FRAMES);
        return collector.model();
    }

    private final class ClassCollector extends ClassVisitor {
        private final Origin origin;
        private final Map<String, MethodModel> methods = new LinkedHashMap<>();
        private String name;
        private String superName;
        private List<String> interfaces;
        private int access;
        private String sourceFile;
        private boolean markedEntry;

        ClassCollector(Origin origin) {
            super(API);
            this.origin = origin;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.access = access;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            markedEntry |= descriptor.equals(ENTRY_ANNOTATION);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodCollector(name, access, methodName, descriptor, methods::put);
        }

        ClassModel model() {
            return new ClassModel(name, superName, interfaces, (access & Opcodes.ACC_INTERFACE) != 0,
                    (access & Opcodes.ACC_ABSTRACT) != 0, sourceFile, origin, markedEntry, Map.copyOf(methods));
        }
    }

    private interface MethodSink {
        void put(String key, MethodModel method);
    }

    private final class MethodCollector extends MethodVisitor {
        private final String owner;
        private final int access;
        private final String name;
        private final String descriptor;
        private final Set<String> creates = new LinkedHashSet<>();
        private final MethodSink sink;
        private final List<CallSite> calls = new ArrayList<>();
        private final List<LambdaSite> lambdas = new ArrayList<>();
        private final List<CreationSite> creations = new ArrayList<>();
        /** Classes created with new whose constructor has not run yet, the latest last. */
        private final List<CreationSite> constructing = new ArrayList<>();
        /** Created objects not yet handed to a call, the latest last. */
        private final List<CreationSite> created = new ArrayList<>();
        /** Indexes into {@link #lambdas} of those not yet handed to a call, the latest last. */
        private final List<Integer> pending = new ArrayList<>();
        private final SchedulerTracker scheduler = new SchedulerTracker();
        private boolean markedEntry;
        private int line = -1;
        private int firstLine = -1;

        MethodCollector(String owner, int access, String name, String descriptor, MethodSink sink) {
            super(API);
            this.owner = owner;
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            this.sink = sink;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
            markedEntry |= annotation.equals(ENTRY_ANNOTATION);
            return null;
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            line = number;
            if (firstLine < 0) {
                firstLine = number;
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                creates.add(type);
                if (!type.startsWith("java/")) {
                    constructing.add(new CreationSite(type, line, null));
                }
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String callOwner, String callName, String callDescriptor,
                                    boolean isInterface) {
            CallSite call = new CallSite(opcode, callOwner, callName, callDescriptor, line);
            calls.add(call);
            handCreatedObjectTo(call);
            handPendingLambdasTo(call);
            scheduler.onCall(call);
        }

        @Override
        public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap, Object... arguments) {
            if (!bootstrap.getOwner().equals(LAMBDA_FACTORY) || arguments.length < 2
                    || !(arguments[1] instanceof Handle body)) {
                return;
            }
            lambdas.add(new LambdaSite(body.getOwner(), body.getName(), body.getDesc(),
                    Type.getReturnType(indyDescriptor).getInternalName(), indyName, line, null, false));
            pending.add(lambdas.size() - 1);
        }

        /** A created object may be handed to the first call after its constructor that takes an object. */
        private void handCreatedObjectTo(CallSite call) {
            if (!created.isEmpty() && takesAnObject(call)) {
                creations.add(created.remove(created.size() - 1).consumedBy(call));
            }
            if (call.name().equals("<init>") && !constructing.isEmpty()
                    && constructing.get(constructing.size() - 1).createdClass().equals(call.owner())) {
                created.add(constructing.remove(constructing.size() - 1));
            }
        }

        private static boolean takesAnObject(CallSite call) {
            for (Type parameter : Type.getArgumentTypes(call.descriptor())) {
                if (parameter.getSort() == Type.OBJECT) {
                    return true;
                }
            }
            return false;
        }

        /** A lambda belongs to the first call after it that takes its type (or any object), the latest first. */
        private void handPendingLambdasTo(CallSite call) {
            if (pending.isEmpty()) {
                return;
            }
            int slots = 0;
            for (Type parameter : Type.getArgumentTypes(call.descriptor())) {
                slots += parameter.getSort() == Type.OBJECT ? 1 : 0;
            }
            for (int i = pending.size() - 1; i >= 0 && slots > 0; i--) {
                int index = pending.get(i);
                LambdaSite lambda = lambdas.get(index);
                if (call.takes(lambda.functionalType()) || call.takes("java/lang/Object")) {
                    lambda = lambda.consumedBy(call);
                    if (scheduler.runsOperatorOnLoop(call)) {
                        lambda = lambda.runOnNonBlockingScheduler();
                    }
                    lambdas.set(index, lambda);
                    pending.remove(i);
                    slots--;
                }
            }
        }

        @Override
        public void visitEnd() {
            MethodModel model = new MethodModel(owner, name, descriptor, (access & Opcodes.ACC_STATIC) != 0,
                    (access & Opcodes.ACC_ABSTRACT) != 0, (access & Opcodes.ACC_BRIDGE) != 0, markedEntry, firstLine,
                    List.copyOf(calls), List.copyOf(lambdas), List.copyOf(creations), List.copyOf(creates));
            sink.put(model.key(), model);
        }

        /** Follows the scheduler switches of a chain of operators through the method's code. */
        private final class SchedulerTracker {
            private Boolean lastSchedulerNonBlocking;
            private boolean onLoop;

            void onCall(CallSite call) {
                if (isScheduler(call)) {
                    lastSchedulerNonBlocking = matches(frameworks.nonBlockingSchedulers(), call);
                } else if (lastSchedulerNonBlocking != null && isOperator(call)) {
                    boolean nonBlocking = lastSchedulerNonBlocking;
                    if (matches(frameworks.movesLaterOperators(), call)) {
                        onLoop = nonBlocking;
                        lastSchedulerNonBlocking = null;
                    } else if (matches(frameworks.movesWholeChain(), call)) {
                        lastSchedulerNonBlocking = null;
                        if (nonBlocking) {
                            onLoop = true;
                            markEarlierOperatorLambdas();
                        }
                    }
                }
            }

            boolean runsOperatorOnLoop(CallSite call) {
                return onLoop && isOperator(call);
            }

            /** A call of a class that makes the non-blocking schedulers: it makes the scheduler the next switch takes. */
            private boolean isScheduler(CallSite call) {
                return frameworks.nonBlockingSchedulers().stream()
                        .anyMatch(factory -> factory.internalClassName().equals(call.owner()));
            }

            /** A call of a type in a package of the scheduler switches: one of the framework's operators. */
            private boolean isOperator(CallSite call) {
                return isIn(frameworks.movesLaterOperators(), call.owner())
                        || isIn(frameworks.movesWholeChain(), call.owner());
            }

            /** subscribeOn moves the whole chain: the operators before it in this method run there too. */
            private void markEarlierOperatorLambdas() {
                for (int i = 0; i < lambdas.size(); i++) {
                    LambdaSite lambda = lambdas.get(i);
                    if (lambda.consumer() != null && isOperator(lambda.consumer())) {
                        lambdas.set(i, lambda.runOnNonBlockingScheduler());
                    }
                }
            }
        }
    }

    private static boolean matches(List<MethodRef> methods, CallSite call) {
        return methods.stream().anyMatch(method -> method.methodName().equals(call.name())
                && packageOf(method.internalClassName()).equals(packageOf(call.owner())));
    }

    private static boolean isIn(List<MethodRef> methods, String owner) {
        return methods.stream().anyMatch(method -> packageOf(method.internalClassName()).equals(packageOf(owner)));
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
