package io.loopguard.agent.scan;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.scan.CallGraph.TaskFate;
import io.loopguard.agent.scan.ClassModel.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the application's methods that run on event loops: methods of framework handlers it overrides, tasks it
 * hands to a loop (directly or through its own helpers), operators on a non-blocking scheduler, and methods the
 * user names ({@code @RunsOnEventLoop}, {@code --entry}). Frameworks' and libraries' own code has none.
 */
final class EntryPoints {

    private EntryPoints() {
    }

    static List<EntryPoint> find(Program program, CallGraph graph, FrameworkDescription frameworks,
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
            List<MethodRef> callbacks = callbacks(program, model, frameworks);
            for (MethodModel method : sorted(model)) {
                String reason = reason(model, method, callbacks, named);
                if (reason != null) {
                    entries.putIfAbsent(method.owner() + "." + method.key(), new EntryPoint(method, reason));
                }
                for (LambdaSite lambda : graph.tasks(method)) {
                    if (graph.fate(lambda) != TaskFate.ON_LOOP) {
                        continue;
                    }
                    MethodModel body = graph.followable(lambda.bodyOwner(), lambda.bodyName(), lambda.bodyDescriptor());
                    if (body != null) {
                        entries.putIfAbsent(body.owner() + "." + body.key(), new EntryPoint(body, reason(graph, lambda)));
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

    private static String reason(CallGraph graph, LambdaSite lambda) {
        if (lambda.onNonBlockingScheduler()) {
            return "an operator of a chain on a non-blocking scheduler";
        }
        MethodRef callback = graph.loopCallback(lambda);
        if (callback != null) {
            return "a lambda for " + callback + ", which its framework calls on an event loop";
        }
        return "a task handed to an event loop by " + lambda.consumer().owner().replace('/', '.') + "."
                + lambda.consumer().name();
    }

    private static String reason(ClassModel model, MethodModel method, List<MethodRef> callbacks,
                                 List<MethodRef> named) {
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
        for (MethodRef callback : callbacks) {
            if (!method.isStatic() && callback.methodName().equals(method.name())) {
                return "it implements " + callback + ", which its framework calls on an event loop";
            }
        }
        return null;
    }

    /** The framework callbacks ({@code ChannelInboundHandler#channelRead}) that {@code model}'s type has. */
    private static List<MethodRef> callbacks(Program program, ClassModel model, FrameworkDescription frameworks) {
        List<MethodRef> callbacks = new ArrayList<>();
        for (MethodRef callback : frameworks.runsOnEventLoop()) {
            if (program.supertypes(model.name()).contains(callback.internalClassName())) {
                callbacks.add(callback);
            }
        }
        return callbacks;
    }
}
