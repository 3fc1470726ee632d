package io.loopguard.agent.scan;

import io.loopguard.agent.scan.CallGraph.Step;
import io.loopguard.agent.scan.ClassModel.Origin;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;

/**
 * Which classes the program can create, so a virtual call is resolved only to classes that exist at run time
 * (rapid type analysis): those the application's code creates, and those created by library code the application
 * can reach. A library class only created by code nothing calls (a listener of a feature not used) is left out.
 */
final class CreatedClasses {

    private CreatedClasses() {
    }

    /** Grows the program's created classes until reaching more code creates no more; the graph over the result. */
    static CallGraph settle(Program program, Function<Program, CallGraph> graphs) {
        while (true) {
            CallGraph graph = graphs.apply(program);
            if (!program.instantiate(createdByReachableCode(program, graph))) {
                return graph;
            }
        }
    }

    private static Set<String> createdByReachableCode(Program program, CallGraph graph) {
        Set<MethodModel> seen = new HashSet<>();
        Queue<MethodModel> queue = new ArrayDeque<>();
        for (ClassModel model : program.scannedClasses()) {
            if (model.origin() == Origin.APPLICATION) {
                queue.addAll(model.methods().values());
                seen.addAll(model.methods().values());
            }
        }
        Set<String> created = new HashSet<>();
        while (!queue.isEmpty()) {
            MethodModel method = queue.remove();
            created.addAll(method.creates());
            for (Step step : graph.steps(method)) {
                if (step.target() != null && seen.add(step.target())) {
                    queue.add(step.target());
                }
            }
            // A lambda runs somewhere, now or later, on this thread or another: what it creates exists.
            for (LambdaSite lambda : graph.tasks(method)) {
                MethodModel body = graph.followable(lambda.bodyOwner(), lambda.bodyName(), lambda.bodyDescriptor());
                if (body != null && seen.add(body)) {
                    queue.add(body);
                }
            }
        }
        return created;
    }
}
