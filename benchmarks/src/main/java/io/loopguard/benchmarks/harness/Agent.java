package io.loopguard.benchmarks.harness;

import java.nio.file.Path;
import java.util.List;

/** What a benchmarked JVM runs with: nothing, the Loopguard agent, or BlockHound installed in-process. */
public enum Agent {
    NONE("no agent"),
    LOOPGUARD("Loopguard"),
    BLOCKHOUND("BlockHound");

    private final String label;

    Agent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The JVM options that attach this agent; BlockHound itself is installed by the program (see its mains). */
    public List<String> jvmOptions(String loopguardOptions) {
        return switch (this) {
            case NONE -> List.of();
            case LOOPGUARD -> List.of("-javaagent:" + Path.of(JmhForks.LOOPGUARD_JAR).toAbsolutePath().normalize()
                    + (loopguardOptions.isEmpty() ? "" : "=" + loopguardOptions));
            case BLOCKHOUND -> List.of(JmhForks.BLOCKHOUND_FLAG);
        };
    }

    /** The argument a benchmark main takes to know which agent it runs with. */
    public String argument() {
        return name().toLowerCase();
    }

    public static Agent fromArgument(String argument) {
        return valueOf(argument.toUpperCase());
    }
}
