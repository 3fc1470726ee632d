package io.loopguard.agent.scan;

import io.loopguard.agent.scan.CallGraph.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks the call graph breadth first from each entry point, to a bounded depth, and keeps one finding per
 * blocking call: the shortest path from the first entry point that reaches it.
 */
final class PathFinder {
    private final Program program;
    private final CallGraph graph;
    private final int maxDepth;

    PathFinder(Program program, CallGraph graph, int maxDepth) {
        this.program = program;
        this.graph = graph;
        this.maxDepth = maxDepth;
    }

    List<Finding> find(List<EntryPoint> entries, Consumer<String> progress) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        Map<String, Set<EntryPoint>> reachedFrom = new HashMap<>();
        long lastReport = System.nanoTime();
        for (int i = 0; i < entries.size(); i++) {
            EntryPoint entry = entries.get(i);
            walk(entry, findings, reachedFrom);
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                progress.accept("followed " + (i + 1) + " of " + entries.size() + " entry points, "
                        + findings.size() + " blocking calls found so far");
                lastReport = System.nanoTime();
            }
        }
        return List.copyOf(findings.values());
    }

    private void walk(EntryPoint entry, Map<String, Finding> findings, Map<String, Set<EntryPoint>> reachedFrom) {
        Set<MethodModel> seen = new HashSet<>();
        Queue<Node> queue = new ArrayDeque<>();
        queue.add(new Node(entry.method(), null, 0, 0));
        seen.add(entry.method());
        while (!queue.isEmpty()) {
            Node node = queue.remove();
            for (Step step : graph.steps(node.method())) {
                if (step.blocking() != null) {
                    String key = node.method().owner() + "." + node.method().key() + "@" + step.line() + " "
                            + step.blocking().method();
                    Finding known = findings.get(key);
                    if (known == null) {
                        findings.put(key, new Finding(step.blocking(), stack(node, step.line()), entry, 0));
                        reachedFrom.computeIfAbsent(key, k -> new HashSet<>()).add(entry);
                    } else if (reachedFrom.get(key).add(entry)) {
                        findings.put(key, known.alsoReachedFromAnother());
                    }
                } else if (node.depth() < maxDepth && seen.add(step.target())) {
                    queue.add(new Node(step.target(), node, step.line(), node.depth() + 1));
                }
            }
        }
    }

    private List<Frame> stack(Node node, int line) {
        List<Frame> frames = new ArrayList<>();
        int lineInNode = line;
        for (Node at = node; at != null; at = at.parent()) {
            MethodModel method = at.method();
            ClassModel type = program.type(method.owner());
            frames.add(new Frame(method.owner().replace('/', '.'), method.name(),
                    type == null ? null : type.sourceFile(), lineInNode));
            lineInNode = at.lineInParent();
        }
        return List.copyOf(frames);
    }

    /** A method reached on the walk, the method that reached it, and the line of that call. */
    private record Node(MethodModel method, Node parent, int lineInParent, int depth) {
    }
}
