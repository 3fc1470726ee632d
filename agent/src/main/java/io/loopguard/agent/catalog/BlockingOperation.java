package io.loopguard.agent.catalog;

import java.util.List;

/**
 * One blocking operation: the methods named {@code methodNames} declared in {@code className} (all
 * overloads, or only those with {@code parameterCount} parameters when that is not {@link #ANY_PARAMETERS}),
 * reported under one stable {@code name}.
 *
 * @param name      the stable name reports and metrics use, e.g. {@code java.io.FileInputStream.read}
 * @param condition when a call to one of the methods counts as blocking
 */
public record BlockingOperation(String name, String className, List<String> methodNames, int parameterCount,
                                BlocksWhen condition, Remedy remedy) {

    public static final int ANY_PARAMETERS = -1;

    /** One method that always blocks, reported as {@code className.methodName}. */
    public BlockingOperation(String className, String methodName, int parameterCount, Remedy remedy) {
        this(className + "." + methodName, className, List.of(methodName), parameterCount, BlocksWhen.ALWAYS,
                remedy);
    }

    /** Whether {@code method} ({@code java.io.FileInputStream.readAllBytes}) is one of the methods probed. */
    public boolean probes(String method) {
        return methodNames.stream().anyMatch(name -> method.equals(className + "." + name));
    }
}
