package io.loopguard.agent.scan;

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

    private final List<FrameworkScanFacts> frameworks;

    ClassModelReader(List<FrameworkScanFacts> frameworks) {
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
        private final List<SchedulerTracker> schedulers = new ArrayList<>();
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
            for (FrameworkScanFacts framework : frameworks) {
                if (!framework.schedulers().factory().isEmpty()) {
                    schedulers.add(new SchedulerTracker(framework.schedulers()));
                }
            }
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
            for (SchedulerTracker tracker : schedulers) {
                tracker.onCall(call);
            }
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
                    for (SchedulerTracker tracker : schedulers) {
                        if (tracker.runsOperatorOnLoop(call)) {
                            lambda = lambda.runOnNonBlockingScheduler();
                        }
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

        /** Follows one framework's scheduler switches through the method's chain of operators. */
        private final class SchedulerTracker {
            private final FrameworkScanFacts.Schedulers facts;
            private final String factory;
            private final String operators;
            private Boolean lastSchedulerNonBlocking;
            private boolean onLoop;

            SchedulerTracker(FrameworkScanFacts.Schedulers facts) {
                this.facts = facts;
                this.factory = facts.factory().replace('.', '/');
                this.operators = facts.operatorPackage().replace('.', '/');
            }

            void onCall(CallSite call) {
                if (call.owner().equals(factory)) {
                    lastSchedulerNonBlocking = facts.nonBlocking().contains(call.name());
                } else if (call.owner().startsWith(operators) && lastSchedulerNonBlocking != null) {
                    boolean nonBlocking = lastSchedulerNonBlocking;
                    if (call.name().equals(facts.switchAfter())) {
                        onLoop = nonBlocking;
                        lastSchedulerNonBlocking = null;
                    } else if (call.name().equals(facts.switchAll())) {
                        lastSchedulerNonBlocking = null;
                        if (nonBlocking) {
                            onLoop = true;
                            markEarlierOperatorLambdas();
                        }
                    }
                }
            }

            boolean runsOperatorOnLoop(CallSite call) {
                return onLoop && call.owner().startsWith(operators);
            }

            /** subscribeOn moves the whole chain: the operators before it in this method run there too. */
            private void markEarlierOperatorLambdas() {
                for (int i = 0; i < lambdas.size(); i++) {
                    LambdaSite lambda = lambdas.get(i);
                    if (lambda.consumer() != null && lambda.consumer().owner().startsWith(operators)) {
                        lambdas.set(i, lambda.runOnNonBlockingScheduler());
                    }
                }
            }
        }
    }
}
