package io.loopguard.junit;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs sample test classes with the JUnit Platform's EngineTestKit, in a forked JVM, and prints one line per
 * finished test or class, {@code RESULT <Class>[#method] <status>}, followed by its failure message, each
 * line prefixed with {@code | }.
 *
 * <p>Usage: {@code RunSamples <sample class | --parallel | --autodetect>...}: the options apply to the classes
 * after them, {@code --parallel} enables JUnit's parallel execution, {@code --autodetect} its extension
 * autodetection.
 */
public final class RunSamples {

    public static void main(String[] args) throws ClassNotFoundException {
        boolean parallel = false;
        boolean autodetect = false;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                parallel |= arg.equals("--parallel");
                autodetect |= arg.equals("--autodetect");
                continue;
            }
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .selectors(DiscoverySelectors.selectClass(Class.forName(arg)))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled",
                            String.valueOf(autodetect))
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                    .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                    .execute();
            results.allEvents().finished().stream().forEach(RunSamples::print);
        }
        System.exit(0); // the samples' event loops are closed, but a stray non-daemon thread must not hang the run
    }

    private static void print(Event event) {
        Optional<String> name = event.getTestDescriptor().getSource().flatMap(RunSamples::name);
        if (name.isEmpty()) {
            return;
        }
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        System.out.println("RESULT " + name.get() + " " + result.getStatus());
        result.getThrowable().ifPresent(thrown -> {
            String message = thrown.getClass().getName() + ": " + thrown.getMessage();
            message.lines().forEach(line -> System.out.println("| " + line));
        });
    }

    private static Optional<String> name(TestSource source) {
        if (source instanceof MethodSource method) {
            return Optional.of(simpleName(method.getClassName()) + "#" + method.getMethodName());
        }
        if (source instanceof ClassSource type) {
            return Optional.of(simpleName(type.getClassName()));
        }
        return Optional.empty();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
