package io.loopguard.benchmarks.harness;

/**
 * The JVM arguments of JMH's forks, as compile-time constants because {@code @Fork} needs them so. Paths
 * are relative to {@code benchmarks/}, the directory {@code benchmarks/run} starts every JVM in.
 */
public final class JmhForks {
    /** The agent jar {@code mvn package} builds. */
    public static final String LOOPGUARD_JAR = "../agent/target/loopguard-agent.jar";
    /** The Loopguard agent, with options appended after it. */
    public static final String LOOPGUARD = "-javaagent:" + LOOPGUARD_JAR + "=";
    /** BlockHound renames native methods when it retransforms, which JDK 13 and later allow only with this flag. */
    public static final String BLOCKHOUND_FLAG = "-XX:+AllowRedefinitionToAddDeleteMethods";
    /** Part of the name JMH gives its benchmark threads: {@code <benchmark>-jmh-worker-<n>}. */
    public static final String WORKER = "-jmh-worker-";

    private JmhForks() {
    }
}
