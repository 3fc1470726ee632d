package io.loopguard.agent.scan;

import io.loopguard.agent.common.MethodRef;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code scan}, parsed from its command line.
 *
 * @param application the jars and class directories scanned for entry points and followed
 * @param classpath   their dependencies: followed, but with no entry points of their own
 * @param packages    when not empty, only classes of {@code application} in these packages are the application's
 */
record ScanOptions(List<Path> application, List<Path> classpath, List<String> packages, List<MethodRef> entries,
                   List<MethodRef> allowed, Path sarif, String sourceRoot, Path baseline, boolean updateBaseline, int maxDepth,
                   boolean quiet) {

    static final int DEFAULT_DEPTH = 16;

    static final String USAGE = """
            Usage: java -jar loopguard-agent.jar scan [options] PATH...
            Lists every path from an event-loop entry point to a blocking call in the compiled classes of PATH
            (jars, class directories, or a class path joined with '%1$s'). Exit code: 0 when there is no new
            finding, 1 when there is, 2 when the command line or an input is wrong.

            Options:
              --classpath CP          dependencies (jars, directories, '%1$s'-separated): paths are followed through
                                      them, but they have no entry points of their own
              --packages PREFIX       only classes in these packages (comma-separated, e.g. com.acme) are the
                                      application; the rest of PATH is a dependency: for a jar with dependencies
              --entry Class#method    a method that runs on an event loop, in addition to those found (repeatable,
                                      or comma-separated); @io.loopguard.api.RunsOnEventLoop marks one in code
              --allow Class#method    blocking is accepted inside this method: no path through it is reported
                                      (repeatable, or comma-separated), as the agent's allow option
              --baseline FILE         findings listed in FILE are known: only new ones are reported as failures
              --update-baseline       write every current finding to the --baseline FILE and exit 0
              --sarif FILE            also write the findings as SARIF 2.1.0 (GitHub and GitLab code scanning)
              --source-root DIR       in SARIF, source paths are DIR/com/acme/Handler.java (e.g. src/main/java)
              --depth N               follow calls at most N methods deep (default %2$d)
              --quiet                 no progress lines on standard error
            """.formatted(File.pathSeparator, DEFAULT_DEPTH);

    /** Parses {@code arguments}; throws {@link IllegalArgumentException} with a sentence the user can act on. */
    static ScanOptions parse(List<String> arguments) {
        List<Path> application = new ArrayList<>();
        List<Path> classpath = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        List<MethodRef> entries = new ArrayList<>();
        List<MethodRef> allowed = new ArrayList<>();
        Path sarif = null;
        Path baseline = null;
        String sourceRoot = null;
        boolean updateBaseline = false;
        boolean quiet = false;
        int depth = DEFAULT_DEPTH;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                application.addAll(paths(argument));
                continue;
            }
            String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            switch (option) {
                case "--quiet" -> quiet = true;
                case "--update-baseline" -> updateBaseline = true;
                case "--classpath", "--packages", "--entry", "--allow", "--sarif", "--baseline", "--source-root", "--depth" -> {
                    String value;
                    if (argument.contains("=")) {
                        value = argument.substring(argument.indexOf('=') + 1);
                    } else if (i + 1 < arguments.size()) {
                        value = arguments.get(++i);
                    } else {
                        throw new IllegalArgumentException(option + " needs a value; see scan --help");
                    }
                    switch (option) {
                        case "--classpath" -> classpath.addAll(paths(value));
                        case "--packages" -> packages.addAll(packagePrefixes(value));
                        case "--entry" -> entries.addAll(methods(value));
                        case "--allow" -> allowed.addAll(methods(value));
                        case "--sarif" -> sarif = Path.of(value);
                        case "--baseline" -> baseline = Path.of(value);
                        case "--source-root" -> sourceRoot = value;
                        default -> depth = depth(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + option + "; see scan --help");
            }
        }
        if (application.isEmpty()) {
            throw new IllegalArgumentException("name at least one jar or class directory to scan; see scan --help");
        }
        if (updateBaseline && baseline == null) {
            throw new IllegalArgumentException("--update-baseline needs --baseline FILE to write to");
        }
        return new ScanOptions(List.copyOf(application), List.copyOf(classpath), List.copyOf(packages),
                List.copyOf(entries),
                List.copyOf(allowed), sarif, sourceRoot, baseline, updateBaseline, depth, quiet);
    }

    private static List<Path> paths(String value) {
        List<Path> paths = new ArrayList<>();
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part.trim()));
            }
        }
        return paths;
    }

    /** {@code com.acme} as the internal prefix {@code com/acme/}. */
    private static List<String> packagePrefixes(String value) {
        List<String> prefixes = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip().replaceAll("[.*]+$", "");
            if (!name.isEmpty()) {
                prefixes.add(name.replace('.', '/') + "/");
            }
        }
        return prefixes;
    }

    /** Whether the class (internal name) is the application's, as far as --packages says. */
    boolean inApplicationPackages(String className) {
        return packages.isEmpty() || packages.stream().anyMatch(className::startsWith);
    }

    private static List<MethodRef> methods(String value) {
        List<MethodRef> methods = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                methods.add(MethodRef.parse(part.trim()));
            }
        }
        return methods;
    }

    private static int depth(String value) {
        try {
            int depth = Integer.parseInt(value.trim());
            if (depth > 0) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what is expected
        }
        throw new IllegalArgumentException("--depth takes a whole number of methods above 0, not '" + value + "'");
    }
}
