package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module's main sources have packages that import each other in a circle: each package can be read, and
 * moved, after the packages it uses. Reads the {@code import io.loopguard...} lines of every module's sources.
 */
class PackageImportCyclesTest {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(io\\.loopguard\\.[\\w.*]+)\\s*;",
            Pattern.MULTILINE);

    @Test
    void noModuleHasAnImportCircle() {
        List<Path> modules = modules();
        assertTrue(modules.size() >= 6, "expected every module's src/main/java, found " + modules);
        List<String> circles = new ArrayList<>();
        for (Path module : modules) {
            findCircle(imports(module)).ifPresent(circle -> circles.add(module.getFileName() + ": " + circle));
        }
        assertEquals(List.of(), circles, "packages that import each other in a circle");
    }

    @Test
    void aCircleIsFoundAndNamed() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertEquals("a -> b -> c -> a", findCircle(graph).orElseThrow());
        assertFalse(findCircle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of()))).isPresent());
    }

    @Test
    void anImportNamesThePackageOfItsClass() {
        assertEquals("io.loopguard.agent.common", packageOf("io.loopguard.agent.common.MethodRef"));
        assertEquals("io.loopguard.agent.common", packageOf("io.loopguard.agent.common.ClassOrigin.isJdk"));
        assertEquals("io.loopguard.agent.frameworks", packageOf("io.loopguard.agent.frameworks.*"));
        assertEquals("io.loopguard.bootstrap", packageOf("io.loopguard.bootstrap.LoopClock.Entry"));
    }

    /** The project's modules with main sources: the agent's siblings, found from the agent module's folder. */
    private static List<Path> modules() {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(child -> Files.isDirectory(child.resolve("src/main/java"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Package to the other packages of Loopguard it imports. */
    private static Map<String, Set<String>> imports(Path module) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    continue;
                }
                Set<String> used = graph.computeIfAbsent(declared.group(1), name -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(source);
                while (imported.find()) {
                    String target = packageOf(imported.group(1));
                    if (!target.equals(declared.group(1))) {
                        used.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The package part of an imported name: the segments before the first that starts with a capital. */
    private static String packageOf(String imported) {
        List<String> segments = new ArrayList<>();
        for (String segment : imported.split("\\.")) {
            if (segment.equals("*") || Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    /** The first circle found by a depth-first walk, written {@code a -> b -> a}. */
    private static Optional<String> findCircle(Map<String, Set<String>> graph) {
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            Optional<String> circle = walk(start, graph, new LinkedHashSet<>(), done);
            if (circle.isPresent()) {
                return circle;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> walk(String node, Map<String, Set<String>> graph,
                                                   LinkedHashSet<String> path, Set<String> done) {
        if (path.contains(node)) {
            List<String> onPath = new ArrayList<>(path);
            List<String> circle = new ArrayList<>(onPath.subList(onPath.indexOf(node), onPath.size()));
            circle.add(node);
            return Optional.of(String.join(" -> ", circle));
        }
        if (!done.add(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            Optional<String> circle = walk(next, graph, path, done);
            if (circle.isPresent()) {
                return circle;
            }
        }
        path.remove(node);
        return Optional.empty();
    }
}
