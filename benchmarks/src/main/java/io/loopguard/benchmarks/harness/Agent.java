package io.loopguard.benchmarks.harness;

import java.nio.file.Path;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * What a benchmarked JVM runs with: nothing, the Loopguard agent, the Loopguard agent attached by the program
 * itself as the JUnit extension does without {@code -javaagent}, or BlockHound installed in-process.
 */
public enum Agent {
    NONE("no agent"),
    LOOPGUARD("Loopguard"),
    LOOPGUARD_SELF_ATTACHED("Loopguard, self-attached"),
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
            // Options as system properties, the way a self-attached agent reads them.
            case LOOPGUARD_SELF_ATTACHED -> loopguardOptions.isEmpty() ? List.of()
                    : Arrays.stream(loopguardOptions.split(",")).map(option -> "-Dloopguard." + option).toList();
            case BLOCKHOUND -> List.of(JmhForks.BLOCKHOUND_FLAG);
        };
    }

    /**
     * Attaches Loopguard the way the JUnit extension does when the JVM was started without it (ByteBuddy's
     * attach: the Attach API or a helper JVM), if this is that variant; the program calls it first thing.
     */
    public void attachIfSelfAttached() throws IOException {
        if (this == LOOPGUARD_SELF_ATTACHED) {
            ByteBuddyAgent.attach(Path.of(JmhForks.LOOPGUARD_JAR).toAbsolutePath().normalize().toFile(),
                    String.valueOf(ProcessHandle.current().pid()));
        }
    }

    /** The argument a benchmark main takes to know which agent it runs with. */
    public String argument() {
        return name().toLowerCase();
    }

    public static Agent fromArgument(String argument) {
        return valueOf(argument.toUpperCase());
    }
}
