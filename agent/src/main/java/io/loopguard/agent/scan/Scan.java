package io.loopguard.agent.scan;

import io.loopguard.agent.ClassOrigin;
import io.loopguard.agent.allow.Allowances;
import io.loopguard.agent.scan.ClassModel.Origin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One scan: reads the classes, finds the entry points, and follows them to the blocking calls they reach. */
final class Scan {

    private Scan() {
    }

    /** What a scan found, and how much it read. */
    record Result(List<Finding> findings, int classes, int entryPoints, long millis) {
    }

    static Result run(ScanOptions options, List<FrameworkScanFacts> frameworks, Consumer<String> progress)
            throws IOException {
        long start = System.nanoTime();
        ClassModelReader reader = new ClassModelReader(frameworks);
        Map<String, ClassModel> classes = read(options, reader, frameworks, progress);
        progress.accept("read " + classes.size() + " classes in " + millisSince(start) + " ms");

        Program program = new Program(classes, reader);
        CallGraph graph = CreatedClasses.settle(program,
                settled -> new CallGraph(settled, frameworks, Allowances.with(options.allowed())));
        List<EntryPoint> entries = EntryPoints.find(program, graph, frameworks, options.entries());
        progress.accept("following " + entries.size() + " entry points, at most " + options.maxDepth()
                + " calls deep");
        List<Finding> findings = new PathFinder(program, graph, options.maxDepth()).find(entries, progress);
        return new Result(findings, program.size(), entries.size(), millisSince(start));
    }

    /** Reads the class files one after the other and parses them on every core; the first of a name wins. */
    private static Map<String, ClassModel> read(ScanOptions options, ClassModelReader reader,
                                                List<FrameworkScanFacts> frameworks, Consumer<String> progress)
            throws IOException {
        List<ClassFile> files = new ArrayList<>();
        Map<String, Boolean> named = new ConcurrentHashMap<>();
        ClassFiles.read(options.application(), (name, bytes) -> {
            if (named.putIfAbsent(name, true) == null) {
                files.add(new ClassFile(name, bytes,
                        options.inApplicationPackages(name) ? Origin.APPLICATION : Origin.LIBRARY));
            }
        });
        ClassFiles.read(options.classpath(), (name, bytes) -> {
            if (named.putIfAbsent(name, true) == null) {
                files.add(new ClassFile(name, bytes, Origin.LIBRARY));
            }
        });
        Map<String, ClassModel> classes = new ConcurrentHashMap<>();
        List<String> unreadable = new CopyOnWriteArrayList<>();
        files.parallelStream().forEach(file -> {
            boolean opaque = ClassOrigin.isJdk(file.name()) || frameworks.stream().anyMatch(f -> f.owns(file.name()));
            try {
                classes.put(file.name(), reader.read(file.bytes(), opaque ? Origin.OPAQUE : file.origin()));
            } catch (RuntimeException e) {
                unreadable.add(file.name());
            }
        });
        if (!unreadable.isEmpty()) {
            progress.accept(unreadable.size() + " class files are not valid class files this scan reads, and are"
                    + " left out, e.g. " + unreadable.get(0));
        }
        return classes;
    }

    private record ClassFile(String name, byte[] bytes, Origin origin) {
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
