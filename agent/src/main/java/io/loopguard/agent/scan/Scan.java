package io.loopguard.agent.scan;

import io.loopguard.agent.common.ClassOrigin;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.frameworks.Frameworks;
import io.loopguard.agent.scan.ClassModel.Origin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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

    static Result run(ScanOptions options, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        FrameworkDescription frameworks = frameworks(options, progress);
        ClassModelReader reader = new ClassModelReader(frameworks.scan());
        Map<String, ClassModel> classes = read(options, reader, frameworks, progress);
        progress.accept("read " + classes.size() + " classes in " + millisSince(start) + " ms");

        Program program = new Program(classes, reader);
        List<MethodRef> allowed = new ArrayList<>(frameworks.allowedMethods());
        allowed.addAll(options.allowed());
        CallGraph graph = CreatedClasses.settle(program, settled -> new CallGraph(settled, frameworks, allowed));
        List<EntryPoint> entries = EntryPoints.find(program, graph, frameworks, options.entries());
        progress.accept("following " + entries.size() + " entry points, at most " + options.maxDepth()
                + " calls deep");
        List<Finding> findings = new PathFinder(program, graph, options.maxDepth()).find(entries, progress);
        return new Result(findings, program.size(), entries.size(), millisSince(start));
    }

    /**
     * The built-in frameworks, and the integrations (META-INF/services/io.loopguard.api.spi.LoopguardIntegration)
     * in the scanned jars: a framework that describes itself is known to the scan as to the agent.
     */
    private static FrameworkDescription frameworks(ScanOptions options, Consumer<String> progress) {
        List<URL> urls = new ArrayList<>();
        for (Path path : concat(options.application(), options.classpath())) {
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                progress.accept("cannot look for integrations in " + path + " (" + e.getMessage() + ")");
            }
        }
        return Frameworks.load(new URLClassLoader(urls.toArray(URL[]::new), Scan.class.getClassLoader()), progress);
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Reads the class files one after the other and parses them on every core; the first of a name wins. */
    private static Map<String, ClassModel> read(ScanOptions options, ClassModelReader reader,
                                                FrameworkDescription frameworks, Consumer<String> progress)
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
            boolean opaque = ClassOrigin.isJdk(file.name()) || frameworks.scan().owns(file.name());
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
