package io.loopguard.agent.scan;

import io.loopguard.agent.common.ClassOrigin;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.scan.BlockingCalls.BlockingCall;
import io.loopguard.agent.scan.ClassModel.Origin;
import io.loopguard.agent.scan.Program.ResolvedMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.Type;

/**
 * Where a method's code can go next, on the same thread: the methods its calls can reach (class-hierarchy analysis
 * over the classes the scanned code creates), the lambdas it runs at once, and the blocking calls it makes. Calls
 * into the JDK or a framework, into an allowed method, or of a task handed to another thread, go nowhere.
 */
final class CallGraph {
    /** A virtual call with more possible targets than this is too uncertain to follow. */
    static final int MAX_TARGETS = 12;
    /** How many helper methods deep the scan follows a task to where it runs. */
    private static final int HAND_OFF_DEPTH = 4;

    private final Program program;
    private final BlockingCalls blockingCalls;
    private final FrameworkDescription frameworks;
    private final List<MethodRef> allowed;
    private final Map<MethodModel, List<Step>> steps = new HashMap<>();
    private final Map<String, TaskFate> fates = new HashMap<>();
    private final Map<MethodModel, List<LambdaSite>> tasks = new HashMap<>();

    CallGraph(Program program, FrameworkDescription frameworks, List<MethodRef> allowed) {
        this.program = program;
        this.blockingCalls = new BlockingCalls(program, frameworks);
        this.frameworks = frameworks;
        this.allowed = allowed;
    }

    /** What happens to a task (a lambda) handed to a call. */
    enum TaskFate {
        /** Handed to another thread, stored, or not known: not followed. */
        ELSEWHERE,
        /** Run before the call returns, on the calling thread. */
        RUNS_HERE,
        /**
         * Handed to an event loop (perhaps run at once when the caller is on it already): an entry point of its own,
         * whatever the caller is.
         */
        ON_LOOP
    }

    /**
     * One step out of a method: a call of {@code target}, a lambda {@code target} run at once, or a blocking call.
     */
    record Step(int line, MethodModel target, BlockingCall blocking) {
    }

    List<Step> steps(MethodModel method) {
        List<Step> known = steps.get(method);
        if (known != null) {
            return known;
        }
        Map<String, Step> next = new LinkedHashMap<>();
        for (CallSite call : method.calls()) {
            BlockingCall blocking = blockingCalls.match(call);
            if (blocking != null) {
                next.putIfAbsent(blocking.method() + "@" + call.line(), new Step(call.line(), null, blocking));
                continue;
            }
            for (ResolvedMethod target : targets(call)) {
                next.putIfAbsent(key(target.method()), new Step(call.line(), target.method(), null));
            }
        }
        for (LambdaSite lambda : tasks(method)) {
            if (fate(lambda) == TaskFate.RUNS_HERE) {
                MethodModel body = followable(lambda.bodyOwner(), lambda.bodyName(), lambda.bodyDescriptor());
                if (body != null) {
                    next.putIfAbsent(key(body), new Step(lambda.line(), body, null));
                }
            }
        }
        List<Step> result = List.copyOf(next.values());
        steps.put(method, result);
        return result;
    }

    /**
     * The tasks {@code method} creates and hands on: its lambdas, and the objects of the application's classes it
     * creates and passes as a functional interface ({@code loop.execute(new RefreshTask())}), seen as lambdas whose
     * body is the class's implementation of the interface's method.
     */
    List<LambdaSite> tasks(MethodModel method) {
        List<LambdaSite> known = tasks.get(method);
        if (known != null) {
            return known;
        }
        List<LambdaSite> all = new ArrayList<>(method.lambdas());
        for (CreationSite creation : method.creations()) {
            LambdaSite task = asTask(creation);
            if (task != null) {
                all.add(task);
            }
        }
        List<LambdaSite> result = List.copyOf(all);
        tasks.put(method, result);
        return result;
    }

    private LambdaSite asTask(CreationSite creation) {
        Set<String> types = program.supertypes(creation.createdClass());
        for (Type parameter : Type.getArgumentTypes(creation.consumer().descriptor())) {
            if (parameter.getSort() != Type.OBJECT || !types.contains(parameter.getInternalName())) {
                continue;
            }
            MethodModel abstractMethod = singleAbstractMethod(parameter.getInternalName());
            ResolvedMethod body = abstractMethod == null ? null : program.implementation(creation.createdClass(),
                    abstractMethod.name(), abstractMethod.descriptor());
            if (body != null) {
                return new LambdaSite(body.type().name(), body.method().name(), body.method().descriptor(),
                        parameter.getInternalName(), abstractMethod.name(), creation.line(), creation.consumer(),
                        false);
            }
        }
        return null;
    }

    /** The one abstract method of the functional interface {@code type}; null when it is not one. */
    private MethodModel singleAbstractMethod(String type) {
        MethodModel found = null;
        for (String supertype : program.supertypes(type)) {
            ClassModel model = program.type(supertype);
            if (model == null || !model.isInterface()) {
                continue;
            }
            for (MethodModel method : model.methods().values()) {
                if (method.isAbstract() && program.implementation("java/lang/Object", method.name(),
                        method.descriptor()) == null) {
                    if (found != null && !found.key().equals(method.key())) {
                        return null;
                    }
                    found = method;
                }
            }
        }
        return found;
    }

    /** The scanned, not opaque, not allowed method of that name; null when there is none. */
    MethodModel followable(String owner, String name, String descriptor) {
        ClassModel type = program.type(owner);
        if (type == null || type.origin() == Origin.OPAQUE || isAllowed(owner, name)) {
            return null;
        }
        MethodModel method = type.method(name, descriptor);
        return method == null || method.isAbstract() ? null : method;
    }

    /** The methods {@code call} can run that the scan follows: none for a call into the JDK or a framework. */
    List<ResolvedMethod> targets(CallSite call) {
        if (isOpaque(call.owner()) || isAllowed(call.owner(), call.name())) {
            return List.of();
        }
        List<ResolvedMethod> targets = new ArrayList<>();
        ResolvedMethod declared = program.implementation(call.owner(), call.name(), call.descriptor());
        if (declared != null) {
            targets.add(declared);
        }
        if (call.isVirtual() && !call.name().equals("<init>")) {
            for (String subtype : program.subtypes(call.owner())) {
                ClassModel model = program.type(subtype);
                if (model.isInterface() || model.isAbstract() || !program.isInstantiated(subtype)) {
                    continue;
                }
                ResolvedMethod implementation = program.implementation(subtype, call.name(), call.descriptor());
                if (implementation != null && !targets.contains(implementation)) {
                    targets.add(implementation);
                }
            }
        }
        if (targets.size() > MAX_TARGETS) {
            return List.of();
        }
        targets.removeIf(target -> target.type().origin() == Origin.OPAQUE
                || isAllowed(target.type().name(), target.method().name()));
        return targets;
    }

    /** Where the lambda runs, judged by the call it is handed to. */
    TaskFate fate(LambdaSite lambda) {
        if (lambda.onNonBlockingScheduler()) {
            return TaskFate.ON_LOOP;
        }
        if (lambda.consumer() != null && handOff(lambda.consumer()) == TaskFate.ELSEWHERE) {
            return TaskFate.ELSEWHERE;
        }
        if (loopCallback(lambda) != null) {
            return TaskFate.ON_LOOP;
        }
        return fate(lambda.consumer(), lambda.functionalType(), lambda.functionalMethod(), 0);
    }

    /** The framework callback the lambda implements ({@code Handler#handle}), which runs on a loop; or null. */
    MethodRef loopCallback(LambdaSite lambda) {
        for (MethodRef callback : frameworks.runsOnEventLoop()) {
            if (callback.internalClassName().equals(lambda.functionalType())
                    && callback.methodName().equals(lambda.functionalMethod())) {
                return callback;
            }
        }
        return null;
    }

    private TaskFate fate(CallSite consumer, String type, String method, int depth) {
        if (consumer == null) {
            return TaskFate.ELSEWHERE;
        }
        TaskFate handOff = handOff(consumer);
        if (handOff != null) {
            return handOff;
        }
        if (ClassOrigin.isJdk(consumer.owner())) {
            return SynchronousJdkMethods.runsHere(consumer, program) ? TaskFate.RUNS_HERE : TaskFate.ELSEWHERE;
        }
        if (depth >= HAND_OFF_DEPTH) {
            return TaskFate.ELSEWHERE;
        }
        TaskFate fate = TaskFate.ELSEWHERE;
        for (ResolvedMethod target : targets(consumer)) {
            TaskFate inTarget = fateIn(target.method(), type, method, depth + 1);
            fate = inTarget.compareTo(fate) > 0 ? inTarget : fate;
        }
        return fate;
    }

    /** What {@code helper} does with a task of {@code type} it is given: runs it, hands it to a loop, or neither. */
    private TaskFate fateIn(MethodModel helper, String type, String method, int depth) {
        String key = key(helper) + "|" + type;
        TaskFate known = fates.get(key);
        if (known != null) {
            return known;
        }
        fates.put(key, TaskFate.ELSEWHERE);
        TaskFate fate = TaskFate.ELSEWHERE;
        for (CallSite call : helper.calls()) {
            TaskFate there = TaskFate.ELSEWHERE;
            if (call.name().equals(method) && program.supertypes(call.owner()).contains(type)) {
                there = TaskFate.RUNS_HERE;
            } else if (call.takes(type)) {
                there = fate(call, type, method, depth);
            }
            fate = there.compareTo(fate) > 0 ? there : fate;
        }
        fates.put(key, fate);
        return fate;
    }

    /**
     * Where a framework's method runs the task it is given: {@link TaskFate#ON_LOOP}, {@link TaskFate#ELSEWHERE} (a
     * worker), or null when {@code call} is neither kind of hand-off.
     */
    TaskFate handOff(CallSite call) {
        if (isCallOf(frameworks.scan().handsToWorker(), call)) {
            return TaskFate.ELSEWHERE;
        }
        return isCallOf(frameworks.handsToEventLoop(), call) ? TaskFate.ON_LOOP : null;
    }

    /** Whether {@code call} calls one of {@code methods}, on its class or a subtype. */
    boolean isCallOf(List<MethodRef> methods, CallSite call) {
        for (MethodRef method : methods) {
            if (method.methodName().equals(call.name())
                    && program.supertypes(call.owner()).contains(method.internalClassName())) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's classes and the frameworks': their code is never followed. */
    boolean isOpaque(String className) {
        return ClassOrigin.isJdk(className) || isFramework(className);
    }

    /** Whether {@code className} (internal name) is in a framework's own package. */
    boolean isFramework(String className) {
        return frameworks.scan().owns(className);
    }

    private boolean isAllowed(String className, String methodName) {
        for (MethodRef allowance : allowed) {
            if (allowance.methodName().equals(methodName)
                    && program.supertypes(className).contains(allowance.internalClassName())) {
                return true;
            }
        }
        return false;
    }

    private static String key(MethodModel method) {
        return method.owner() + "." + method.key();
    }
}
