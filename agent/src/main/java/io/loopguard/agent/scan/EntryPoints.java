package io.loopguard.agent.scan;

import io.loopguard.agent.scan.CallGraph.TaskFate;
import io.loopguard.agent.scan.ClassModel.Origin;
import io.loopguard.agent.threads.MethodRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.Type;

/**
 * Finds the application's methods that run on event loops: methods of framework handlers it overrides, tasks it
 * hands to a loop (directly or through its own helpers), operators on a non-blocking scheduler, and methods the
 * user names ({@code @RunsOnEventLoop}, {@code --entry}). Frameworks' and libraries' own code has none.
 */
final class EntryPoints {

    private EntryPoints() {
    }

    static List<EntryPoint> find(Program program, CallGraph graph, List<FrameworkScanFacts> frameworks,
                                 List<MethodRef> named) {
        Map<String, EntryPoint> entries = new LinkedHashMap<>();
        List<ClassModel> classes = new ArrayList<>();
        for (ClassModel model : program.scannedClasses()) {
            if (model.origin() == Origin.APPLICATION && !graph.isOpaque(model.name())) {
                classes.add(model);
            }
        }
        classes.sort(Comparator.comparing(ClassModel::name));
        for (ClassModel model : classes) {
            String handler = handler(program, model, frameworks);
            for (MethodModel method : sorted(model)) {
                String reason = reason(program, graph, model, method, handler, named);
                if (reason != null) {
                    entries.putIfAbsent(method.owner() + "." + method.key(), new EntryPoint(method, reason));
                }
                for (LambdaSite lambda : graph.tasks(method)) {
                    if (graph.fate(lambda) != TaskFate.ON_LOOP) {
                        continue;
                    }
                    MethodModel body = graph.followable(lambda.bodyOwner(), lambda.bodyName(), lambda.bodyDescriptor());
                    if (body != null) {
                        entries.putIfAbsent(body.owner() + "." + body.key(), new EntryPoint(body, lambda.onNonBlockingScheduler()
                                ? "an operator of a chain on a non-blocking scheduler"
                                : "a task handed to an event loop by " + lambda.consumer().owner().replace('/', '.')
                                        + "." + lambda.consumer().name()));
                    }
                }
            }
        }
        return List.copyOf(entries.values());
    }

    private static List<MethodModel> sorted(ClassModel model) {
        List<MethodModel> methods = new ArrayList<>(model.methods().values());
        methods.sort(Comparator.comparingInt(MethodModel::firstLine).thenComparing(MethodModel::key));
        return methods;
    }

    private static String reason(Program program, CallGraph graph, ClassModel model, MethodModel method,
                                 String handler, List<MethodRef> named) {
        if (method.isAbstract() || method.isBridge() || method.name().startsWith("<")) {
            return null;
        }
        if (method.markedEntry() || model.markedEntry() && !method.isStatic()) {
            return "marked @RunsOnEventLoop";
        }
        for (MethodRef ref : named) {
            if (ref.internalClassName().equals(model.name()) && ref.methodName().equals(method.name())) {
                return "named by --entry";
            }
        }
        if (handler != null && !method.isStatic() && overridesFramework(program, graph, model, method)) {
            return handler;
        }
        return null;
    }

    /** Why the methods {@code model} overrides run on a loop: the first framework handler type it is; or null. */
    private static String handler(Program program, ClassModel model, List<FrameworkScanFacts> frameworks) {
        for (FrameworkScanFacts framework : frameworks) {
            for (String type : framework.handlerTypes()) {
                if (program.supertypes(model.name()).contains(type.replace('.', '/'))) {
                    return "a method of a " + framework.name() + " " + type.substring(type.lastIndexOf('.') + 1)
                            + " (" + type + "), which " + framework.name() + " calls on its event loop";
                }
            }
        }
        return null;
    }

    /**
     * Whether a framework type above {@code model} declares {@code method}, directly or through the bridge method the
     * compiler made for a generic parameter ({@code channelRead0(Request)} for {@code channelRead0(Object)}).
     */
    private static boolean overridesFramework(Program program, CallGraph graph, ClassModel model, MethodModel method) {
        if (declaredByFramework(program, graph, model, method)) {
            return true;
        }
        int parameters = Type.getArgumentCount(method.descriptor());
        for (MethodModel bridge : model.methods().values()) {
            if (bridge.isBridge() && bridge.name().equals(method.name())
                    && Type.getArgumentCount(bridge.descriptor()) == parameters
                    && declaredByFramework(program, graph, model, bridge)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaredByFramework(Program program, CallGraph graph, ClassModel model, MethodModel method) {
        for (String type : program.supertypes(model.name())) {
            ClassModel supertype = program.type(type);
            if (supertype != null && graph.framework(type) != null && supertype.method(method.name(),
                    method.descriptor()) != null) {
                return true;
            }
        }
        return false;
    }
}
